import XCTest
@testable import Core

final class LeadRulesTests: XCTestCase {
    private func validForm() -> [String: String] {
        ["first_name": "Zoë", "last_name": "Müller", "email": "zoe@example.com", "phone": "+4915112345678",
         "assignee": "ana", "status": "prospect", "source": "website"]
    }

    func testValidCreateFormHasNoErrors() {
        XCTAssertTrue(LeadRules.validateCreate(validForm(), assigneeExists: { $0 == "ana" }).isEmpty)
    }

    func testMissingRequiredFieldsUseVendorMessage() {
        let errors = LeadRules.validateCreate([:])
        for field in ["first_name", "last_name", "email", "phone", "assignee"] {
            XCTAssertEqual(errors[field], ["This field is required."], field)
        }
    }

    func testBlankFieldsUseVendorMessage() {
        var form = validForm()
        form["first_name"] = "   "
        form["assignee"] = ""
        let errors = LeadRules.validateCreate(form)
        XCTAssertEqual(errors["first_name"], ["This field may not be blank."])
        XCTAssertEqual(errors["assignee"], ["This field may not be blank."])
    }

    func testLengthLimitIs255ForNamesAndLocation() {
        var form = validForm()
        form["last_name"] = String(repeating: "é", count: 256)
        form["location"] = String(repeating: "x", count: 256)
        form["message"] = String(repeating: "x", count: 255)
        let errors = LeadRules.validateCreate(form)
        XCTAssertEqual(errors["last_name"], ["Ensure this field has no more than 255 characters."])
        XCTAssertEqual(errors["location"], ["Ensure this field has no more than 255 characters."])
        XCTAssertEqual(errors["message"], [])
    }

    func testInvalidEmailAndPhoneMessages() {
        var form = validForm()
        form["email"] = "not an email"
        form["phone"] = "12-34"
        let errors = LeadRules.validateCreate(form)
        XCTAssertEqual(errors["email"], ["Invalid email."])
        XCTAssertEqual(errors["phone"], ["Phone number must be entered in the format: '999999999'. Up to 15 digits allowed."])
    }

    func testEnumChoicesQuoteTheBadValue() {
        var form = validForm()
        form["status"] = "won"
        form["source"] = "tiktok"
        let errors = LeadRules.validateCreate(form)
        XCTAssertEqual(errors["status"], ["won is not a valid choice."])
        XCTAssertEqual(errors["source"], ["tiktok is not a valid choice."])
    }

    func testUnknownAssigneeIsReported() {
        XCTAssertEqual(LeadRules.validateCreate(validForm(), assigneeExists: { _ in false })["assignee"], ["Assignee not found."])
    }

    func testUpdateNeedsSlugWithinLimit() {
        XCTAssertEqual(LeadRules.validateUpdate(validForm())["slug"], ["This field is required."])
        var form = validForm()
        form["slug"] = String(repeating: "s", count: 259)
        XCTAssertEqual(LeadRules.validateUpdate(form)["slug"], ["Ensure this field has no more than 258 characters."])
    }

    func testPhoneFormat() {
        for good in ["999999999", "+999999999", "123456789012345", "+123456789012345"] {
            XCTAssertTrue(LeadRules.isValidPhone(good), good)
        }
        for bad in ["12345678", "1234567890123456", "+1123456789012345", "+49 151 1234", "abc123456789", "", "１２３４５６７８９"] {
            XCTAssertFalse(LeadRules.isValidPhone(bad), bad)
        }
    }

    func testEmailFormat() {
        for good in ["a@b.co", "zoe.muller.1@example.com", "ñandú@correo.example"] {
            XCTAssertTrue(LeadRules.isValidEmail(good), good)
        }
        for bad in ["", "a@b", "@b.com", "a b@c.com", "a@@b.com", "a@b.c", "a..b@c.com", "a@-b.com"] {
            XCTAssertFalse(LeadRules.isValidEmail(bad), bad)
        }
    }

    func testNoteRules() {
        XCTAssertEqual(LeadRules.validateNote(nil), ["This field is required."])
        XCTAssertEqual(LeadRules.validateNote(" "), ["This field may not be blank."])
        XCTAssertEqual(LeadRules.validateNote(String(repeating: "n", count: 500)), ["Ensure this field has no more than 499 characters."])
        XCTAssertEqual(LeadRules.validateNote(String(repeating: "n", count: 499)), [])
    }

    func testAppointmentRulesKeepVendorSpelling() {
        let errors = LeadRules.validateAppointment(
            ["appointment_date": "", "appointment_to": "2026-13-01 10:00", "appointment_note": String(repeating: "x", count: 201),
             "appointment_status": "done"], isCreate: true)
        XCTAssertEqual(errors["appointment_date"], ["This field is may not be blank."])
        XCTAssertEqual(errors["appointment_to"], ["Invalid date format."])
        XCTAssertEqual(errors["appointment_note"], ["Ensure this field has no more than 200 characters."])
        XCTAssertEqual(errors["appointment_status"], ["Invalid appointment status."])
        XCTAssertEqual(LeadRules.validateAppointment([:], isCreate: true)["appointment_date"], ["This field is required."])
        XCTAssertTrue(LeadRules.validateAppointment(["appointment_status": "fullfilled"], isCreate: false).isEmpty)
    }

    func testAppointmentDateProblems() {
        XCTAssertEqual(LeadRules.appointmentDateProblem(start: 200, end: 100, now: 0), "End Date Can't be prior to Start Date.")
        XCTAssertEqual(LeadRules.appointmentDateProblem(start: 100, end: 200, now: 150), "Please Specify a date in the future.")
        XCTAssertNil(LeadRules.appointmentDateProblem(start: 100, end: 200, now: 50))
    }

    func testValidatingALeadValueUsesWireFieldNames() {
        let lead = Lead(firstName: "", lastName: "Li", email: "li@example.com", phone: "123", owner: "ana")
        let errors = LeadRules.validate(lead)
        XCTAssertEqual(errors.fieldOrder, ["first_name", "phone"])
        XCTAssertEqual(errors.lines.first, "first_name: This field may not be blank.")
    }
}
