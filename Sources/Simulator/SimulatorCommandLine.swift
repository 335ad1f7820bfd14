/// The `closer-sim` command line: options into a `SimulatorConfiguration`, or a usage problem.
public enum SimulatorCommandLine {
    /// What the arguments asked for.
    public enum Parsed: Sendable {
        case run(SimulatorConfiguration)
        case help
    }

    /// A one-line usage error (the executable prints it and exits 2).
    public struct UsageError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public static let usage = """
        usage: closer-sim [--port P] [--host 127.0.0.1] [--leads N] [--seed S] [--users N]
                          [--latency-ms N] [--error-rate F] [--drop-rate F] [--malformed-rate F]
                          [--rate-limit N/SECONDS] [--fault-vendor KIND]
                          [--closingdealz-plan basic|free] [--closingdealz-rate-limit N/SECONDS]
                          [--zenvia-rate-limit N/SECONDS] [--zenvia-prospects N]

        A loopback stand-in for five vendor APIs on one port: "Leads & CRM" (seed 001) under
        /api/v1, Zenvia under /zenvia/v1, CleverApp under /cleverapp, ClosingDealz under
        /closingdealz, the chatbot workspace under /chatbot; control endpoints under /_sim/
        (state, stats, faults, server-side edits; loopback only).
        Prints base_url=..., control_url=..., one user=... apikey=... token=... line per user and
        one vendor=KIND url=... key=... line per other vendor, then serves until SIGINT or SIGTERM.
        Defaults: port 0 (a free port), 200 leads, seed 1, 3 users, ClosingDealz basic plan and
        1000/300, Zenvia 120/60 and one prospect per three demo leads (at most 500).
        Rates are shares from 0 to 1; --rate-limit 10/1 injects a limit of 10 requests per key per
        second. Fault flags apply to every vendor, or only to --fault-vendor (leads-crm, zenvia,
        cleverapp, closingdealz, chatbot).
        """

    /// Parses arguments (without the program name). `--name value` and `--name=value` both work.
    public static func parse(_ arguments: [String]) -> Result<Parsed, UsageError> {
        var config = SimulatorConfiguration()
        var index = 0
        func fail(_ message: String) -> Result<Parsed, UsageError> {
            .failure(UsageError(description: "closer-sim: \(message) (see --help)"))
        }
        while index < arguments.count {
            var name = arguments[index]
            var value: String?
            if let equals = name.firstIndex(of: "="), name.hasPrefix("--") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            index += 1
            if name == "--help" || name == "-h" { return .success(.help) }
            let known = ["--port", "--host", "--leads", "--seed", "--users", "--latency-ms", "--error-rate",
                         "--drop-rate", "--malformed-rate", "--rate-limit", "--fault-vendor", "--closingdealz-plan",
                         "--closingdealz-rate-limit", "--zenvia-rate-limit", "--zenvia-prospects"]
            guard known.contains(name) else { return fail("unknown option '\(name)'") }
            if value == nil {
                guard index < arguments.count else { return fail("\(name) needs a value") }
                value = arguments[index]
                index += 1
            }
            let text = value ?? ""
            switch name {
            case "--port":
                guard let port = UInt16(text) else { return fail("--port must be 0...65535, got '\(text)'") }
                config.port = port
            case "--host":
                guard !text.isEmpty else { return fail("--host must not be empty") }
                config.host = text
            case "--leads":
                guard let count = Int(text), count >= 0, count <= 5_000_000 else { return fail("--leads must be 0...5000000, got '\(text)'") }
                config.leadCount = count
            case "--seed":
                guard let seed = UInt64(text) else { return fail("--seed must be a non-negative integer, got '\(text)'") }
                config.seed = seed
            case "--users":
                guard let count = Int(text), count >= 1, count <= 1000 else { return fail("--users must be 1...1000, got '\(text)'") }
                config.userCount = count
            case "--latency-ms":
                guard let ms = Int(text), ms >= 0, ms <= 60_000 else { return fail("--latency-ms must be 0...60000, got '\(text)'") }
                config.faults.latencyMs = ms
            case "--error-rate", "--drop-rate", "--malformed-rate":
                guard let rate = Double(text), rate >= 0, rate <= 1 else { return fail("\(name) must be a number from 0 to 1, got '\(text)'") }
                if name == "--error-rate" { config.faults.errorRate = rate }
                if name == "--drop-rate" { config.faults.dropRate = rate }
                if name == "--malformed-rate" { config.faults.malformedRate = rate }
            case "--fault-vendor":
                guard let kind = VendorKind(rawValue: text) else {
                    return fail("--fault-vendor must be one of \(VendorKind.allCases.map(\.rawValue).joined(separator: ", ")), got '\(text)'")
                }
                config.faultVendor = kind
            case "--closingdealz-plan":
                guard let plan = ClosingDealzPlan(rawValue: text) else { return fail("--closingdealz-plan must be basic or free, got '\(text)'") }
                config.closingDealzPlan = plan
            case "--closingdealz-rate-limit", "--zenvia-rate-limit":
                guard let limit = FaultSettings.RateLimit(parsing: text) else {
                    return fail("\(name) must be N/SECONDS with positive integers, got '\(text)'")
                }
                if name == "--zenvia-rate-limit" { config.zenviaRateLimit = limit } else { config.closingDealzRateLimit = limit }
            case "--zenvia-prospects":
                guard let count = Int(text), count >= 0, count <= 100_000 else { return fail("--zenvia-prospects must be 0...100000, got '\(text)'") }
                config.zenviaProspects = count
            default:  // --rate-limit
                guard let limit = FaultSettings.RateLimit(parsing: text) else {
                    return fail("--rate-limit must be N/SECONDS with positive integers, got '\(text)'")
                }
                config.faults.rateLimit = limit
            }
        }
        return .success(.run(config))
    }
}
