import Core
import Store
import XCTest
@testable import ViewModels

final class LeadDetailViewModelTests: ViewModelsTestCase {
    /// A lead that came from the server (linked, no outbox entry), so local edits make "update" entries.
    private func remoteLead(email: String = "ada@example.com", phone: String = "123456789") throws -> Int64 {
        let remote = RemoteLead(remoteId: "r-1", fields: ["first_name": "Ada", "last_name": "Lovelace", "email": email,
                                                           "phone": phone, "status": "prospect", "assignee": "ana"])
        return try store.applyRemoteLead(provider: "leadscrm", remote).localId
    }

    private func detail(_ id: Int64) -> LeadDetailViewModel {
        let now = fixedNow
        return LeadDetailViewModel(store: store, leadId: id, currentUser: "ana", now: { now })
    }

    func testDetailShowsSanitisedFieldsNotesAndActivities() throws {
        let lead = try store.createLead(makeLead("Ada\u{1B}[2J", "Lovelace", email: "ada@example.com"))
        try store.addNote(toLead: lead.id, text: "line one\n\u{1B}]0;pwned\u{07}line two", author: "ana")
        try store.addActivity(toLead: lead.id, type: "call", text: "Called\u{9B}31m back")
        let view = detail(lead.id)
        XCTAssertEqual(view.title, "Ada Lovelace")
        XCTAssertEqual(view.detailField(.firstName)?.value, "Ada")
        XCTAssertEqual(view.notes.first?.text, "line one\nline two")
        XCTAssertEqual(view.activities.first?.text, "Called back")
        XCTAssertEqual(view.fields.map(\.field), LeadField.allCases)
        XCTAssertEqual(view.syncMark, .pending)
    }

    func testAddNoteValidatesAndOnlySavesValidNotes() throws {
        let id = try remoteLead()
        var view = detail(id)
        XCTAssertEqual(view.addNote("   "), ["This field may not be blank."])
        XCTAssertEqual(view.addNote(String(repeating: "x", count: 500)), ["Ensure this field has no more than 499 characters."])
        XCTAssertEqual(view.message?.level, .error)
        XCTAssertTrue(try outbox(id).isEmpty, "nothing queued for invalid notes")
        XCTAssertEqual(view.addNote("Met at the fair\n"), [])
        XCTAssertEqual(view.notes.map(\.text), ["Met at the fair"])
        XCTAssertEqual(view.notes.first?.author, "ana")
        XCTAssertEqual(try outbox(id).map(\.kind), [.note])
        XCTAssertEqual(view.message?.text, "Note added")
    }

    func testQuickStatusChangeQueuesAnUpdate() throws {
        let id = try remoteLead()
        var view = detail(id)
        view.setStatus(.contact)
        XCTAssertEqual(view.lead?.status, .contact)
        XCTAssertEqual(try outbox(id).first?.payload, ["status": "contact"])
        XCTAssertEqual(view.detailField(.status)?.isPending, true)
        XCTAssertEqual(view.syncMark, .pending)
    }

    func testDeleteRequiresConfirmation() throws {
        let id = try remoteLead()
        var view = detail(id)
        view.delete()
        XCTAssertNotNil(view.pendingConfirmation)
        XCTAssertFalse(try store.isLeadDeleted(id: id))
        view.cancelConfirmation()
        XCTAssertFalse(try store.isLeadDeleted(id: id))
        view.delete()
        view.confirm()
        XCTAssertTrue(try store.isLeadDeleted(id: id))
        XCTAssertTrue(view.isDeleted)
        XCTAssertEqual(try outbox(id).map(\.op), [.delete])
    }

    func testCopyProducesSanitisedClipboardText() throws {
        let lead = try store.createLead(makeLead("Ada", "Lovelace", email: "ada@example.com\u{1B}]52;c;ZXZpbA==\u{07}"))
        var view = detail(lead.id)
        XCTAssertEqual(view.copyEmail(), ClipboardRequest(text: "ada@example.com"))
        XCTAssertEqual(view.copyEmail()?.text, "ada@example.com")
        XCTAssertEqual(view.copyPhone()?.text, "+4915112345678")
        try store.updateLead(id: lead.id, changes: [.phone: ""])
        view.reload()
        XCTAssertNil(view.copyPhone())
        XCTAssertEqual(view.message?.text, "No phone number to copy")
    }

