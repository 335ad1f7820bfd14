import Core
import Store
import XCTest
@testable import ViewModels

/// A delete the server refused stays reachable from the list and the detail, with discard and retry.
final class RejectedDeleteViewModelTests: ViewModelsTestCase {
    private func detail(_ id: Int64) -> LeadDetailViewModel {
        let now = fixedNow
        return LeadDetailViewModel(store: store, leadId: id, currentUser: "ana", now: { now })
    }

    /// The sync worker's side: the delete is sent and the server answers 401 "request".
    private func serverRefusesTheDelete(of id: Int64) throws {
        let entry = try XCTUnwrap(outbox(id).last)
        XCTAssertEqual(entry.op, .delete)
        try store.markOutboxInflight([entry.id])
        try store.markOutboxRejected(entry.id, messages: ["request": ["You are not the owner of this lead."]])
    }

    func testRefusedDeleteComesBackMarkedRejectedAndTheRejectedFilterAndSearchFindIt() throws {
        try seed(30)
        var list = makeList(height: 10)
        list.cursorDown()
        let id = try XCTUnwrap(list.selectedId)
        let name = try XCTUnwrap(list.selectedLead?.name)
        list.delete()
        list.confirm()
        XCTAssertFalse(list.rows.contains { $0.id == id })
        try serverRefusesTheDelete(of: id)
        list.reload()
        list.resolvePosition()
        XCTAssertEqual(list.total, 30)
        XCTAssertEqual(list.rows.first { $0.id == id }?.syncMark, .rejected)
        list.filterRejected()
        XCTAssertEqual(list.rows.map(\.id), [id])
        XCTAssertEqual(list.positionText, "1 of 1")
        list.clearFilters()
        list.search(name)
        XCTAssertTrue(list.rows.contains { $0.id == id })

        let view = detail(id)
        XCTAssertFalse(view.isDeleted)
        XCTAssertEqual(view.syncMark, .rejected)
        XCTAssertEqual(view.rejectedChanges.map(\.op), [.delete])
        XCTAssertEqual(view.rejectedChanges.first?.summary, "Delete of lead rejected — You are not the owner of this lead.")
    }

    func testARefusedDeleteOfTheTopLeadComesBackInViewNotScrolledOff() throws {
        try seed(30)
        var list = makeList(height: 10)
        let id = try XCTUnwrap(list.selectedId)
        list.delete()
        list.confirm()
        let next = try XCTUnwrap(list.selectedId)
        XCTAssertNotEqual(next, id)
        try serverRefusesTheDelete(of: id)
        list.reload()
        XCTAssertEqual(list.rows.first?.id, id, "the lead is back on screen")
        XCTAssertEqual(list.rows.first?.syncMark, .rejected)
        XCTAssertEqual(list.selectedId, next, "the selection stays on its lead")
        XCTAssertEqual(list.topIndex, 0)
    }

    func testRefusedDeleteCanBeDiscardedWhichKeepsTheLead() throws {
        try seed(5)
        let id = try XCTUnwrap(makeList().selectedId)
        var view = detail(id)
        view.delete()
        view.confirm()
        try serverRefusesTheDelete(of: id)
        view.reload()
        view.discardRejected()
        XCTAssertEqual(view.pendingConfirmation?.prompt, "Discard the refused delete and keep '\(view.title)'? (y/n)")
        view.confirm()
        XCTAssertEqual(view.message?.text, "Discarded: previous values restored")
        XCTAssertEqual(view.syncMark, .none)
        XCTAssertTrue(view.rejectedChanges.isEmpty)
        XCTAssertFalse(view.isDeleted)
        XCTAssertEqual(try store.countLeads(), 5)
        XCTAssertTrue(try outbox(id).isEmpty)
    }

    func testFixOnARefusedDeleteOffersToSendItAgain() throws {
        try seed(5)
        let id = try XCTUnwrap(makeList().selectedId)
        var view = detail(id)
        view.delete()
        view.confirm()
        try serverRefusesTheDelete(of: id)
        view.reload()
        view.fixRejected()
        XCTAssertNil(view.form)
        XCTAssertEqual(view.pendingConfirmation?.prompt, "Send the delete of '\(view.title)' again? (y/n)")
        view.confirm()
        XCTAssertEqual(view.message?.text, "Delete queued again")
        XCTAssertTrue(view.isDeleted)
        XCTAssertEqual(try outbox(id).map(\.state), [.pending])
        XCTAssertEqual(try store.countLeads(), 4)
    }
}
