import Core
import Store
import XCTest
@testable import ViewModels

final class LeadFormViewModelTests: ViewModelsTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try store.upsertUser(User(username: "ana", displayName: "Ana"))
        try store.upsertUser(User(username: "ben", displayName: "Ben"))
    }

    func testInvalidEditShowsTheVendorMessagesAtTheFieldsAndSavesNothing() throws {
        let lead = try store.createLead(makeLead("Ada", "Lovelace"))
        let outboxBefore = try store.outboxEntries()
        var form = LeadFormViewModel(store: store, currentUser: "ana", editing: lead, now: { [fixedNow] in fixedNow })
        form.setValue("not-an-email", for: .email)
        XCTAssertEqual(form.formField(.email)?.errors, ["Invalid email."], "validated as you type")
        form.setValue("12ab", for: .phone)
        form.setValue("   ", for: .firstName)
        form.setValue("zed", for: .owner)
        form.focus(.label)
        let outcome = form.save()
        guard case .invalid(let errors) = outcome else { return XCTFail("expected invalid, got \(outcome)") }
        XCTAssertEqual(errors["email"], [VendorMessages.invalidEmail])
        XCTAssertEqual(form.formField(.phone)?.errors,
                       ["Phone number must be entered in the format: '999999999'. Up to 15 digits allowed."])
        XCTAssertEqual(form.formField(.firstName)?.errors, ["This field may not be blank."])
        XCTAssertEqual(form.formField(.owner)?.errors, ["Assignee not found."])
        XCTAssertEqual(form.focusedField.field, .firstName, "focus jumps to the first bad field")
        XCTAssertEqual(form.message?.level, .error)
        XCTAssertNotEqual(form.message?.text, "Saved")
        XCTAssertEqual(try store.outboxEntries(), outboxBefore, "outbox unchanged")
        XCTAssertEqual(try store.lead(id: lead.id)?.email, lead.email)
    }

    func testValidEditWritesTheRecordAndTheOutboxThenSaysSaved() throws {
        let remote = RemoteLead(remoteId: "r-9", fields: ["first_name": "Ada", "last_name": "Lovelace",
                                                           "email": "ada@example.com", "phone": "123456789",
                                                           "status": "prospect", "assignee": "ana"])
        let id = try store.applyRemoteLead(provider: "leadscrm", remote).localId
        let lead = try XCTUnwrap(try store.lead(id: id))
        var form = LeadFormViewModel(store: store, currentUser: "ana", editing: lead)
        XCTAssertNil(form.message)
        form.setValue("  ada@lovelace.org ", for: .email)
        form.setValue("ben", for: .owner)
        XCTAssertTrue(form.isDirty)
        guard case .saved(let saved) = form.save() else { return XCTFail("expected saved") }
        XCTAssertEqual(form.message?.text, "Saved")
        XCTAssertEqual(saved.email, "ada@lovelace.org", "typed values are trimmed like the server does")
        XCTAssertEqual(try store.lead(id: id)?.owner, "ben")
        let entries = try outbox(id)
        XCTAssertEqual(entries.count, 1)
        XCTAssertEqual(entries.first?.op, .update)
        XCTAssertEqual(entries.first?.payload, ["email": "ada@lovelace.org", "assignee": "ben"])
        XCTAssertFalse(form.isDirty)
    }

    func testNewLeadFormDefaultsToTheCurrentUserAndCreates() throws {
        var form = LeadFormViewModel.newLead(store: store, currentUser: "ben")
        XCTAssertEqual(form.title, "New lead")
        XCTAssertEqual(form.value(of: .owner), "ben")
        XCTAssertEqual(form.value(of: .status), "prospect")
        XCTAssertEqual(form.fields.map(\.field), LeadField.allCases)
        guard case .invalid(let errors) = form.save() else { return XCTFail("an empty form must not save") }
        XCTAssertEqual(errors["first_name"], ["This field may not be blank."])
        XCTAssertEqual(errors["email"], ["This field may not be blank."])
        XCTAssertEqual(try store.countLeads(), 0)
        form.setValue("Grace", for: .firstName)
        form.setValue("Hopper", for: .lastName)
        form.setValue("grace@example.com", for: .email)
        form.setValue("+15551234567", for: .phone)
        form.setValue("won", for: .status)
        guard case .invalid(let statusErrors) = form.save() else { return XCTFail("bad status must not save") }
        XCTAssertEqual(statusErrors["status"], ["won is not a valid choice."])
        form.setValue("contact", for: .status)
        guard case .saved(let lead) = form.save() else { return XCTFail("expected saved") }
        XCTAssertEqual(lead.owner, "ben")
        XCTAssertEqual(lead.status, .contact)
        XCTAssertEqual(try outbox(lead.id).map(\.op), [.create])
    }

    func testFieldNavigationWraps() throws {
        var form = LeadFormViewModel.newLead(store: store, currentUser: "ana")
        form.previousField()
        XCTAssertEqual(form.focusedField.field, .label)
        form.nextField()
        XCTAssertEqual(form.focusedField.field, .firstName)
        XCTAssertEqual(form.formField(.status)?.choices, LeadStatus.allCases.map(\.rawValue))
        XCTAssertEqual(form.formField(.owner)?.choices, ["ana", "ben"])
    }

    func testSaveThatTheStoreRefusesDoesNotSaySaved() throws {
        let lead = try store.createLead(makeLead("Ada", "Lovelace"))
        var form = LeadFormViewModel(store: store, currentUser: "ana", editing: lead)
        form.setValue("Augusta", for: .firstName)
        try store.deleteLead(id: lead.id)
        guard case .failed(let text) = form.save() else { return XCTFail("a deleted lead cannot be saved") }
        XCTAssertEqual(form.message?.level, .error)
        XCTAssertEqual(form.message?.text, text)
        XCTAssertNotEqual(form.message?.text, "Saved")
        XCTAssertNil(form.savedLead)
        XCTAssertEqual(try store.lead(id: lead.id)?.firstName, "Ada")
    }
}
