import Core
import Foundation
import XCTest
@testable import Store

final class OutboxTests: StoreTestCase {
    private struct Boom: Error {}

    func testCreateQueuesEveryFieldWithEmptyBase() throws {
        let lead = try store.createLead(makeLead("Ann", "Lee"))
        let entries = try store.outboxEntries()
        XCTAssertEqual(entries.count, 1)
        XCTAssertEqual(entries[0].kind, .lead)
        XCTAssertEqual(entries[0].op, .create)
        XCTAssertEqual(entries[0].recordId, lead.id)
        XCTAssertEqual(entries[0].payload["first_name"], "Ann")
        XCTAssertEqual(entries[0].payload["assignee"], "ana")
        XCTAssertEqual(entries[0].base, [:])
        XCTAssertEqual(entries[0].state, .pending)
    }

    func testEditAndOutboxEntryRollBackTogetherWhenTheTransactionFails() throws {
        let lead = try store.createLead(makeLead("Ann", "Lee"))
        try store.markOutboxDone(try XCTUnwrap(store.outboxEntries().first).id)
        XCTAssertThrowsError(try store.transaction {
            try store.updateLead(id: lead.id, changes: [.lastName: "Changed"])
            XCTAssertEqual(try store.outboxEntries().count, 1, "inside the transaction both are written")
            throw Boom()
        })
        XCTAssertEqual(try store.lead(id: lead.id)?.lastName, "Lee")
        XCTAssertEqual(try store.outboxEntries(), [])
    }

    func testFailingOutboxWriteUndoesTheEdit() throws {
        let lead = try store.createLead(makeLead("Ann", "Lee"))
        try store.db.execute("CREATE TEMP TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'boom'); END")
        XCTAssertThrowsError(try store.addNote(toLead: lead.id, text: "hello", author: "ana"))
        XCTAssertThrowsError(try store.createLead(makeLead("Bob", "Ray")))
        XCTAssertEqual(try store.leadDetail(id: lead.id)?.notes, [])
        XCTAssertEqual(try store.countLeads(), 1)
        XCTAssertEqual(try store.leads(filter: LeadFilter(search: "bob")), [])
    }

    func testUpdatesOfOneRecordAreMergedAndRevertedFieldsDropOut() throws {
        let id = try store.createLead(makeLead("Ann", "Lee")).id
        try store.markOutboxDone(try XCTUnwrap(store.outboxEntries().first).id)
        try store.updateLead(id: id, changes: [.lastName: "Lea", .phone: "+4915100000000"])
        try store.updateLead(id: id, changes: [.lastName: "Leigh", .status: "customer"])
        try store.updateLead(id: id, changes: [.phone: "+4915112345678"])  // back to the original
        let entries = try store.outboxEntries()
        XCTAssertEqual(entries.count, 1)
        XCTAssertEqual(entries[0].payload, ["last_name": "Leigh", "status": "customer"])
        XCTAssertEqual(entries[0].base, ["last_name": "Lee", "status": "prospect"])
        try store.updateLead(id: id, changes: [.lastName: "Lee", .status: "prospect"])
        XCTAssertEqual(try store.outboxEntries(), [], "an edit undone by hand leaves nothing to send")
    }

    func testInflightEntryIsNotMergedIntoAndLaterEditsWaitBehindIt() throws {
        let a = try store.createLead(makeLead("Ann", "Lee")).id
        let b = try store.createLead(makeLead("Bob", "Ray")).id
        let first = try store.nextOutboxBatch()
        XCTAssertEqual(first.map(\.recordId), [a, b])
        try store.markOutboxInflight(first.map(\.id))
        try store.updateLead(id: a, changes: [.lastName: "Leigh"])
        XCTAssertEqual(try store.outboxEntries().count, 3)
        XCTAssertEqual(try store.nextOutboxBatch(), [], "a's update waits for its create; b has nothing else")
        try store.markOutboxDone(first[0].id)
        let next = try store.nextOutboxBatch()
        XCTAssertEqual(next.map(\.op), [.update])
        XCTAssertEqual(next.first?.payload, ["last_name": "Leigh"])
    }

    func testNotesOfANewLeadWaitForTheLeadCreate() throws {
        let lead = try store.createLead(makeLead("Ann", "Lee"))
        let note = try store.addNote(toLead: lead.id, text: "first call", author: "ana")
        let other = try store.createLead(makeLead("Bob", "Ray"))
        XCTAssertEqual(try store.nextOutboxBatch().map(\.recordId), [lead.id, other.id])
        try store.markOutboxDone(try store.nextOutboxBatch()[0].id)
        let batch = try store.nextOutboxBatch()
        XCTAssertEqual(batch.map(\.kind), [.note, .lead])
        XCTAssertEqual(batch.first?.recordId, note.id)
        XCTAssertEqual(batch.first?.payload["note"], "first call")
    }

