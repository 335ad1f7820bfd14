import Foundation
import XCTest

/// The built `closer` binary run as a subprocess, with its own temporary directory (database,
/// XDG directories and HOME all inside it, so no test touches the user's files).
struct CloserProcess {
    /// Output of one run.
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String

        var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
    }

    let directory: URL
    var database: String { directory.appendingPathComponent("closer.db").path }

    /// A fresh temporary directory for one test.
    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("closer-cli-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Removes the temporary directory.
    func cleanUp() { try? FileManager.default.removeItem(at: directory) }

    /// The `closer` executable: next to the test bundle in the build products directory.
    static func executable() throws -> URL {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["CLOSER_BINARY"] { candidates.append(URL(fileURLWithPath: path)) }
        for bundle in [Bundle.main] + Bundle.allBundles {
            candidates.append(bundle.bundleURL.appendingPathComponent("closer"))
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("closer"))
        }
        let argv0 = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        candidates.append(argv0.appendingPathComponent("closer"))
        candidates.append(argv0.deletingLastPathComponent().appendingPathComponent("closer"))
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        throw XCTSkip("closer binary not found next to the test bundle (\(candidates.map(\.path)))")
    }

    /// Writes `text` to a file in the test directory and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }

    /// Writes bytes to a file in the test directory and returns its path.
    func write(_ name: String, _ data: Data) throws -> String {
        let url = directory.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    /// Runs `closer --db <this test's db> ARGS` (or without `--db` when `database` is nil).
    /// `environment` overrides variables of the inherited environment (nil removes one).
    func run(_ arguments: [String], database: String?? = .none, stdin: String? = nil,
             environment overrides: [String: String?] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = try Self.executable()
        let db: String? = database ?? self.database
        process.arguments = (db.map { ["--db", $0] } ?? []) + arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = directory.appendingPathComponent("data").path
        environment["XDG_CONFIG_HOME"] = directory.appendingPathComponent("config").path
        environment["HOME"] = directory.path
        environment["LANG"] = "C.UTF-8"
        for (name, value) in overrides { environment[name] = value }
        process.environment = environment
        let out = directory.appendingPathComponent("stdout-\(UUID().uuidString)")
        let err = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out)
        let errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        if let stdin {
            let input = directory.appendingPathComponent("stdin-\(UUID().uuidString)")
            try Data(stdin.utf8).write(to: input)
            process.standardInput = try FileHandle(forReadingFrom: input)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    /// `closer leads --format json --limit all`, parsed.
    func leadsJSON(database: String? = nil) throws -> [[String: Any]] {
        let result = try run(["leads", "--format", "json", "--limit", "all"], database: .some(database ?? self.database))
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return try XCTUnwrap(object as? [[String: Any]], result.stdout)
    }
}

final class CommandLineTests: XCTestCase {
    private var closer: CloserProcess!

    override func setUpWithError() throws {
        closer = try CloserProcess()
        _ = try CloserProcess.executable()
    }

    override func tearDown() { closer?.cleanUp() }

    func testBadUsageExitsTwoWithOneLineNamingTheProblemAndTheHelp() throws {
        let cases: [([String], String)] = [
            (["leads", "--x"], "closer: unknown option '--x' for 'leads' (see 'closer leads --help')"),
            (["frobnicate"], "closer: unknown command 'frobnicate' (see 'closer --help')"),
            (["seed"], "closer: 'seed' needs --leads N (see 'closer seed --help')"),
            (["leads", "--limit", "0"],
             "closer: invalid value '0' for '--limit' of 'leads': expected a whole number ≥ 1 (see 'closer leads --help')"),
            (["leads", "--limit"], "closer: option '--limit' of 'leads' needs a value (see 'closer leads --help')"),
            (["leads", "--format", "xml"],
             "closer: invalid value 'xml' for '--format' of 'leads': expected one of table, json, csv (see 'closer leads --help')"),
            (["leads", "--status", "won"], "closer: invalid value 'won' for '--status' of 'leads': expected one of "
                + "prospect, tentative, potential, closed, contact, customer (see 'closer leads --help')"),
            (["import"], "closer: 'import' needs FILE.csv (see 'closer import --help')"),
            (["export", "extra"], "closer: unexpected argument 'extra' for 'export' (see 'closer export --help')"),
            (["doctor", "--dry-run"], "closer: unknown option '--dry-run' for 'doctor' (see 'closer doctor --help')"),
        ]
        for (arguments, message) in cases {
            let result = try closer.run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertEqual(result.stderrLines, [message], "\(arguments)")
            XCTAssertEqual(result.stdout, "", "\(arguments)")
        }
        XCTAssertEqual(try closer.run(["--bogus"], database: .some(nil)).status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: closer.database), "bad usage must not create the database")
    }

    func testHelpOnEverySubcommandExitsZeroAndShowsItsUsage() throws {
        for command in ["seed", "leads", "import", "export", "doctor"] {
            for flag in ["--help", "-h"] {
                let result = try closer.run([command, flag])
                XCTAssertEqual(result.status, 0, "\(command) \(flag)")
                XCTAssertTrue(result.stdout.hasPrefix("usage: closer \(command)"), result.stdout)
                XCTAssertTrue(result.stdout.contains("--db PATH"), result.stdout)
                XCTAssertEqual(result.stderr, "")
            }
        }
        let top = try closer.run(["--help"], database: .some(nil))
        XCTAssertEqual(top.status, 0)
        for command in ["seed", "leads", "import", "export", "doctor"] {
            XCTAssertTrue(top.stdout.contains("\n  \(command) "), top.stdout)
        }
    }

    func testDefaultDatabaseLivesUnderXDGDataHomeInPrivateDirectories() throws {
        let result = try closer.run(["seed", "--leads", "3"], database: .some(nil))
        XCTAssertEqual(result.status, 0, result.stderr)
        let directory = closer.directory.appendingPathComponent("data/closer")
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent("closer.db").path))
        let mode = try FileManager.default.attributesOfItem(atPath: directory.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o700)
    }
}
