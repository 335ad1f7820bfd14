import Core
import Foundation
import Store
import ViewModels
import XCTest
@testable import TerminalUI

/// The conversation pane drawn from its view model over a real SQLite file, compared with text
/// snapshots at 80×24 and 200×50 (and ASCII at 80×24), with CJK, RTL, emoji, a 10,000-character
/// message and hostile escape sequences in the data.
final class ConversationScreenTests: XCTestCase {
    static let now = Date(timeIntervalSince1970: 1_794_744_000)  // 2026-11-15 12:00 UTC

    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("closer-conv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    /// A lead with a conversation of every kind; returns the store and the lead id.
    private func fixture() throws -> (LeadStore, Int64) {
        let store = try LeadStore(path: directory.appendingPathComponent("conv.db").path)
        let id = try store.createLead(Lead(firstName: "Ana", lastName: "Silva", email: "ana@example.com", phone: "+5511987654321",
                                           company: "Acme", source: .website, status: .prospect, owner: "ana",
                                           createdAt: Self.now.addingTimeInterval(-86_400 * 10))).id
        func at(_ minutesAgo: Double) -> Date { Self.now.addingTimeInterval(-minutesAgo * 60) }
        try store.addNote(toLead: id, text: "Called; she asks for a quote 📄", author: "ana", at: at(600))
        func inbound(_ remote: String, _ text: String, _ minutesAgo: Double) -> ConversationEvent {
            ConversationEvent(leadId: id, provider: "zenvia", remoteId: remote, kind: .message, via: "whatsApp",
                              direction: .inbound, text: text, createdAt: at(minutesAgo))
        }
        try store.applyRemoteEvents([
            inbound("a1", "こんにちは、見積もりをお願いします。来週の火曜日に東京オフィスで会えますか？", 500),
            ConversationEvent(leadId: id, provider: "zenvia", remoteId: "a2", kind: .message, via: "whatsApp", direction: .outbound,
                              agent: "Marcos García", text: "Hola Ana, gracias por escribirnos.", template: "welcome",
                              delivered: true, createdAt: at(490)),
            inbound("a3", "مرحبا، هل السعر يشمل الضريبة؟", 400),
            inbound("a4", "\u{1B}]0;pwned\u{07}\u{1B}[31mred\u{1B}[0m \u{202E}gnp.exe\u{202C} done\u{9B}2J", 300),
            inbound("a5", String(repeating: "lorem ipsum ", count: 834), 200),
            inbound("a6", "👍🏽 ok 👨‍👩‍👧 family, café", 100),
            ConversationEvent(leadId: id, provider: "zenvia", remoteId: "a7", kind: .call, via: "inboundCall", direction: .inbound,
                              status: "answered", createdAt: at(95)),
        ])
        try store.markConversationRead(leadId: id)
        let failed = try store.queueSend(ConversationEvent(leadId: id, provider: "zenvia", via: "whatsApp", text: "¿Le llamo?",
                                                           createdAt: at(90)))
        try store.markSendStarted(failed.id)
        try store.markSendFailed(failed.id, message: "The conversation window is closed")
        let mail = try store.queueSend(ConversationEvent(leadId: id, provider: "cleverapp", kind: .email, via: "email",
                                                         subject: "Su cotización", text: "Hola Ana,\nadjunto la cotización.",
                                                         createdAt: at(80)))
        try store.markSendStarted(mail.id)
        try store.markSendSucceeded(mail.id, remoteId: nil, message: "Follow-up email sent successfully to lead with ID: 7")
        try store.queueSend(ConversationEvent(leadId: id, provider: "zenvia", via: "whatsApp", text: "Buenos días", createdAt: at(5)))
        return (store, id)
    }

    private func render(rows: Int, columns: Int, asciiOnly: Bool = false,
                        _ adjust: (inout ConversationViewModel) -> Void = { _ in }) throws -> GridCanvas {
        let (store, id) = try fixture()
        let now = Self.now
        var model = ConversationViewModel(store: store, leadId: id, now: { now })
        adjust(&model)
        var screen = ConversationScreen(asciiOnly: asciiOnly)
        let canvas = GridCanvas(rows: rows, columns: columns)
        screen.draw(model, in: Rect(size: canvas.size), canvas: canvas, theme: ThemeLoader.builtinDefault(), focused: true)
        return canvas
    }

    func testConversationAt80x24ShowsTheNewestEntriesAtTheBottom() throws {
        let canvas = try render(rows: 24, columns: 80)
        TestSupport.assertSnapshot(canvas, named: "conversation-80x24")
        TestSupport.assertNoControlCharacters(canvas)
        XCTAssertTrue(canvas.line(0).contains("Conversation · Ana Silva · ✆ WhatsApp · window open 22 h 25 min"), canvas.line(0))
        XCTAssertTrue(canvas.line(21).contains("Buenos días") || canvas.line(22).contains("Buenos días"), "newest at the bottom")
        XCTAssertTrue(canvas.snapshot().contains("failed: The conversation window is closed"))
        XCTAssertTrue(canvas.line(23).contains("r reply"))
    }

    func testConversationAt200x50ShowsCJKRTLEmojiAndHostileTextAsText() throws {
        let canvas = try render(rows: 50, columns: 200)
        TestSupport.assertSnapshot(canvas, named: "conversation-200x50")
        TestSupport.assertNoControlCharacters(canvas)
        let text = canvas.snapshot()
        XCTAssertTrue(text.contains("東京オフィス"))
        XCTAssertTrue(text.contains("مرحبا"))
        XCTAssertTrue(text.contains("👍 ok"), "a skin-tone sequence is drawn as its base emoji (issue 11)")
        XCTAssertTrue(text.contains("red gnp.exe done"), "escape sequences and the bidi override are gone, the words stay")
        XCTAssertFalse(text.contains("pwned"), "an OSC title sequence is removed whole")
        XCTAssertTrue(text.contains("more lines (Enter unfolds)"), "the 10,000-character message is folded")
        XCTAssertTrue(text.contains("[template welcome]"))
        XCTAssertTrue(text.contains("Subject: Su cotización"))
    }

    func testEnterUnfoldsTheLongMessage() throws {
        let canvas = try render(rows: 50, columns: 200) { model in
            while model.selectedItem.map({ !$0.text.hasPrefix("lorem") }) ?? false { model.move(by: -1) }
            model.toggleFold()
        }
        let text = canvas.snapshot()
        XCTAssertFalse(text.contains("more lines (Enter unfolds)"))
        XCTAssertGreaterThan(text.components(separatedBy: "lorem ipsum").count, 400, "the unfolded entry fills the pane")
        TestSupport.assertNoControlCharacters(canvas)
    }

    func testASCIIGlyphsUnderVT100() throws {
        XCTAssertTrue(ChannelGlyphs.prefersASCII(["TERM": "vt100"]))
        XCTAssertTrue(ChannelGlyphs.prefersASCII(["TERM": "linux"]))
        XCTAssertFalse(ChannelGlyphs.prefersASCII(["TERM": "xterm-256color", "LANG": "en_US.UTF-8"]))
        let canvas = try render(rows: 24, columns: 80, asciiOnly: true)
        TestSupport.assertSnapshot(canvas, named: "conversation-ascii-80x24")
        for row in 1..<23 {
            let line = canvas.line(row)
            guard line.contains("WhatsApp") || line.contains("E-mail") || line.contains("Call") else { continue }
            XCTAssertFalse(line.contains("◀") || line.contains("▶") || line.contains("✆") || line.contains("☎"), line)
        }
        XCTAssertTrue(canvas.snapshot().contains("< Call"))
    }

    func testScrollingUpKeepsTheSelectionVisible() throws {
        let canvas = try render(rows: 12, columns: 80) { model in model.move(by: -7) }
        let selected = (0..<12).filter { row in
            (0..<80).contains { canvas.style(row: row, column: $0) == ThemeLoader.builtinDefault().style("list.selected") }
        }
        XCTAssertEqual(selected.count, 1, "one selected header on screen:\n\(canvas.snapshot())")
        XCTAssertTrue(canvas.line(selected[0]).contains("Called") || canvas.line(selected[0]).contains("WhatsApp")
                      || canvas.line(selected[0]).contains("Note"))
    }
}
