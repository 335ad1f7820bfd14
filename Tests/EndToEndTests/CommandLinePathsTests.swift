import Foundation
import XCTest
@testable import closer

final class CommandLinePathsTests: XCTestCase {
    func testDatabaseAndConfigFollowXDGWithHomeFallbacks() {
        let xdg = ["XDG_DATA_HOME": "/x/data", "XDG_CONFIG_HOME": "/x/config/", "HOME": "/home/u"]
        XCTAssertEqual(Paths.defaultDatabasePath(environment: xdg), "/x/data/closer/closer.db")
        XCTAssertEqual(Paths.configFilePath(environment: xdg), "/x/config/closer/config")
        let plain = ["HOME": "/home/u", "XDG_DATA_HOME": "relative/ignored"]
        XCTAssertEqual(Paths.defaultDatabasePath(environment: plain), "/home/u/.local/share/closer/closer.db")
        XCTAssertEqual(Paths.configFilePath(environment: plain), "/home/u/.config/closer/config")
    }

    func testLocaleCheckUsesLCAllThenLCCTypeThenLang() {
        XCTAssertEqual(TerminalCheck.effectiveLocale(["LANG": "C.UTF-8", "LC_ALL": "POSIX"]).1, "POSIX")
        XCTAssertEqual(TerminalCheck.effectiveLocale(["LANG": "de_DE.utf8", "LC_CTYPE": ""]).1, "de_DE.utf8")
        XCTAssertTrue(TerminalCheck.isUTF8("de_DE.utf8"))
        XCTAssertFalse(TerminalCheck.isUTF8("POSIX"))
        let check = TerminalCheck(environment: ["LC_ALL": "C"], stdinIsTerminal: false, stdoutIsTerminal: false)
        XCTAssertEqual(check.findings.map(\.ok), [false, false, false])
        XCTAssertTrue(check.findings[0].text.hasPrefix("TERM is not set"))
    }

    func testTerminfoLookupFindsEntriesInLetterAndHexDirectories() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("terminfo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("f"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("67"), withIntermediateDirectories: true)
        try Data().write(to: root.appendingPathComponent("f/fancyterm"))
        try Data().write(to: root.appendingPathComponent("67/glassterm"))
        let environment = ["TERMINFO": root.path]
        XCTAssertEqual(TerminalCheck.terminfoFile(for: "fancyterm", environment: environment), root.path + "/f/fancyterm")
        XCTAssertEqual(TerminalCheck.terminfoFile(for: "glassterm", environment: environment), root.path + "/67/glassterm")
        XCTAssertNil(TerminalCheck.terminfoFile(for: "no-such-term-xyz", environment: environment))
        XCTAssertNil(TerminalCheck.terminfoFile(for: "../../etc/passwd", environment: environment))
    }

    func testParserAcceptsEqualsShortOptionsAndDoubleDash() throws {
        let spec = ImportCommand.spec
        let parsed = try CommandLineArguments(["--dry-run", "--db=/tmp/x.db", "--", "-odd.csv"], spec: spec)
        XCTAssertTrue(parsed.flag("dry-run"))
        XCTAssertEqual(parsed.value("db"), "/tmp/x.db")
        XCTAssertEqual(parsed.positionals, ["-odd.csv"])
        let leads = try CommandLineArguments(["-n", "5", "-f", "json", "-s", "zoe"], spec: LeadsCommand.spec)
        XCTAssertEqual(try leads.integer("limit", in: 1...Int.max), 5)
        XCTAssertEqual(leads.value("format"), "json")
        XCTAssertEqual(leads.value("search"), "zoe")
        XCTAssertThrowsError(try CommandLineArguments(["--dry-run=yes", "f.csv"], spec: spec))
    }
}
