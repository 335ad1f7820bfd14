import Core
import Store
import XCTest
@testable import ViewModels

/// Mark-all means every lead the filter shows; marks never stand for leads the list hides.
final class LeadListSelectionTests: ViewModelsTestCase {
    func testMarkAllMarksEveryLeadShownBeyondAThousandAndBulkStatusChangesThemAll() throws {
        try seed(2500)
        var list = makeList(height: 10)
        list.markAll()
        XCTAssertEqual(list.marked.count, 2500)
        XCTAssertEqual(list.message?.text, "Marked all 2500 leads shown")
        XCTAssertLessThanOrEqual(list.message?.text.count ?? 99, 78, "fits the status bar at 80 columns")
        XCTAssertTrue(list.displayRows.allSatisfy(\.isMarked))
        list.cursorBottom()
        XCTAssertTrue(list.displayRows.allSatisfy(\.isMarked), "the last page is marked too")
        let notCustomers = 2500 - (try store.countsByStatus()[.customer] ?? 0)
        list.setStatus(.customer)
        XCTAssertEqual(list.message?.text, "Status set to customer on 2500 leads")
        XCTAssertEqual(try store.countsByStatus()[.customer], 2500)
        XCTAssertEqual(try store.countLeads(filter: LeadFilter(statuses: [.customer])), 2500, "cube and table agree")
        XCTAssertEqual(try store.outboxEntries(limit: 5000).count, notCustomers, "one entry per changed lead")
        XCTAssertTrue(list.marked.isEmpty)
    }

    func testMarkAllUnderAFilterDeletesExactlyTheFilteredLeadsAndTheQuestionSaysHowMany() throws {
        try seed(1500)
        var list = makeList(height: 10)
        list.filterSource(.website)
        let website = try store.countLeads(filter: LeadFilter(sources: [.website]))
        XCTAssertGreaterThan(website, 20)
        list.markAll()
        list.cursorDown()
        list.toggleMark()  // one toggled off
        let kept = try XCTUnwrap(list.selectedId)
        XCTAssertEqual(list.marked.count, website - 1)
        list.delete()
        XCTAssertEqual(list.pendingConfirmation?.prompt, "Delete \(website - 1) marked leads? (y/n)")
        list.confirm()
        XCTAssertEqual(list.message?.text, "Deleted \(website - 1) leads")
        XCTAssertEqual(try store.countLeads(filter: LeadFilter(sources: [.website])), 1)
        XCTAssertEqual(try store.countLeads(), 1500 - (website - 1), "other sources untouched")
        XCTAssertEqual(list.rows.map(\.id), [kept])
        XCTAssertEqual(try store.outboxEntries(limit: 5000).filter { $0.op == .delete }.count, website - 1)
    }

    func testAFilterChangeClearsMarksAndSaysSoSoNoHiddenLeadIsDeleted() throws {
        try seed(40)
        var list = makeList(height: 10)
        list.toggleMark(); list.cursorDown(); list.toggleMark()
        XCTAssertEqual(list.marked.count, 2)
        list.setFilter(LeadFilter(search: "nosuchleadanywhere"))
        XCTAssertEqual(list.positionText, "0 of 0")
        XCTAssertTrue(list.marked.isEmpty)
        XCTAssertEqual(list.message?.text, "Filter changed: 2 marks cleared")
        list.delete()
        XCTAssertNil(list.pendingConfirmation, "never 'Delete 2 leads?' on an empty list")
        XCTAssertEqual(list.message?.text, "No lead selected")
        XCTAssertEqual(try store.countLeads(), 40)
    }

    func testACancelledSearchKeepsTheMarksAndACommittedOneClearsThem() throws {
        try seed(40)
        var list = makeList(height: 10)
        list.toggleMark(); list.cursorDown(); list.toggleMark()
        let ids = list.marked.selection.ids
        list.beginSearch()
        list.updateSearch("a")
        XCTAssertTrue(list.marked.isEmpty, "no marks stand for leads the search hides")
        list.cancelSearch()
        XCTAssertEqual(list.marked.selection.ids, ids)
        XCTAssertEqual(list.marked.count, 2)
        list.beginSearch()
        list.updateSearch("a")
        list.commitSearch()
        XCTAssertTrue(list.marked.isEmpty)
        XCTAssertEqual(list.message?.text, "Filter changed: 2 marks cleared")
        list.toggleMark()
        list.search("nosuchleadanywhere")
        XCTAssertEqual(list.message?.text, "No leads match 'nosuchleadanywhere' · 1 mark cleared")
    }

    func testAMarkedLeadThatLeavesTheFilterIsNeitherCountedNorDeleted() throws {
        try seed(60)
        var list = makeList(height: 10, filter: LeadFilter(statuses: [.prospect]))
        list.toggleMark(); list.cursorDown(); list.toggleMark(); list.cursorDown(); list.toggleMark()
        let marked = Array(list.marked.selection.ids)
        // Another connection (the sync worker) moves one of them out of the filter.
        let worker = try LeadStore(path: path)
        let moved = try XCTUnwrap(marked.sorted().first)
        try worker.setStatus(.customer, forLead: moved)
        list.reload()
        XCTAssertEqual(list.marked.count, 2)
        list.delete()
        XCTAssertEqual(list.pendingConfirmation?.prompt, "Delete 2 marked leads? (y/n)")
        list.confirm()
        XCTAssertFalse(try store.isLeadDeleted(id: moved), "a lead the list no longer shows is left alone")
        XCTAssertEqual(try store.outboxEntries().filter { $0.op == .delete }.count, 2)
    }

    func testMarkAllOnAnEmptyListMarksNothing() throws {
        try seed(10)
        var list = makeList(height: 5, filter: LeadFilter(search: "nosuchleadanywhere"))
        list.markAll()
        XCTAssertTrue(list.marked.isEmpty)
        XCTAssertEqual(list.message?.text, "No leads to mark")
    }
}
