import Core
import Foundation
import XCTest
@testable import Store

final class SearchTests: StoreTestCase {
    private func names(_ search: String, filter: LeadFilter = .all) throws -> [String] {
        var f = filter
        f.search = search
        return try store.leads(filter: f, limit: 100).map(\.name)
    }

    func testSearchIgnoresDiacriticsAndCase() throws {
        try store.createLead(makeLead("Zoë", "Zimmer"))
        try store.createLead(makeLead("Jürgen", "Müller"))
        try store.createLead(makeLead("Ann", "Lee"))
        XCTAssertEqual(try names("zoe"), ["Zoë Zimmer"])
        XCTAssertEqual(try names("ZOE"), ["Zoë Zimmer"])
        XCTAssertEqual(try names("muller"), ["Jürgen Müller"])
        XCTAssertEqual(try names("Müller"), ["Jürgen Müller"])
    }

    func testSearchMatchesWordPrefixesAndRequiresEveryWord() throws {
        try store.createLead(makeLead("Zoë", "Müller"))
        try store.createLead(makeLead("Zoltan", "Lee"))
        XCTAssertEqual(Set(try names("zo")), ["Zoë Müller", "Zoltan Lee"])
        XCTAssertEqual(try names("mül"), ["Zoë Müller"])
        XCTAssertEqual(try names("zo mu"), ["Zoë Müller"])
        XCTAssertEqual(try names("zo nobody"), [])
        XCTAssertEqual(try names("zoe muller"), ["Zoë Müller"], "long words expanded through the vocabulary")
        XCTAssertEqual(try names("mülle zo"), ["Zoë Müller"])
    }

    func testSearchCoversEmailPhoneCompanyAndNotes() throws {
        var lead = makeLead("Ann", "Lee", company: "Björk Industries")
        lead.email = "ann.lee@kontor.example"
        lead.phone = "+4930123456"
        let id = try store.createLead(lead).id
        try store.createLead(makeLead("Bob", "Ray", company: "Other"))
        XCTAssertEqual(try names("kontor"), ["Ann Lee"])
        XCTAssertEqual(try names("4930"), ["Ann Lee"])
        XCTAssertEqual(try names("bjork"), ["Ann Lee"])
        XCTAssertEqual(try names("voicemail"), [])
        let note = try store.addNote(toLead: id, text: "Left a voicemail about pricing", author: "ana")
        XCTAssertEqual(try names("voicemail"), ["Ann Lee"])
        try store.deleteNote(id: note.id)
        XCTAssertEqual(try names("voicemail"), [])
    }

    func testSearchFollowsRenamesAndDeletes() throws {
        var lead = makeLead("Ann", "Lee")
        lead.email = "x1@example.com"
        let id = try store.createLead(lead).id
        try store.updateLead(id: id, changes: [.firstName: "Zoë"])
        XCTAssertEqual(try names("ann"), [])
        XCTAssertEqual(try names("zoe"), ["Zoë Lee"])
        try store.deleteLead(id: id)
        XCTAssertEqual(try names("zoe"), [])
    }

    func testSearchCombinesWithFilters() throws {
        try store.createLead(makeLead("Zoë", "A", status: .customer, owner: "ana"))
        try store.createLead(makeLead("Zoë", "B", status: .prospect, owner: "ana"))
        try store.createLead(makeLead("Zoë", "C", status: .customer, owner: "bo"))
        XCTAssertEqual(try names("zoe", filter: LeadFilter(statuses: [.customer], owners: ["ana"])), ["Zoë A"])
        XCTAssertEqual(try store.countLeads(filter: LeadFilter(statuses: [.customer], search: "zoe")), 2)
        XCTAssertEqual(try store.countsByStatus(filter: LeadFilter(search: "zoe"))[.customer], 2)
    }

    func testPunctuationOnlySearchMatchesNothingAndQuotesAreSafe() throws {
        try store.createLead(makeLead("Ann", "Lee"))
        XCTAssertEqual(try names("@@ --"), [], "nothing indexable: no match (issue 12 item 7)")
        XCTAssertEqual(try names("\"ann"), ["Ann Lee"])
        XCTAssertEqual(try names("ann OR NOT"), [])
    }
}
