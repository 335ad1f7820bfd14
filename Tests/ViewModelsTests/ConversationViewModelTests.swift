import Core
import Foundation
import Store
import XCTest
@testable import ViewModels

/// The conversation view model over a real SQLite file: opening at the end, bounded paging,
/// folding state, search, the 24 h window, and sends committed before "queued".
final class ConversationViewModelTests: ViewModelsTestCase {
    private func lead(_ first: String = "Ana", _ last: String = "Silva") throws -> Int64 {
        try store.createLead(Lead(firstName: first, lastName: last, email: "\(first.lowercased())@example.com",
                                  phone: "+5511987654321", company: "Acme", source: .website, status: .prospect,
                                  owner: "ana", createdAt: fixedNow.addingTimeInterval(-86_400 * 30))).id
    }

    private func inbound(_ lead: Int64, _ id: String, _ text: String, secondsAgo: TimeInterval) -> ConversationEvent {
        ConversationEvent(leadId: lead, provider: "zenvia", remoteId: id, kind: .message, via: "whatsApp",
                          direction: .inbound, text: text, createdAt: fixedNow.addingTimeInterval(-secondsAgo))
    }

    private func model(_ lead: Int64) -> ConversationViewModel {
        let now = fixedNow
        return ConversationViewModel(store: store, leadId: lead, now: { now })
    }

    func testOpensAtTheNewestEntryAndMarksTheConversationRead() throws {
        let id = try lead()
        try store.addNote(toLead: id, text: "first call", author: "ana", at: fixedNow.addingTimeInterval(-7200))
        try store.applyRemoteEvents([inbound(id, "1", "hola", secondsAgo: 3600), inbound(id, "2", "¿sigue disponible?", secondsAgo: 60)])
        XCTAssertEqual(try store.unreadCount(leadId: id), 2)
        let vm = model(id)
        XCTAssertEqual(vm.items.map(\.text), ["first call", "hola", "¿sigue disponible?"])
        XCTAssertEqual(vm.selected, 2)
        XCTAssertTrue(vm.isAtEnd)
        XCTAssertEqual(vm.items[2].who, "Ana Silva")
        XCTAssertEqual(vm.items[0].channel, .note)
        XCTAssertEqual(try store.unreadCount(leadId: id), 0, "opening marks read")
    }

    func testScrollingTenThousandEventsKeepsABoundedWindowAndReachesBothEnds() throws {
        let id = try lead()
        try store.applyRemoteEvents((0..<10_000).map { inbound(id, "e\($0)", "message \($0)", secondsAgo: Double(100_000 - $0)) })
        var vm = model(id)
        XCTAssertEqual(vm.items.count, ConversationViewModel.openPageSize, "a screenful and a margin, the rest lazily")
        XCTAssertTrue(vm.hasOlder)
        XCTAssertEqual(vm.selectedItem?.text, "message 9999")
        for _ in 0..<10_000 {
            vm.move(by: -1)
            XCTAssertLessThanOrEqual(vm.items.count, ConversationViewModel.windowLimit)
        }
        XCTAssertEqual(vm.selectedItem?.text, "message 0")
        XCTAssertFalse(vm.hasOlder)
        XCTAssertTrue(vm.hasNewer)
        vm.move(by: 250)
        XCTAssertEqual(vm.selectedItem?.text, "message 250")
        vm.jumpToEnd()
        XCTAssertEqual(vm.selectedItem?.text, "message 9999")
        vm.jumpToStart()
        XCTAssertEqual(vm.selectedItem?.text, "message 0")
    }

    func testSearchJumpsToTheNewestMatchAndCyclesThroughMatches() throws {
        let id = try lead()
        try store.applyRemoteEvents((0..<500).map {
            inbound(id, "e\($0)", $0 % 100 == 7 ? "precio del modelo \($0)" : "otro \($0)", secondsAgo: Double(10_000 - $0))
        })
        var vm = model(id)
        vm.search("PRECIO")
        XCTAssertEqual(vm.matches.count, 5)
        XCTAssertEqual(vm.selectedItem?.text, "precio del modelo 407")
        vm.nextMatch(forward: false)
        XCTAssertEqual(vm.selectedItem?.text, "precio del modelo 307")
        vm.nextMatch(forward: true)
        vm.nextMatch(forward: true)
        XCTAssertEqual(vm.selectedItem?.text, "precio del modelo 7", "wraps to the oldest")
        vm.search("nadaqueverlo")
        XCTAssertEqual(vm.message?.level, .error)
    }

