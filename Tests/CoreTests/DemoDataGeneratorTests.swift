import XCTest
@testable import Core

final class DemoDataGeneratorTests: XCTestCase {
    func testSameSeedGivesSameLeads() {
        let a = DemoDataGenerator(seed: 7, now: 1_795_445_100)
        let b = DemoDataGenerator(seed: 7, now: 1_795_445_100)
        for i in [0, 1, 999, 123_456] { XCTAssertEqual(a.lead(i), b.lead(i)) }
        XCTAssertNotEqual(a.lead(0), DemoDataGenerator(seed: 8, now: 1_795_445_100).lead(0))
    }

    func testGeneratedLeadsPassTheVendorRules() {
        let generator = DemoDataGenerator(seed: 1, now: 1_795_445_100)
        let owners = Set(generator.users.map(\.username))
        for i in 0..<2000 {
            let lead = generator.lead(i)
            XCTAssertTrue(LeadRules.validate(lead, assigneeExists: owners.contains).isEmpty, "\(lead)")
        }
    }

    func testDataIsInternationalAndEmailsAreUnique() {
        let generator = DemoDataGenerator(seed: 1, now: 1_795_445_100)
        let leads = (0..<3000).map(generator.lead)
        XCTAssertEqual(Set(leads.map(\.email)).count, leads.count)
        XCTAssertTrue(leads.contains { $0.displayName.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } })
        XCTAssertTrue(leads.contains { $0.displayName.unicodeScalars.contains { $0.value >= 0x0600 && $0.value <= 0x06FF } })
        XCTAssertTrue(leads.contains { $0.company.unicodeScalars.contains { $0.properties.isEmojiPresentation } })
        XCTAssertTrue(leads.contains { $0.firstName == "Zoë" })
        XCTAssertEqual(Set(leads.map(\.status)).count, LeadStatus.allCases.count)
    }

    func testAppointmentsSpreadAroundNowWithValidShape() {
        let now: Int64 = 1_795_445_100
        let generator = DemoDataGenerator(seed: 3, now: now)
        let appointments = (0..<2000).flatMap { generator.appointments(forLead: $0, leadId: Int64($0)) }
        XCTAssertGreaterThan(appointments.count, 200)
        XCTAssertTrue(appointments.contains { $0.start.timeIntervalSince1970 < Double(now) })
        XCTAssertTrue(appointments.contains { $0.start.timeIntervalSince1970 > Double(now) })
        for appointment in appointments {
            XCTAssertGreaterThan(appointment.end, appointment.start)
            XCTAssertLessThanOrEqual(appointment.note.count, LeadRules.maxAppointmentNoteLength)
        }
    }
}