    func testRejectedEntryKeepsServerMessagesAndLocalValue() throws {
        let id = try store.createLead(makeLead("Ann", "Lee")).id
        try store.markOutboxDone(try XCTUnwrap(store.outboxEntries().first).id)
        try store.updateLead(id: id, changes: [.email: "not-an-email"])
        let entry = try XCTUnwrap(store.nextOutboxBatch().first)
        try store.markOutboxInflight([entry.id])
        try store.markOutboxRejected(entry.id, messages: ["email": [VendorMessages.invalidEmail]])
        let rejected = try XCTUnwrap(store.outboxEntry(id: entry.id))
        XCTAssertEqual(rejected.state, .rejected)
        XCTAssertEqual(rejected.serverMessages, ["email": ["Invalid email."]])
        XCTAssertEqual(try store.lead(id: id)?.email, "not-an-email")
        XCTAssertEqual(try store.leads(filter: LeadFilter(rejectedOnly: true)).map(\.syncMark), [.rejected])
        XCTAssertEqual(try store.nextOutboxBatch(), [], "rejected entries are not resent by themselves")
        XCTAssertEqual(try store.outboxCounts()[.rejected], 1)
    }

    func testEditingARejectedFieldAgainMakesTheEntryPendingWithoutOldMessages() throws {
        let id = try store.createLead(makeLead("Ann", "Lee")).id
        try store.markOutboxDone(try XCTUnwrap(store.outboxEntries().first).id)
        try store.updateLead(id: id, changes: [.email: "bad"])
        let entry = try XCTUnwrap(store.outboxEntries().first)
        try store.markOutboxRejected(entry.id, messages: ["email": ["Invalid email."]])
        try store.updateLead(id: id, changes: [.email: "ann@fixed.example"])
        let fixed = try XCTUnwrap(store.outboxEntry(id: entry.id))
        XCTAssertEqual(fixed.state, .pending)
        XCTAssertEqual(fixed.serverMessages, [:])
        XCTAssertEqual(fixed.payload, ["email": "ann@fixed.example"])
        XCTAssertEqual(try store.leads().first?.syncMark, .pending)
    }

    func testDiscardRestoresBaseValues() throws {
        let id = try store.createLead(makeLead("Ann", "Lee", status: .prospect)).id
        try store.markOutboxDone(try XCTUnwrap(store.outboxEntries().first).id)
        try store.updateLead(id: id, changes: [.email: "bad", .status: "customer"])
        let entry = try XCTUnwrap(store.outboxEntries().first)
        try store.markOutboxRejected(entry.id, messages: ["email": ["Invalid email."]])
        try store.discardOutboxEntry(entry.id)
        let lead = try XCTUnwrap(store.lead(id: id))
        XCTAssertEqual(lead.email, "ann.lee@example.com")
        XCTAssertEqual(lead.status, .prospect)
        XCTAssertEqual(try store.outboxEntries(), [])
        XCTAssertEqual(try store.leads().first?.syncMark, SyncMark.none)
        XCTAssertEqual(try store.countsByStatus()[.prospect], 1)
    }

    func testDiscardOfDeleteBringsTheLeadBackAndOfCreateRemovesIt() throws {
        let kept = try store.createLead(makeLead("Ann", "Lee")).id
        try store.markOutboxDone(try XCTUnwrap(store.outboxEntries().first).id)
        try store.deleteLead(id: kept)
        XCTAssertEqual(try store.countLeads(), 0)
        try store.discardOutboxEntry(try XCTUnwrap(store.outboxEntries().first).id)
        XCTAssertEqual(try store.leads().map(\.id), [kept])

        let fresh = try store.createLead(makeLead("Bob", "Ray")).id
        try store.addNote(toLead: fresh, text: "hello", author: "ana")
        let create = try XCTUnwrap(store.outboxEntries(forLead: fresh).first)
        try store.markOutboxRejected(create.id, messages: ["phone": ["bad"]])
        try store.discardOutboxEntry(create.id)
        XCTAssertNil(try store.lead(id: fresh))
        XCTAssertEqual(try store.outboxEntries(), [])
    }

    func testDiscardOfNoteAndAppointmentChanges() throws {
        let lead = try store.createLead(makeLead("Ann", "Lee")).id
        let note = try store.addNote(toLead: lead, text: "keep me", author: "ana")
        let start = Date(timeIntervalSince1970: 1_899_999_960)  // on a minute: the wire format has minutes
        let appointment = try store.createAppointment(
            Appointment(leadId: lead, start: start, end: start.addingTimeInterval(1800), note: "Demo call"))
        for entry in try store.outboxEntries() { try store.markOutboxDone(entry.id) }
        try store.deleteNote(id: note.id)
        var moved = appointment
        moved.start = start.addingTimeInterval(3600)
        moved.end = start.addingTimeInterval(5400)
        try store.updateAppointment(moved)
        XCTAssertEqual(try store.outboxEntries().map(\.op), [.delete, .update])
        for entry in try store.outboxEntries() { try store.discardOutboxEntry(entry.id) }
        XCTAssertEqual(try store.note(id: note.id)?.text, "keep me")
        XCTAssertEqual(try store.appointment(id: appointment.id)?.start, start)
    }

