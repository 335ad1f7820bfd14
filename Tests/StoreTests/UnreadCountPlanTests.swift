import Core
import Foundation
import XCTest
@testable import Store

/// The status bar's unread-conversation count runs before the first frame and after every sync:
/// it must walk the few unread rows, never every lead (at 1,000,000 leads that scan took ~170 ms).
final class UnreadCountPlanTests: StoreTestCase {
    func testTheUnreadCountWalksTheUnreadRowsNotTheLeads() throws {
        var ids: [Int64] = []
        try store.transaction {
            for index in 0..<300 { ids.append(try store.createLead(makeLead("Lead", "Number \(index)")).id) }
        }
        let events = [ids[7], ids[8]].map { lead in
            ConversationEvent(leadId: lead, provider: "zenvia", remoteId: "r\(lead)", kind: .message, via: "whatsApp",
                              direction: .inbound, text: "hola", delivered: true, createdAt: Date(timeIntervalSince1970: 10))
        }
        XCTAssertEqual(try store.applyRemoteEvents(events), 2)
        try store.deleteLead(id: ids[8])  // a deleted lead's unread messages do not count
        // Statistics like a real file's: many leads, the unread table unanalysed (the planner then
        // guesses it is the bigger one and, with a plain JOIN, scans the leads to probe it).
        try store.db.execute("ANALYZE leads")

        let plan = try store.db.prepare("EXPLAIN QUERY PLAN " + LeadStore.unreadConversationCountSQL).rows { $0.text(3) }
        XCTAssertEqual(plan.first, "SCAN u", "the unread rows are the outer loop:\n\(plan.joined(separator: "\n"))")
        XCTAssertFalse(plan.contains { $0.hasPrefix("SCAN l") }, "never a scan of every lead:\n\(plan.joined(separator: "\n"))")
        XCTAssertEqual(try store.unreadConversationCount(), 1)
    }
}
