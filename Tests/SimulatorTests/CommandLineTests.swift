import Foundation
import Simulator
import XCTest

final class CommandLineTests: XCTestCase {
    private func configuration(_ arguments: [String]) throws -> SimulatorConfiguration {
        guard case .success(.run(let config)) = SimulatorCommandLine.parse(arguments) else {
            throw XCTSkip("unexpected parse result for \(arguments)")
        }
        return config
    }

    private func problem(_ arguments: [String]) -> String? {
        if case .failure(let error) = SimulatorCommandLine.parse(arguments) { return error.description }
        return nil
    }

    func testEveryOptionReachesTheConfiguration() throws {
        let config = try configuration([
            "--port", "8700", "--host=127.0.0.1", "--leads", "1000", "--seed", "42", "--users", "5",
            "--latency-ms", "20", "--error-rate", "0.2", "--drop-rate=0.1", "--malformed-rate", "0.05", "--rate-limit", "10/1",
        ])
        XCTAssertEqual(config.port, 8700)
        XCTAssertEqual(config.leadCount, 1000)
        XCTAssertEqual(config.seed, 42)
        XCTAssertEqual(config.userCount, 5)
        XCTAssertEqual(config.faults, FaultSettings(
            latencyMs: 20, errorRate: 0.2, dropRate: 0.1, malformedRate: 0.05,
            rateLimit: FaultSettings.RateLimit(requests: 10, windowSeconds: 1)))
    }

    func testVendorOptionsReachTheConfiguration() throws {
        let config = try configuration([
            "--closingdealz-plan", "free", "--closingdealz-rate-limit", "5/10", "--zenvia-rate-limit=7/60",
            "--zenvia-prospects", "12", "--fault-vendor", "zenvia", "--error-rate", "1",
        ])
        XCTAssertEqual(config.closingDealzPlan, .free)
        XCTAssertEqual(config.closingDealzRateLimit, FaultSettings.RateLimit(requests: 5, windowSeconds: 10))
        XCTAssertEqual(config.zenviaRateLimit, FaultSettings.RateLimit(requests: 7, windowSeconds: 60))
        XCTAssertEqual(config.zenviaProspects, 12)
        XCTAssertEqual(config.faultVendor, .zenvia)
        XCTAssertNil(problem(["--closingdealz-plan", "basic"]))
        XCTAssertNotNil(problem(["--closingdealz-plan", "gold"]))
        XCTAssertNotNil(problem(["--fault-vendor", "acme"]))
    }

    func testBadUsageGivesOneLineMessages() {
        for arguments in [["--bogus"], ["--port"], ["--port", "99999"], ["--rate-limit", "10"], ["--error-rate", "1.5"], ["--users", "0"]] {
            let message = problem(arguments)
            XCTAssertNotNil(message, "\(arguments)")
            XCTAssertFalse(message?.contains("\n") ?? true)
            XCTAssertTrue(message?.hasPrefix("closer-sim: ") ?? false)
        }
    }

    func testHelpIsRecognised() {
        guard case .success(.help) = SimulatorCommandLine.parse(["--help"]) else { return XCTFail("--help not recognised") }
    }

    /// Runs the built `closer-sim` next to the test bundle, when it was built.
    func testExecutablePrintsBaseURLAndUsersThenStopsOnSIGTERM() throws {
        let candidates = [Bundle(for: CommandLineTests.self).bundleURL, Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0])]
            .map { $0.deletingLastPathComponent().appendingPathComponent("closer-sim") }
        guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("closer-sim not built next to the tests")
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--port", "0", "--leads", "5", "--users", "2", "--seed", "3"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var text = ""
        let handle = output.fileHandleForReading
        let kinds = ["zenvia", "cleverapp", "closingdealz", "chatbot"]
        while !kinds.allSatisfy({ text.contains("vendor=\($0) ") && text.hasSuffix("\n") }) {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        process.terminate()
        for _ in 0..<200 where process.isRunning { usleep(50_000) }  // never hang the suite
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.first?.hasPrefix("base_url=http://127.0.0.1:") ?? false, text)
        XCTAssertTrue(lines.first?.hasSuffix("/api/v1") ?? false, text)
        let users = lines.filter { $0.hasPrefix("user=") }
        XCTAssertEqual(users.count, 2)
        XCTAssertTrue(users.allSatisfy { $0.contains(" apikey=ak_") && $0.contains(" token=tk_") })
        let vendors = lines.filter { $0.hasPrefix("vendor=") }
        for kind in kinds {
            let line = try XCTUnwrap(vendors.first { $0.hasPrefix("vendor=\(kind) ") }, text)
            XCTAssertTrue(line.contains(" url=http://127.0.0.1:") && line.contains(" key="), line)
        }
        XCTAssertTrue(vendors.first { $0.hasPrefix("vendor=chatbot ") }?.contains(" chatbot_id=cb_") ?? false, text)
        XCTAssertEqual(process.terminationStatus, 0)

        let bad = Process()
        bad.executableURL = binary
        bad.arguments = ["--leads", "many"]
        bad.standardError = Pipe()
        try bad.run()
        bad.waitUntilExit()
        XCTAssertEqual(bad.terminationStatus, 2)
    }
}
