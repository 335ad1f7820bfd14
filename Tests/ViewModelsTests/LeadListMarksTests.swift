import Core
import Store
import XCTest
@testable import ViewModels

final class LeadListMarksTests: ViewModelsTestCase {
    func testMarksAndBulkSetStatusWriteAnOutboxEntryPerMarkedLead() throws {
        try seed(50)
        var list = makeList(height: 10)
        let targets = Array(list.rows.prefix(3).map(\.id))
        list.toggleMark(); list.cursorDown(); list.toggleMark(); list.cursorDown(); list.toggleMark()
        XCTAssertEqual(list.marked.selection.ids, Set(targets))
        XCTAssertEqual(list.marked.count, 3)
        XCTAssertTrue(list.displayRows.prefix(3).allSatisfy(\.isMarked))
        let held = Set(list.rows.prefix(3).map(\.status))
        let status = try XCTUnwrap(LeadStatus.allCases.first { !held.contains($0) })
        list.setStatus(status)
        XCTAssertEqual(list.message?.text, "Status set to \(status.rawValue) on 3 leads")
        XCTAssertTrue(list.marked.isEmpty)
        for id in targets {
            let entries = try outbox(id)
            XCTAssertEqual(entries.count, 1)
            XCTAssertEqual(entries.first?.op, .update)
            XCTAssertEqual(entries.first?.payload["status"], status.rawValue)
            XCTAssertEqual(try store.lead(id: id)?.status, status)
        }
        XCTAssertEqual(try store.outboxEntries().count, 3, "no other lead was touched")
        XCTAssertEqual(list.rows.prefix(3).map(\.syncMark), [.pending, .pending, .pending])
    }

    func testWithoutMarksBulkActionsUseTheSelectedLead() throws {
        try seed(20)
        var list = makeList(height: 5)
        list.cursorDown()
        let id = try XCTUnwrap(list.selectedId)
        list.assign("ben")
        XCTAssertEqual(try store.lead(id: id)?.owner, "ben")
        XCTAssertEqual(try outbox(id).first?.payload, ["assignee": "ben"])
        XCTAssertEqual(list.selectedId, id)
    }

    func testAssignToAnUnknownUserIsRefusedWithTheVendorMessage() throws {
        try seed(5)
        var list = makeList(height: 5)
        list.assign("nobody")
        XCTAssertEqual(list.message?.text, "assign: Assignee not found.")
        XCTAssertEqual(try store.outboxEntries().count, 0)
    }

    func testDeleteRequiresConfirmation() throws {
        try seed(20)
        var list = makeList(height: 5)
        list.toggleMark(); list.cursorDown(); list.toggleMark()
        let targets = list.marked.selection.ids
        list.delete()
        XCTAssertEqual(list.pendingConfirmation?.prompt, "Delete 2 marked leads? (y/n)")
        XCTAssertEqual(try store.countLeads(), 20, "nothing deleted before yes")
        list.cancelConfirmation()
        XCTAssertNil(list.pendingConfirmation)
        XCTAssertEqual(try store.countLeads(), 20)
        list.delete()
        list.confirm()
        XCTAssertEqual(try store.countLeads(), 18)
        for id in targets { XCTAssertEqual(try outbox(id).first?.op, .delete) }
        XCTAssertTrue(list.marked.isEmpty)
        XCTAssertFalse(list.rows.contains { targets.contains($0.id) })
        XCTAssertEqual(list.rows.count, 5)
    }
}
