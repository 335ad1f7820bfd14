import Core
import Foundation
import Store
import XCTest
@testable import ViewModels

/// Unread conversations in the lead list: the mark on the row, `:filter unread` / filter-unread,
/// the status bar's count, and opening the conversation clearing all three.
final class UnreadConversationListTests: ViewModelsTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try seed(30)
    }

    private func writeTo(_ leadId: Int64, _ id: String) throws {
        try store.applyRemoteEvents([ConversationEvent(leadId: leadId, provider: "zenvia", remoteId: id, via: "whatsApp",
                                                       direction: .inbound, text: "hola", createdAt: fixedNow)])
    }

    func testUnreadLeadsAreMarkedFilteredAndCountedUntilOpened() throws {
        var list = makeList(height: 10)
        let rows = list.displayRows
        let first = rows[0].id, third = rows[2].id
        try writeTo(first, "m1")
        try writeTo(third, "m2")
        XCTAssertEqual(list.displayRows.filter(\.hasUnread).map(\.id), [first, third])

        list.filter(terms: ["unread"])  // `:filter unread` runs the filter action with its words
        XCTAssertTrue(list.filter.unreadOnly)
        XCTAssertEqual(Set(list.displayRows.map(\.id)), [first, third])
        XCTAssertTrue(list.filterSummary.contains("unread"))

        var bar = StatusBarModel()
        try bar.refreshCounts(from: store)
        XCTAssertEqual(bar.unreadConversations, 2)
        XCTAssertEqual(bar.countsText, "2 unread")

        _ = ConversationViewModel(store: store, leadId: first, now: { [fixedNow] in fixedNow })
        try bar.refreshCounts(from: store)
        XCTAssertEqual(bar.countsText, "1 unread")
        list.filterUnread()
        XCTAssertFalse(list.filter.unreadOnly, "filter-unread toggles")
        XCTAssertEqual(list.displayRows.filter(\.hasUnread).map(\.id), [third])
    }
}
