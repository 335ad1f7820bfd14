import Foundation
import XCTest

/// Emoji sequences terminals disagree on (ZWJ families, flags, skin tones, keycaps, VS16) drawn by
/// the real `closer` in tmux under several TERMs: every captured row holds exactly its own lead's
/// text, the columns line up, and no joiner, selector, modifier or flag letter reaches the screen.
final class GraphemeEndToEndTests: XCTestCase {
    private var workspace: CloserProcess!

    override func setUpWithError() throws {
        workspace = try CloserProcess()
        _ = try CloserProcess.executable()
    }

    override func tearDown() { workspace?.cleanUp() }

    /// (first name, last name as stored, last name as drawn, company), in name order.
    private let leads: [(String, String, String, String)] = [
        ("Ana", "Smith 👩‍👩‍👧‍👦", "Smith 👩", "Family Co"),
        ("Ben", "Flag 🇩🇪🇯🇵", "Flag DEJP", "Flags"),
        ("Chloé", "Tone 👍🏽", "Tone 👍", "Tones"),
        ("Dan", "Keycap 1️⃣#️⃣", "Keycap 1#", "Keys"),
        ("Eve", "Heart ❤️ ☺️", "Heart ❤  ☺", "Selectors"),
        ("Fay", "Rainbow 🏳️‍🌈 🧑🏽‍💻", "Rainbow 🏳  🧑", "Mixed"),
        ("Gus", "Plain", "Plain", "Plain Co"),
    ]

    /// Scalars that must never reach the terminal (the pieces of the sequences above).
    private func isSequencePiece(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200D, 0xFE0E, 0xFE0F, 0x1F3FB...0x1F3FF, 0x20E3, 0xE0020...0xE007F, 0x1F1E6...0x1F1FF: return true
        default: return false
        }
    }

    /// Columns a captured cell string takes (👩 👍 🧑 are wide; 🏳 ❤ ☺ without VS16 are narrow).
    private func columns(_ text: Substring) -> Int {
        text.reduce(0) { $0 + (["👩", "👍", "🧑"].contains($1) ? 2 : 1) }
    }

    private func importLeads() throws {
        var csv = "first_name,last_name,email,phone,owner,company\n"
        for (index, lead) in leads.enumerated() {
            csv += "\(lead.0),\(lead.1),lead\(index)@example.com,+1555123456\(index),ana,\(lead.3)\n"
        }
        let result = try workspace.run(["import", try workspace.write("emoji.csv", csv)])
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    private func startUI(term: String) throws -> TmuxSession {
        let binary = try CloserProcess.executable().path
        let directory = workspace.directory
        return try TmuxSession(
            command: [binary, "--db", workspace.database], width: 80, height: 24,
            environment: ["TERM": term, "HOME": directory.path, "USER": "ana",
                          "XDG_DATA_HOME": directory.appendingPathComponent("data").path,
                          "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path],
            directory: directory)
    }

    func testEmojiSequencesNeverCorruptOtherCellsUnderXtermScreenAndVT100() throws {
        try importLeads()
        for term in ["xterm-256color", "screen", "vt100"] {
            let ui = try startUI(term: term)
            defer { ui.kill() }
            let screen = try ui.waitFor(text: "1 of \(leads.count)")
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            XCTAssertFalse(screen.unicodeScalars.contains(where: isSequencePiece), "\(term): a sequence piece reached the screen:\n\(screen)")

            var companyColumns: Set<Int> = []
            for (index, lead) in leads.enumerated() {
                let row = try XCTUnwrap(lines.firstIndex { $0.contains(lead.0 + " ") }, "\(term): no row for \(lead.0):\n\(screen)")
                XCTAssertEqual(row, lines.firstIndex { $0.contains("Ana ") }! + index, "\(term): rows out of order:\n\(screen)")
                let line = lines[row]
                let name = "\(lead.0) \(lead.2)"
                let nameRange = try XCTUnwrap(line.range(of: name), "\(term): '\(name)' not drawn intact:\n\(line)")
                let companyRange = try XCTUnwrap(line.range(of: lead.3, range: nameRange.upperBound..<line.endIndex),
                                                 "\(term): company of \(lead.0) missing:\n\(line)")
                companyColumns.insert(columns(line[..<companyRange.lowerBound]))
                var rest = String(line)
                for piece in [name, lead.3, "prospect", "ana"] {
                    if let range = rest.range(of: piece) { rest.replaceSubrange(range, with: "") }
                }
                rest.removeAll { $0 == " " || $0 == ">" || $0 == "*" }
                XCTAssertEqual(rest, "", "\(term): characters in the row of \(lead.0) that do not belong to it:\n\(line)")
            }
            XCTAssertEqual(companyColumns.count, 1, "\(term): the company column does not line up:\n\(screen)")

            // The detail of the family lead: its name drawn the same way, nothing stray anywhere.
            try ui.send("Enter")
            let detail = try ui.waitFor(text: "Last name")
            let lastName = detail.split(separator: "\n").first { $0.hasPrefix(" Last name") }.map(String.init) ?? ""
            XCTAssertTrue(lastName.hasSuffix("  Smith 👩"), "\(term): \(lastName)\n\(detail)")
            XCTAssertFalse(detail.unicodeScalars.contains(where: isSequencePiece), "\(term):\n\(detail)")
            try ui.sendEscape()
            try ui.send("q")
        }
    }
}