    func testRetryLaterCountsAttemptsAndHoldsUntilNotBefore() throws {
        try store.createLead(makeLead("Ann", "Lee"))
        let entry = try XCTUnwrap(store.nextOutboxBatch().first)
        try store.markOutboxInflight([entry.id])
        let later = Date().addingTimeInterval(600)
        try store.retryOutboxLater(entry.id, notBefore: later)
        XCTAssertEqual(try store.nextOutboxBatch(), [])
        let again = try XCTUnwrap(store.nextOutboxBatch(now: later.addingTimeInterval(1)).first)
        XCTAssertEqual(again.attempts, 1)
        XCTAssertEqual(again.state, .pending)
    }

    func testResetInflightAfterCrashMakesEntriesPendingAgain() throws {
        try store.createLead(makeLead("Ann", "Lee"))
        let entry = try XCTUnwrap(store.nextOutboxBatch().first)
        try store.markOutboxInflight([entry.id])
        store = nil
        let reopened = try LeadStore(path: path)
        XCTAssertEqual(try reopened.resetInflightOutbox(), 1)
        XCTAssertEqual(try reopened.nextOutboxBatch().map(\.id), [entry.id])
    }

    func testBulkEditsOfMarkedLeadsQueueOneEntryEach() throws {
        let ids = try (0..<5).map { try store.createLead(makeLead("Lead\($0)", "X")).id }
        for entry in try store.outboxEntries() { try store.markOutboxDone(entry.id) }
        try store.setStatus(.customer, forLeads: ids)
        try store.assign("bo", toLeads: Array(ids.prefix(2)))
        let entries = try store.outboxEntries()
        XCTAssertEqual(entries.count, 5)
        XCTAssertEqual(entries[0].payload, ["status": "customer", "assignee": "bo"])
        XCTAssertEqual(try store.countsByStatus()[.customer], 5)
        try store.deleteLeads(Array(ids.suffix(3)))
        XCTAssertEqual(try store.countLeads(), 2)
        XCTAssertEqual(try store.outboxEntries().filter { $0.op == .delete }.count, 3)
    }

    func testImportIsAllOrNothing() throws {
        var bad = makeLead("Bad", "Row")
        bad.id = 0
        let ids = try store.importLeads([makeLead("Ann", "Lee"), makeLead("Bob", "Ray")])
        XCTAssertEqual(ids.count, 2)
        XCTAssertEqual(try store.outboxEntries().map(\.op), [.create, .create])
        try store.db.execute("CREATE TEMP TRIGGER no_bad BEFORE INSERT ON leads WHEN new.first_name = 'Bad' BEGIN SELECT RAISE(ABORT, 'bad'); END")
        XCTAssertThrowsError(try store.importLeads([makeLead("Cy", "Ng"), bad]))
        XCTAssertEqual(try store.countLeads(), 2)
        XCTAssertEqual(try store.outboxEntries().count, 2)
    }

    func testInvalidEnumSpellingIsRefusedAndChangesNothing() throws {
        let id = try store.createLead(makeLead("Ann", "Lee")).id
        XCTAssertThrowsError(try store.updateLead(id: id, changes: [.status: "won", .lastName: "X"])) { error in
            XCTAssertEqual(error as? StoreError, .invalidValue(field: "status", value: "won"))
        }
        XCTAssertEqual(try store.lead(id: id)?.lastName, "Lee")
        XCTAssertThrowsError(try store.updateLead(id: 9999, changes: [.lastName: "X"]))
    }

    func testLargeImportIsSearchableQueuedAndAllOrNothing() throws {
        let leads = (0..<250).map { i -> Lead in
            var lead = makeLead("Imp\(i)", i == 249 ? "Zoë" : "Row")
            lead.email = "imp\(i)@example.com"
            return lead
        }
        let ids = try store.importLeads(leads)
        XCTAssertEqual(ids.count, 250)
        XCTAssertEqual(try store.outboxCounts()[.pending], 250)
        XCTAssertEqual(try store.leads(filter: LeadFilter(search: "zoe")).map(\.id), [ids[249]])
        XCTAssertEqual(try store.countsByStatus()[.prospect], 250)
        let later = try store.createLead(makeLead("After", "Import")).id
        XCTAssertEqual(try store.leads(filter: LeadFilter(search: "after")).map(\.id), [later], "trigger is back")

        var failing = leads.map { lead -> Lead in var copy = lead; copy.email = "again." + lead.email; return copy }
        failing[200].firstName = "Bad"
        try store.db.execute("CREATE TEMP TRIGGER no_bad BEFORE INSERT ON leads WHEN new.first_name = 'Bad' BEGIN SELECT RAISE(ABORT, 'bad'); END")
        XCTAssertThrowsError(try store.importLeads(failing))
        XCTAssertEqual(try store.countLeads(), 251)
        XCTAssertEqual(try store.leads(filter: LeadFilter(search: "again")), [])
        XCTAssertTrue(try store.diagnostics().isHealthy)
        let last = try store.createLead(makeLead("Final", "One")).id
        XCTAssertEqual(try store.leads(filter: LeadFilter(search: "final")).map(\.id), [last], "trigger survives a failed import")
    }
}