    func testReplyInsideTheWindowIsQueuedBeforeThePaneSaysSo() throws {
        let id = try lead()
        try store.applyRemoteEvents([inbound(id, "1", "hola", secondsAgo: 3600)])
        var vm = model(id)
        XCTAssertEqual(vm.window.text, "window open 23 h 0 min")
        vm.reply("  Buenos días, ¿le llamo a las 10?  ")
        XCTAssertEqual(vm.message?.text, "Reply queued")
        let queued = try store.queuedSends()
        XCTAssertEqual(queued.map(\.text), ["Buenos días, ¿le llamo a las 10?"])
        XCTAssertEqual(queued.first?.via, "whatsApp")
        XCTAssertTrue(queued.first?.payload.contains(#""type":"text""#) ?? false)
        XCTAssertEqual(vm.selectedItem?.status, "queued")
        XCTAssertEqual(vm.selectedItem?.who, "you")
    }

    func testReplyOutsideTheWindowIsRefusedAndNothingIsQueued() throws {
        let id = try lead()
        try store.applyRemoteEvents([inbound(id, "1", "hola", secondsAgo: 25 * 3600)])
        var vm = model(id)
        XCTAssertEqual(vm.window.text, "closed: use a template")
        vm.reply("hola")
        XCTAssertEqual(vm.message?.level, .error)
        XCTAssertTrue(vm.message?.text.contains("closed: use a template") ?? false)
        XCTAssertEqual(try store.queuedSends(), [])
        vm.sendTemplate(key: "follow_up", parameters: ["name": "Ana"], preview: "Hola Ana, ¿seguimos?")
        let queued = try store.queuedSends()
        XCTAssertEqual(queued.map(\.template), ["follow_up"])
        XCTAssertTrue(queued[0].payload.contains(#""param.name":"Ana""#))
    }

    func testAFileOverTheLimitIsRefusedBeforeQueueing() throws {
        let id = try lead()
        var vm = model(id)
        let big = directory.appendingPathComponent("big.pdf")
        _ = FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: UInt64(ConversationViewModel.fileSizeLimit + 1))
        try handle.close()
        vm.sendFile(path: big.path)
        XCTAssertEqual(vm.message?.level, .error)
        XCTAssertTrue(vm.message?.text.contains("the limit is 512 KiB") ?? false, vm.message?.text ?? "")
        vm.sendFile(path: directory.appendingPathComponent("missing.pdf").path)
        XCTAssertTrue(vm.message?.text.hasPrefix("No such file") ?? false)
        XCTAssertEqual(try store.queuedSends(), [])
        let small = directory.appendingPathComponent("quote.pdf")
        try Data("%PDF-1.4".utf8).write(to: small)
        vm.sendFile(path: small.path)
        XCTAssertEqual(try store.queuedSends().map(\.attachment), ["quote.pdf"])
    }

    func testFollowUpTransferAndArchiveAreQueuedForTheirRemotes() throws {
        let id = try lead()
        var vm = model(id)
        vm.sendFollowUp(subject: "Su cotización", body: "Hola Ana,\n\nadjunto la cotización.")
        vm.transfer(targetId: "5f0c1a2b3c4d5e6f7a8b9c0d", targetName: "Ventas Norte", isGroup: true)
        vm.archive(reason: "")
        XCTAssertEqual(vm.message?.level, .error, "an archive needs a reason")
        vm.archive(reason: "duplicado")
        let sends = try store.queuedSends()
        XCTAssertEqual(sends.map(\.provider), ["cleverapp", "zenvia", "zenvia"])
        XCTAssertEqual(sends.map(\.kind), [.email, .transfer, .archive])
        XCTAssertEqual(vm.items.map(\.text).last, "archived: duplicado")
    }

    func testAnUnknownOutcomeAsksBeforeSendingAgain() throws {
        let id = try lead()
        try store.applyRemoteEvents([inbound(id, "1", "hola", secondsAgo: 60)])
        var vm = model(id)
        vm.reply("¿Le llamo?")
        let send = try XCTUnwrap(try store.queuedSends().first)
        try store.markSendStarted(send.id)
        try store.markSendUnknown(send.id, message: "connection lost after sending")
        vm.reload()
        XCTAssertEqual(vm.selectedItem?.status, "outcome unknown: connection lost after sending")
        vm.retrySelected()
        XCTAssertNotNil(vm.pendingResend)
        XCTAssertEqual(try store.queuedSends(), [], "nothing requeued without an answer")
        vm.answerResend(false)
        XCTAssertEqual(try store.queuedSends(), [])
        vm.retrySelected()
        vm.answerResend(true)
        XCTAssertEqual(try store.queuedSends().map(\.id), [send.id])
    }

    func testAFailedSendShowsTheServerMessageAndCanBeDiscarded() throws {
        let id = try lead()
        try store.applyRemoteEvents([inbound(id, "1", "hola", secondsAgo: 60)])
        var vm = model(id)
        vm.reply("tarde")
        let send = try XCTUnwrap(try store.queuedSends().first)
        try store.markSendStarted(send.id)
        try store.markSendFailed(send.id, message: "The conversation window is closed")
        vm.reload()
        XCTAssertEqual(vm.selectedItem?.status, "failed: The conversation window is closed")
        XCTAssertTrue(vm.selectedItem?.isProblem ?? false)
        vm.discardSelected()
        XCTAssertEqual(vm.items.map(\.text), ["hola"])
    }

    func testFoldStateFollowsTheEntry() throws {
        let id = try lead()
        try store.applyRemoteEvents([inbound(id, "1", String(repeating: "línea larga ", count: 2_000), secondsAgo: 60)])
        var vm = model(id)
        let item = try XCTUnwrap(vm.selectedItem)
        XCTAssertFalse(vm.isUnfolded(item))
        vm.toggleFold()
        XCTAssertTrue(vm.isUnfolded(item))
        vm.toggleFold()
        XCTAssertFalse(vm.isUnfolded(item))
    }
}
