import Core
import Store
import XCTest
@testable import ViewModels

/// Search counts say exact numbers when they are exact; a search with nothing indexable is "0 of 0".
final class SearchCountTests: ViewModelsTestCase {
    func testExactlyTheCapShowsAnExactCountAndOneMoreShowsPlus() throws {
        let cap = LeadStore.searchCap
        try store.importLeads((0..<cap).map { makeLead("Zed\($0)", "Exact", email: "z\($0)@exact.example") })
        var list = makeList()
        list.updateSearch("exact")
        list.resolvePosition()
        XCTAssertEqual(list.totalText, "\(cap)")
        XCTAssertEqual(list.positionText, "1 of \(cap)")

        try store.importLeads([makeLead("One", "Exact", email: "one@exact.example")])
        var again = makeList()
        again.updateSearch("exact")
        again.resolvePosition()
        XCTAssertEqual(again.totalText, "\(cap)+")
    }

    func testPunctuationOrEmojiOnlySearchListsNothing() throws {
        try store.importLeads([makeLead("Ann", "Lee"), makeLead("Bob", "Ray")])
        for query in ["\"", "*", "(", "🌱"] {
            var list = makeList()
            list.updateSearch(query)
            list.resolvePosition()
            XCTAssertEqual(list.rows.count, 0, query)
            XCTAssertEqual(list.positionText, "0 of 0", query)
        }
    }
}
