import Core
import Store
import XCTest
@testable import ViewModels

/// `:push NAME` (providers, issue 8): marked leads are queued for a destination the sync worker
/// recorded; an unknown name is refused with the destinations listed; a second push queues nothing.
final class PushCommandTests: ViewModelsTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try seed(20)
        try store.setPushDestinations(["bot", "cd"])
    }

    func testPushQueuesTheMarkedLeadsOnce() throws {
        var list = makeList(height: 10)
        let first = try XCTUnwrap(list.selectedId)
        list.toggleMark()
        list.cursorDown()
        let second = try XCTUnwrap(list.selectedId)
        list.toggleMark()
        XCTAssertTrue(list.push(to: "cd"))
        XCTAssertEqual(list.message?.text, "Queued 2 leads for cd")
        XCTAssertTrue(list.marked.isEmpty)
        let queued = try store.nextOutboxBatch(remote: "cd", op: .push).map(\.recordId)
        XCTAssertEqual(Set(queued), [first, second])
        XCTAssertTrue(list.push(to: "cd"))
        XCTAssertEqual(list.message?.text, "Queued 0 leads for cd (1 there or queued already)")
    }

    func testAnUnknownDestinationIsRefusedWithTheKnownOnes() {
        var list = makeList(height: 10)
        XCTAssertFalse(list.push(to: "crm"))
        XCTAssertEqual(list.message?.text, "push: 'crm' is not a destination (bot, cd)")
        XCTAssertEqual(try store.outboxCounts()[.pending], 0)
    }

    func testAnOutcomeUnknownPushIsASyncProblemOfTheLead() throws {
        var list = makeList(height: 10)
        let id = try XCTUnwrap(list.selectedId)
        try store.queuePush(leadIds: [id], remote: "cd")
        let entry = try XCTUnwrap(store.nextOutboxBatch(remote: "cd").first)
        try store.markOutboxInflight([entry.id])
        try store.markOutboxUnknown([entry.id], message: "Sent, but the answer was lost.")
        let detail = LeadDetailViewModel(store: store, leadId: id, currentUser: "ana")
        let problem = try XCTUnwrap(detail.rejectedChanges.first)
        XCTAssertTrue(problem.outcomeUnknown)
        XCTAssertEqual(problem.summary, "Push to cd: outcome unknown — Sent, but the answer was lost.")
        list.reload()
    }
}
