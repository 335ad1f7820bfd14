import Core
import Foundation
import Store
import XCTest
@testable import ViewModels

/// `x` on a lead's detail fixes refused notes and appointments too, not only lead fields.
final class RejectedRecordFixTests: ViewModelsTestCase {
    func testARejectedNoteIsEditedAndSentAgainWithTheServerMessageShownFirst() throws {
        let lead = try store.createLead(makeLead("Ada", "Lovelace"))
        for entry in try store.outboxEntries() { try store.markOutboxDone(entry.id) }
        let note = try store.addNote(toLead: lead.id, text: "Call back", author: "ana")
        let entry = try XCTUnwrap(try store.outboxEntries(forLead: lead.id).first { $0.kind == .note })
        try store.markOutboxRejected(entry.id, messages: ["request": [VendorMessages.cannotAddNote]])
        let now = fixedNow
        var detail = LeadDetailViewModel(store: store, leadId: lead.id, currentUser: "ana", now: { now })
        guard case .note(let noteId, let text, let messages)? = detail.rejectedRecordFix(zone: .utc) else {
            return XCTFail("no note fix offered")
        }
        XCTAssertEqual(noteId, note.id)
        XCTAssertEqual(text, "Call back")
        XCTAssertEqual(messages, ["You can't add note on this lead."])
        XCTAssertEqual(detail.fixRejectedNote(noteId: noteId, text: "   "), ["This field may not be blank."])
        XCTAssertEqual(detail.fixRejectedNote(noteId: noteId, text: "Call back on Monday"), [])
        let fixed = try XCTUnwrap(try store.outboxEntry(id: entry.id))
        XCTAssertEqual(fixed.state, .pending)
        XCTAssertEqual(fixed.payload["note"], "Call back on Monday")
        XCTAssertEqual(try store.note(id: noteId)?.text, "Call back on Monday")
        XCTAssertNil(detail.rejectedRecordFix(zone: .utc), "nothing refused any more")
    }

    func testARejectedAppointmentOpensItsFormWithTheMessageAtTheStart() throws {
        let lead = try store.createLead(makeLead("Ada", "Lovelace"))
        for entry in try store.outboxEntries() { try store.markOutboxDone(entry.id) }
        let start = fixedNow.addingTimeInterval(86_400)
        let appointment = try store.createAppointment(Appointment(leadId: lead.id, start: start, end: start.addingTimeInterval(1800)))
        let entry = try XCTUnwrap(try store.outboxEntries(forAppointment: appointment.id).first)
        try store.markOutboxRejected(entry.id, messages: ["request": [VendorMessages.appointmentExists]])
        let now = fixedNow
        let detail = LeadDetailViewModel(store: store, leadId: lead.id, currentUser: "ana", now: { now })
        guard case .appointment(var form)? = detail.rejectedRecordFix(zone: .utc) else { return XCTFail("no appointment fix") }
        XCTAssertEqual(form.errors[.start], ["Appointment schedule exists for this time."])
        form.set(.start, "2027-01-16 15:00")
        form.set(.end, "2027-01-16 15:30")
        XCTAssertNotNil(try form.save())
        XCTAssertEqual(try store.outboxEntry(id: entry.id)?.state, .pending)
        XCTAssertEqual(try store.outboxEntry(id: entry.id)?.payload["appointment_date"], "2027-01-16 15:00")
    }

    func testASyncedNoteCannotBeEditedBecauseTheServerHasNoNoteUpdate() throws {
        let lead = try store.createLead(makeLead("Ada", "Lovelace"))
        let note = try store.addNote(toLead: lead.id, text: "Hello", author: "ana")
        for entry in try store.outboxEntries() { try store.markOutboxDone(entry.id) }
        XCTAssertThrowsError(try store.fixNoteText(id: note.id, text: "Changed"))
        XCTAssertEqual(try store.note(id: note.id)?.text, "Hello")
    }
}
