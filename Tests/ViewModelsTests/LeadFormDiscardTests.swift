import Core
import Store
import XCTest
@testable import ViewModels

/// Esc on a changed form asks before throwing the changes away.
final class LeadFormDiscardTests: ViewModelsTestCase {
    func testCancelOnAChangedFormAsksWithTheNumberOfChangesAndASecondCancelCloses() throws {
        let lead = try store.createLead(makeLead("Ada", "Lovelace"))
        var form = LeadFormViewModel(store: store, currentUser: "ana", editing: lead, now: { [fixedNow] in fixedNow })
        XCTAssertTrue(form.requestCancel(), "an unchanged form closes at once")
        form.setValue("Augusta", for: .firstName)
        form.setValue("King", for: .lastName)
        form.setValue("Paris", for: .location)
        XCTAssertEqual(form.changedFields, [.firstName, .lastName, .location])
        XCTAssertFalse(form.requestCancel())
        XCTAssertEqual(form.discardQuestion, "Discard 3 changes? y/n")
        form.keepEditing()
        XCTAssertNil(form.discardQuestion)
        XCTAssertEqual(form.value(of: .firstName), "Augusta", "nothing lost by answering no")
        XCTAssertFalse(form.requestCancel())
        XCTAssertTrue(form.requestCancel(), "Esc twice closes")
    }

    func testAFieldTypedBackToItsValueIsNoChange() throws {
        let lead = try store.createLead(makeLead("Ada", "Lovelace"))
        var form = LeadFormViewModel(store: store, currentUser: "ana", editing: lead, now: { [fixedNow] in fixedNow })
        form.setValue("Ad", for: .firstName)
        form.setValue("Ada", for: .firstName)
        XCTAssertTrue(form.requestCancel())
        var new = LeadFormViewModel.newLead(store: store, currentUser: "ana")
        new.setValue("Zoë", for: .firstName)
        XCTAssertFalse(new.requestCancel())
        XCTAssertEqual(new.discardQuestion, "Discard 1 change? y/n")
    }
}
