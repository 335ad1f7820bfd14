import Core
import Store
import XCTest
@testable import ViewModels

final class LeadListSearchFilterTests: ViewModelsTestCase {
    private func seedNamed() throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for (first, last, status, owner) in [
            ("Zoë", "Müller", LeadStatus.prospect, "ana"), ("Zoey", "Adams", .contact, "ben"),
            ("Zora", "Baker", .prospect, "ana"), ("Adam", "Zuse", .customer, "ben"),
            ("Mia", "Cole", .contact, "ana"), ("Noah", "Dunn", .prospect, "ben"),
        ] {
            ids[first] = try store.createLead(makeLead(first, last, status: status, owner: owner)).id
        }
        try store.upsertUser(User(username: "ana", displayName: "Ana"))
        try store.upsertUser(User(username: "ben", displayName: "Ben"))
        return ids
    }

    func testSearchNarrowsAsYouTypeAndCancelRestoresSelection() throws {
        let ids = try seedNamed()
        var list = makeList(height: 4)
        list.cursorDown()
        list.cursorDown()
        let before = try XCTUnwrap(list.selectedId)
        let beforeRow = list.selectedRow
        list.beginSearch()
        list.updateSearch("z")
        let zCount = list.rows.count
        list.updateSearch("zo")
        XCTAssertEqual(Set(list.rows.map(\.id)), [ids["Zoë"]!, ids["Zoey"]!, ids["Zora"]!])
        XCTAssertLessThanOrEqual(list.rows.count, zCount)
        list.updateSearch("zoe")
        XCTAssertEqual(Set(list.rows.map(\.id)), [ids["Zoë"]!, ids["Zoey"]!], "diacritics ignored, prefix match")
        list.updateSearch("zoe mül")
        XCTAssertEqual(list.rows.map(\.id), [ids["Zoë"]!])
        XCTAssertTrue(list.isSearching)
        list.cancelSearch()
        XCTAssertFalse(list.isSearching)
        XCTAssertEqual(list.filter, .all)
        XCTAssertEqual(list.selectedId, before)
        XCTAssertEqual(list.selectedRow, beforeRow)
        XCTAssertEqual(list.selectedIndex, 2)
    }

    func testCommittedSearchStaysAsTheFilter() throws {
        let ids = try seedNamed()
        var list = makeList(height: 4)
        list.beginSearch()
        list.updateSearch("zora")
        list.commitSearch()
        XCTAssertEqual(list.rows.map(\.id), [ids["Zora"]!])
        XCTAssertEqual(list.filter.search, "zora")
        list.cancelSearch()
        XCTAssertEqual(list.filter.search, "zora", "cancel after commit does nothing")
    }

    func testStatusOwnerAndPendingFiltersToggle() throws {
        let ids = try seedNamed()
        var list = makeList(height: 10)
        list.filterStatus(.prospect)
        XCTAssertEqual(Set(list.rows.map(\.id)), [ids["Zoë"]!, ids["Zora"]!, ids["Noah"]!])
        list.filterOwner("ana")
        XCTAssertEqual(Set(list.rows.map(\.id)), [ids["Zoë"]!, ids["Zora"]!])
        XCTAssertEqual(list.filterSummary, "status=prospect owner=ana")
        list.filterStatus(.prospect)
        XCTAssertEqual(Set(list.rows.map(\.id)), [ids["Zoë"]!, ids["Zora"]!, ids["Mia"]!])
        list.clearFilters()
        XCTAssertEqual(list.rows.count, 6)
        list.filterPending()
        XCTAssertEqual(list.rows.count, 6, "every created lead has an outbox entry")
        list.filterPending()
        list.filterRejected()
        XCTAssertEqual(list.rows.count, 0)
        XCTAssertEqual(list.positionText, "0 of 0")
    }

    func testSortByStatusAndReverseKeepsTheSelectedLead() throws {
        let ids = try seedNamed()
        var list = makeList(height: 10)
        XCTAssertTrue(list.select(leadId: ids["Mia"]!))
        list.setSort(LeadSort(.status))
        XCTAssertEqual(list.selectedId, ids["Mia"]!)
        XCTAssertEqual(list.rows.map(\.id), try allIds(sort: LeadSort(.status)))
        list.sortReverse()
        XCTAssertEqual(list.rows.map(\.id), try allIds(sort: LeadSort(.status, ascending: false)))
        XCTAssertEqual(list.selectedId, ids["Mia"]!)
        XCTAssertEqual(list.sortText, "status desc")
        list.sortNext()
        XCTAssertEqual(list.sort, LeadSort(.touched, ascending: false), "status → touched (last touch, the dashboard's stale order)")
        XCTAssertEqual(list.rows.map(\.id), try allIds(sort: LeadSort(.touched, ascending: false)))
        list.sortNext()
        XCTAssertEqual(list.sort, LeadSort(.name, ascending: false))
    }

    func testSavedViewsRoundTripAndDefaultsInstallOnce() throws {
        let ids = try seedNamed()
        var list = makeList(height: 10)
        list.filterStatus(.contact)
        list.setSort(LeadSort(.created, ascending: false))
        list.viewSave("contacts")
        XCTAssertEqual(list.message?.level, .info)
        list.clearFilters()
        list.setSort(.nameAscending)
        list.viewLoad("contacts")
        XCTAssertEqual(list.filter, LeadFilter(statuses: [.contact]))
        XCTAssertEqual(list.sort, LeadSort(.created, ascending: false))
        XCTAssertEqual(Set(list.rows.map(\.id)), [ids["Zoey"]!, ids["Mia"]!])
        XCTAssertEqual(list.currentViewName, "contacts")

        list.installDefaultViews()
        XCTAssertEqual(list.savedViewNames, ["conflicts", "contacts", "my new leads", "pending sync", "rejected"])
        list.viewLoad("my new leads")
        XCTAssertEqual(Set(list.rows.map(\.id)), [ids["Zoë"]!, ids["Zora"]!], "owner ana + prospect")
        list.viewDelete("rejected")
        list.installDefaultViews()
        XCTAssertFalse(list.savedViewNames.contains("rejected"), "a deleted default does not come back")
        list.viewLoad("nope")
        XCTAssertEqual(list.message?.text, "view: no saved view named 'nope'")
        XCTAssertEqual(list.message?.level, .error)
    }

    func testReloadKeepsTheSameLeadWhenASyncInsertsOneBeforeIt() throws {
        try seed(300)
        var list = makeList(height: 10)
        for _ in 0..<40 { list.cursorDown() }
        let selected = try XCTUnwrap(list.selectedId)
        let row = list.selectedRow
        let remote = RemoteLead(remoteId: "r-1", fields: [
            "first_name": "Aaron", "last_name": "Aardvark", "email": "aaron@example.com", "phone": "123456789",
            "status": "prospect", "assignee": "ana",
        ])
        let syncStore = try LeadStore(path: path)
        let outcome = try syncStore.applyRemoteLead(provider: "leadscrm", remote)
        guard case .inserted = outcome else { return XCTFail("expected an insert, got \(outcome)") }
        list.reload()
        XCTAssertEqual(list.selectedId, selected)
        XCTAssertEqual(list.selectedRow, row)
        list.resolvePosition()
        XCTAssertEqual(list.selectedIndex, 41, "one lead now sorts before it")
        XCTAssertEqual(list.positionText, "42 of 301")
    }

    func testReloadMovesToTheNextNeighbourWhenTheLeadLeavesTheFilter() throws {
        let ids = try seedNamed()
        let filter = LeadFilter(statuses: [.prospect])
        var list = makeList(height: 10, filter: filter)
        let order = try allIds(filter: filter)
        XCTAssertTrue(list.select(leadId: order[1]))
        try LeadStore(path: path).setStatus(.customer, forLead: order[1])
        list.reload()
        XCTAssertEqual(list.selectedId, order[2])
        XCTAssertTrue(ids.values.contains(order[2]))
        XCTAssertTrue(list.select(leadId: order[2]))
        try store.setStatus(.customer, forLead: order[2])
        list.reload()
        XCTAssertEqual(list.selectedId, order[0], "the last lead left: the previous one is selected")
    }

    func testHostileSearchTextNeverCrashesAndNeverLeaksControls() throws {
        _ = try seedNamed()
        var list = makeList(height: 4)
        list.beginSearch()
        for text in ["\"", "zo*", "AND", "(", "NEAR(", "zo\u{1B}[31m", "-", "'", "^", "zoë OR"] {
            list.updateSearch(text)
            XCTAssertFalse(list.filter.search.unicodeScalars.contains { $0.value == 0x1B }, text)
            if let message = list.message { XCTAssertFalse(message.text.contains("SELECT"), message.text) }
        }
        list.cancelSearch()
        XCTAssertEqual(list.rows.count, 4)
        XCTAssertEqual(list.filter, .all)
    }
}