    func testRejectedChangeShowsTheServerMessageAtTheFieldAndFixOpensTheForm() throws {
        let id = try remoteLead()
        try store.updateLead(id: id, changes: [.email: "ada@lovelace"])
        let entry = try XCTUnwrap(try outbox(id).first)
        try store.markOutboxRejected(entry.id, messages: ["email": ["Invalid email."], "request": ["You are not owner of this lead."]])
        var view = detail(id)
        XCTAssertEqual(view.syncMark, .rejected)
        XCTAssertEqual(view.detailField(.email)?.serverMessages, ["Invalid email."])
        XCTAssertEqual(view.detailField(.phone)?.serverMessages, [])
        XCTAssertEqual(view.rejectedChanges.first?.otherMessages, ["You are not owner of this lead."])
        view.fixRejected()
        let form = try XCTUnwrap(view.form)
        XCTAssertEqual(form.focusedField.field, .email)
        XCTAssertEqual(form.focusedField.serverMessages, ["Invalid email."])
        XCTAssertEqual(form.focusedField.value, "ada@lovelace")
        view.form?.setValue("ada@lovelace.org", for: .email)
        guard case .saved = view.saveForm() else { return XCTFail("the fix should save") }
        XCTAssertNil(view.form)
        XCTAssertEqual(view.message?.text, "Saved")
        XCTAssertEqual(try outbox(id).first?.state, .pending, "a fixed rejection goes back to pending")
        XCTAssertTrue(view.rejectedChanges.isEmpty)
    }

    func testDiscardRestoresTheBaseValues() throws {
        let id = try remoteLead()
        try store.updateLead(id: id, changes: [.email: "ada@lovelace", .status: "customer"])
        let entry = try XCTUnwrap(try outbox(id).first)
        try store.markOutboxRejected(entry.id, messages: ["email": ["Invalid email."]])
        var view = detail(id)
        view.discardRejected()
        XCTAssertNotNil(view.pendingConfirmation, "discard asks first")
        XCTAssertEqual(try store.lead(id: id)?.email, "ada@lovelace")
        view.confirm()
        XCTAssertEqual(view.lead?.email, "ada@example.com")
        XCTAssertEqual(view.lead?.status, .prospect)
        XCTAssertTrue(try outbox(id).isEmpty)
        XCTAssertTrue(view.rejectedChanges.isEmpty)
        XCTAssertEqual(view.syncMark, .none)
    }

    func testConflictShowsLocalAndRemoteValues() throws {
        let id = try remoteLead(phone: "123456789")
        try store.updateLead(id: id, changes: [.phone: "987654321"])
        let changed = RemoteLead(remoteId: "r-1", fields: ["first_name": "Ada", "last_name": "Lovelace",
                                                            "email": "ada@example.com", "phone": "555000111",
                                                            "status": "prospect", "assignee": "ana"])
        guard case .conflicted = try store.applyRemoteLead(provider: "leadscrm", changed) else {
            return XCTFail("expected a conflict")
        }
        var view = detail(id)
        XCTAssertEqual(view.syncMark, .conflict)
        let conflict = try XCTUnwrap(view.conflicts.first)
        XCTAssertEqual(conflict.field, .phone)
        XCTAssertEqual(conflict.localValue, "987654321")
        XCTAssertEqual(conflict.remoteValue, "555000111")
        view.acknowledgeConflicts()
        XCTAssertTrue(view.conflicts.isEmpty)
        XCTAssertEqual(view.syncMark, .pending)
    }

    func testMissingLeadIsReportedNotCrashed() throws {
        var view = detail(4242)
        XCTAssertTrue(view.isMissing)
        XCTAssertEqual(view.title, "Lead not found")
        view.setStatus(.contact)
        XCTAssertEqual(view.message?.level, .error)
        XCTAssertEqual(view.addNote("hello"), [view.message?.text ?? ""])
    }
}
