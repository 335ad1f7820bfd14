import Foundation
import XCTest
@testable import TerminalUI

/// Paths and snapshot helpers shared by the TerminalUI tests.
enum TestSupport {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var keymapsDirectory: String { repoRoot.appendingPathComponent("keymaps").path }
    static var themesDirectory: String { repoRoot.appendingPathComponent("themes").path }
    static let snapshotsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// A fresh temporary directory for config files.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("closer-tui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to `name` in `directory`, returning the path.
    @discardableResult
    static func write(_ text: String, to name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Compares the canvas with Snapshots/NAME.txt. With CLOSER_RECORD_SNAPSHOTS=1 the file is
    /// (re)written instead — only ever on purpose.
    static func assertSnapshot(_ canvas: GridCanvas, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = snapshotsDirectory.appendingPathComponent(name + ".txt")
        let actual = canvas.snapshot() + "\n"
        if ProcessInfo.processInfo.environment["CLOSER_RECORD_SNAPSHOTS"] == "1" {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("missing snapshot \(name).txt (record with CLOSER_RECORD_SNAPSHOTS=1)", file: file, line: line)
            return
        }
        XCTAssertEqual(actual, expected, "snapshot \(name) differs", file: file, line: line)
    }

    /// No raw control character or escape anywhere in the grid.
    static func assertNoControlCharacters(_ canvas: GridCanvas, file: StaticString = #filePath, line: UInt = #line) {
        for row in canvas.cells {
            for cell in row {
                for scalar in cell.grapheme.unicodeScalars {
                    let v = scalar.value
                    let bad = v < 0x20 || (v >= 0x7F && v <= 0x9F) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
                    XCTAssertFalse(bad, "control U+\(String(v, radix: 16)) reached the grid", file: file, line: line)
                }
            }
        }
    }
}
