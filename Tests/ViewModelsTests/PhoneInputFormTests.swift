import Core
import Store
import XCTest
@testable import ViewModels

/// Issue 12 (smaller): a phone typed the way people write it is saved the way seed 001 wants it.
final class PhoneInputFormTests: ViewModelsTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try store.upsertUser(User(username: "ana", displayName: "Ana"))
    }

    func testPhoneWithSpacesAndBracketsIsNormalisedBeforeTheRule() throws {
        var form = LeadFormViewModel.newLead(store: store, currentUser: "ana", now: { [fixedNow] in fixedNow })
        form.setValue("Ada", for: .firstName)
        form.setValue("Lovelace", for: .lastName)
        form.setValue("ada@example.com", for: .email)
        form.setValue("+49 (151) 123-4567", for: .phone)
        XCTAssertEqual(form.formField(.phone)?.errors ?? [], [], "accepted as you type")
        guard case .saved(let lead) = form.save() else { return XCTFail("expected saved") }
        XCTAssertEqual(lead.phone, "+491511234567")
        XCTAssertEqual(try store.outboxEntries(forLead: lead.id).first?.payload["phone"], "+491511234567", "the wire gets the plain form")
    }

    func testSomethingThatIsNotAPhoneKeepsTheVendorMessage() throws {
        var form = LeadFormViewModel.newLead(store: store, currentUser: "ana", now: { [fixedNow] in fixedNow })
        form.setValue("call me (maybe)", for: .phone)
        XCTAssertEqual(form.formField(.phone)?.errors, [VendorMessages.invalidPhone])
        XCTAssertEqual(PhoneInput.normalized("+1 555 0100"), "+15550100")
        XCTAssertEqual(PhoneInput.normalized("12ab"), "12ab")
    }
}
