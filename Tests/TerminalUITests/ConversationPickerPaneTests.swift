import Core
import Foundation
import Store
import ViewModels
import XCTest
@testable import TerminalUI

/// In the app: `:transfer` opens the filterable picker of the cached targets (type to filter,
/// j/k, Enter queues, Esc cancels); `:transfer ID` still queues at once; `F`'s Tab completes a
/// path and lists the candidates in the prompt.
final class ConversationPickerPaneTests: XCTestCase {
    @MainActor
    private func app() throws -> (CloserApp, LeadStore) {
        let store = try AppFixture.store()
        let ada = try XCTUnwrap(try store.leads(filter: LeadFilter(search: "lovelace"), limit: 1).first).id
        try store.applyRemoteEvents([
            ConversationEvent(leadId: ada, provider: "zenvia", remoteId: "p1", kind: .message, via: "whatsApp", direction: .inbound,
                              text: "Hola", createdAt: AppFixture.start.addingTimeInterval(-60)),
        ])
        let targets = #"[{"id":"aaaaaaaaaaaaaaaaaaaaaaaa","kind":"group","name":"Ventas Madrid"},{"id":"bbbbbbbbbbbbbbbbbbbbbbbb","kind":"group","name":"Soporte"},{"id":"cccccccccccccccccccccccc","kind":"agent","name":"Karen Ruiz\u001b]0;pwned\u0007"},{"id":"dddddddddddddddddddddddd","kind":"agent","name":"José Pérez"}]"#
        try store.setSyncState(provider: LeadStore.transferTargetCacheProvider, key: LeadStore.transferTargetCacheKey, value: targets)
        let app = AppFixture.app(store, size: Size(rows: 24, columns: 80), clock: TestClock(AppFixture.start))
        app.selectLead(id: ada)
        app.press("3")
        return (app, store)
    }

    @MainActor
    func testTransferPickerFiltersMovesAndQueuesThePickedAgent() async throws {
        let (app, store) = try app()
        app.press(":")
        app.type("transfer")
        app.press("<Enter>")
        let canvas = app.frame()
        var text = canvas.snapshot()
        XCTAssertTrue(text.contains("Ventas Madrid (group)") && text.contains("José Pérez (agent)"), text)
        XCTAssertTrue(text.contains("4 of 4"), text)
        TestSupport.assertNoControlCharacters(canvas)
        XCTAssertFalse(text.contains("pwned\u{07}"), "the hostile name is sanitised")

        app.press("j", "k", "j")  // j/k move while nothing is typed
        app.type("pérez")
        text = app.frame().snapshot()
        XCTAssertTrue(text.contains("1 of 4") && text.contains("filter: pérez"), text)
        app.press("<Enter>")
        let sends = try store.queuedSends()
        XCTAssertEqual(sends.map(\.text), ["José Pérez"])
        XCTAssertTrue(sends[0].payload.contains(#""user":"dddddddddddddddddddddddd""#), sends[0].payload)
        XCTAssertTrue(app.frame().snapshot().contains("transferred to José Pérez"))
    }

    @MainActor
    func testEscCancelsThePickerAndTransferIdStillQueuesAtOnce() async throws {
        let (app, store) = try app()
        app.press(":")
        app.type("transfer")
        app.press("<Enter>")
        app.type("sop")
        app.press("<Esc>")
        XCTAssertEqual(try store.queuedSends(), [], "Esc: nothing queued")
        XCTAssertFalse(app.frame().snapshot().contains("of 4"))

        app.press(":")
        app.type("transfer aaaaaaaaaaaaaaaaaaaaaaaa")
        app.press("<Enter>")
        let sends = try store.queuedSends()
        XCTAssertEqual(sends.map(\.text), ["Ventas Madrid"], "a cached id gets its name")
        XCTAssertTrue(sends[0].payload.contains(#""group":"aaaaaaaaaaaaaaaaaaaaaaaa""#))
    }

    @MainActor
    func testFileTabCompletesAPathAndListsTheCandidates() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("closer-f-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("ofertas"), withIntermediateDirectories: true)
        try Data("%PDF".utf8).write(to: root.appendingPathComponent("ofertas/madrid.pdf"))
        try Data("%PDF".utf8).write(to: root.appendingPathComponent("ofertas/malaga.pdf"))
        defer { try? FileManager.default.removeItem(at: root) }
        let (app, store) = try app()
        app.press("F")
        app.type(root.path + "/nothing-here.pdf")
        app.press("<Enter>")
        let refused = app.frame().snapshot()
        XCTAssertTrue(refused.contains("No such file") && refused.contains("File to send"), "the prompt stays open with the problem: \(refused)")
        app.press("<C-u>")
        app.type(root.path + "/of")
        app.press("<Tab>")
        XCTAssertTrue(app.frame().snapshot().contains("ofertas/"), app.frame().snapshot())
        app.press("<Tab>")
        let text = app.frame().snapshot()
        XCTAssertTrue(text.contains("2 matches: madrid.pdf  malaga.pdf"), text)
        XCTAssertTrue(text.contains("ofertas/ma"), "extended to the common prefix: \(text)")
        app.type("d")
        app.press("<Tab>")
        app.press("<Enter>")
        let sends = try store.queuedSends()
        XCTAssertEqual(sends.map(\.attachment), ["madrid.pdf"], app.frame().snapshot())
    }
}
