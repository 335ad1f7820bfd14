import Core
import Simulator
import XCTest

final class SeedingTests: XCTestCase {
    func testSameSeedGivesSameCredentialsAndLeads() {
        let a = SimulatorState(seed: 11, leadCount: 30, userCount: 4, now: 1_800_000_000)
        let b = SimulatorState(seed: 11, leadCount: 30, userCount: 4, now: 1_800_000_000)
        let c = SimulatorState(seed: 12, leadCount: 30, userCount: 4, now: 1_800_000_000)
        XCTAssertEqual(a.allUsers, b.allUsers)
        XCTAssertNotEqual(a.allUsers.map(\.apiKey), c.allUsers.map(\.apiKey))
        XCTAssertEqual(a.listLeads(LeadListFilter(), offset: 0, limit: 30).items, b.listLeads(LeadListFilter(), offset: 0, limit: 30).items)
        XCTAssertEqual(a.allUsers.count, 4)
        XCTAssertEqual(Set(a.allUsers.map(\.apiKey)).count, 4)
    }

    func testSeededLeadsComeFromTheDemoGeneratorWithUniqueSlugs() {
        let state = SimulatorState(seed: 5, leadCount: 2_000, userCount: 3, now: 1_800_000_000)
        let generator = DemoDataGenerator(seed: 5, now: 1_800_000_000, userCount: 3)
        let page = state.listLeads(LeadListFilter(), offset: 0, limit: 2_000)
        XCTAssertEqual(page.count, 2_000)
        XCTAssertEqual(page.items[17].email, generator.lead(17).email)
        XCTAssertEqual(page.items[17].id, 18)
        XCTAssertEqual(Set(page.items.map(\.slug)).count, 2_000)
        XCTAssertTrue(page.items.allSatisfy { $0.slug.utf8.allSatisfy { $0 < 128 } }, "slugs are ASCII")
    }

    func testSlugFoldsAccentsAndFallsBackForNonLatinNames() {
        XCTAssertEqual(SimLead.makeSlug(firstName: "Zoë", lastName: "Müller", id: 7), "zoe-muller-7")
        XCTAssertEqual(SimLead.makeSlug(firstName: "翔太", lastName: "田中", id: 8), "lead-8")
        XCTAssertEqual(SimLead.makeSlug(firstName: "O'Brien", lastName: "", id: 9), "o-brien-9")
    }

    func testInProcessDumpCarriesEveryRecordAndTheDeletedFlag() throws {
        let state = SimulatorState(seed: 5, leadCount: 25, userCount: 2, now: 1_800_000_000)
        let slug = try XCTUnwrap(state.listLeads(LeadListFilter(), offset: 0, limit: 1).items.first?.slug)
        try state.deleteLead(slug: slug, by: nil)
        let dump = state.dump()
        let leads = try XCTUnwrap(dump["leads"] as? [[String: Any]])
        XCTAssertEqual(leads.count, 25)
        XCTAssertEqual(leads.first?["deleted"] as? Bool, true)
        XCTAssertEqual(leads.first?["id"] as? Int, 1)
        XCTAssertNotNil(dump["notes"] as? [[String: Any]])
        XCTAssertEqual((dump["users"] as? [[String: Any]])?.count, 2)
    }
}
