import Foundation

/// `closer-sim` (the binary beside `closer-bench`) in its own process, for client-only figures.
final class ExternalSimulator {
    let process = Process()
    let baseURL: URL
    let apiKey: String
    let token: String
    let username: String

    /// Starts it with `leads` leads on a free port and reads its address and first user.
    init(leads: Int) throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("closer-sim")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw SyncBenchmark.BenchmarkFailure("--external-sim: \(binary.path) not found (swift build -c release --product closer-sim)")
        }
        process.executableURL = binary
        process.arguments = ["--port", "0", "--leads", String(leads), "--seed", "1", "--users", "8"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, !(text.contains("base_url=") && text.contains("token=")) {
            let data = pipe.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") where values["token"] == nil || values["base_url"] == nil {
            for word in line.split(separator: " ") {
                let parts = word.split(separator: "=", maxSplits: 1)
                if parts.count == 2, values[String(parts[0])] == nil { values[String(parts[0])] = String(parts[1]) }
            }
        }
        guard let base = values["base_url"].flatMap(URL.init(string:)), let key = values["apikey"], let token = values["token"],
              let user = values["user"] else {
            process.terminate()
            throw SyncBenchmark.BenchmarkFailure("closer-sim did not print its address")
        }
        baseURL = base
        apiKey = key
        self.token = token
        username = user
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
