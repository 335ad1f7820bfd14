import Core
import Foundation
import Store
import ViewModels
import XCTest
@testable import TerminalUI

/// The conversation pane inside the app: `3` opens the selected lead's conversation (read),
/// `r` queues a reply only inside the window, `T` a template with parameters, Enter unfolds,
/// Esc goes back to the list.
final class ConversationPaneTests: XCTestCase {
    @MainActor
    private func app(inboundSecondsAgo: TimeInterval) throws -> (CloserApp, LeadStore, Int64) {
        let store = try AppFixture.store()
        let ada = try XCTUnwrap(try store.leads(filter: LeadFilter(search: "lovelace"), limit: 1).first).id
        try store.applyRemoteEvents([
            ConversationEvent(leadId: ada, provider: "zenvia", remoteId: "i1", kind: .message, via: "whatsApp", direction: .inbound,
                              text: "Olá! Can we talk about the analytical engine?",
                              createdAt: AppFixture.start.addingTimeInterval(-inboundSecondsAgo)),
            ConversationEvent(leadId: ada, provider: "zenvia", remoteId: "i2", kind: .message, via: "whatsApp", direction: .inbound,
                              text: String(repeating: "a long story ", count: 300),
                              createdAt: AppFixture.start.addingTimeInterval(-inboundSecondsAgo + 1)),
        ])
        let app = AppFixture.app(store, size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
        app.selectLead(id: ada)
        return (app, store, ada)
    }

    @MainActor
    func testThreeOpensTheSelectedLeadsConversationAndMarksItRead() async throws {
        let (app, store, ada) = try app(inboundSecondsAgo: 3600)
        XCTAssertTrue(app.frame().snapshot().contains("●"), "the list marks the unread conversation")
        XCTAssertEqual(try store.unreadCount(leadId: ada), 2)
        app.press("3")
        let canvas = app.frame()
        let text = canvas.snapshot()
        XCTAssertTrue(text.contains("Conversation · Ada Lovelace"), text)
        XCTAssertTrue(text.contains("window open 23 h"), text)
        XCTAssertFalse(text.contains("unread"), "the status bar count follows")
        XCTAssertTrue(text.contains("Can we talk about the analytical engine?"))
        XCTAssertTrue(text.contains("more lines (Enter unfolds)"))
        TestSupport.assertNoControlCharacters(canvas)
        XCTAssertEqual(try store.unreadCount(leadId: ada), 0)
        app.press("<Enter>")
        XCTAssertFalse(app.frame().snapshot().contains("more lines (Enter unfolds)"), "Enter unfolds")
        app.press("<Esc>")
        XCTAssertTrue(app.frame().line(2).contains("Name"), "Esc goes back to the list:\n\(app.frame().snapshot())")
    }

    @MainActor
    func testReplyInsideTheWindowIsQueuedAndShownAsQueued() async throws {
        let (app, store, _) = try app(inboundSecondsAgo: 3600)
        app.press("3", "r")
        XCTAssertTrue(app.frame().snapshot().contains("Reply on whatsApp"))
        app.type("Sure, Tuesday at 10?")
        app.press("<Enter>")
        XCTAssertEqual(try store.queuedSends().map(\.text), ["Sure, Tuesday at 10?"])
        let text = app.frame().snapshot()
        XCTAssertTrue(text.contains("Sure, Tuesday at 10?") && text.contains("queued"), text)
    }

    @MainActor
    func testReplyOutsideTheWindowIsRefusedAndATemplateGoesInstead() async throws {
        let (app, store, _) = try app(inboundSecondsAgo: 30 * 3600)
        app.press("3", "r")
        app.type("late")
        app.press("<Enter>")
        XCTAssertEqual(try store.queuedSends(), [])
        XCTAssertTrue(app.frame().snapshot().contains("closed: use a template"))
        app.press("T")
        app.type("follow_up")
        app.press("<Enter>")
        app.type("name=Ada")
        app.press("<Enter>")
        let sends = try store.queuedSends()
        XCTAssertEqual(sends.map(\.template), ["follow_up"])
        XCTAssertTrue(sends[0].payload.contains(#""param.name":"Ada""#))
    }

    @MainActor
    func testConversationCommandAndArchiveFromTheCommandLine() async throws {
        let (app, store, _) = try app(inboundSecondsAgo: 60)
        app.press(":")
        app.type("conversation")
        app.press("<Enter>")
        XCTAssertTrue(app.frame().snapshot().contains("Conversation · Ada Lovelace"))
        app.press(":")
        app.type("archive duplicate lead")
        app.press("<Enter>")
        XCTAssertEqual(try store.queuedSends().map(\.text), ["duplicate lead"])
        XCTAssertTrue(app.frame().snapshot().contains("archived: duplicate lead"))
    }
}
