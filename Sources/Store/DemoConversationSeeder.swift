import Core
import Foundation

/// Seeds demo conversations (`DemoDataGenerator.conversation`) for the first leads of a freshly
/// seeded database (lead id = index + 1), so the conversation pane has data without a remote.
public struct DemoConversationSeeder {
    public let store: LeadStore
    public let generator: DemoDataGenerator

    /// A seeder writing `generator`'s conversations into `store`.
    public init(store: LeadStore, generator: DemoDataGenerator) {
        self.store = store
        self.generator = generator
    }

    /// Seeds conversations for leads 1...`leads`; about half of those stay unread. Returns the event count.
    @discardableResult
    public func seed(firstLeads leads: Int) throws -> Int {
        try store.transaction {
            var total = 0
            let last = min(Int64(leads), try store.maxLeadId())
            guard last >= 1 else { return 0 }
            for id in 1...last {
                let events = generator.conversation(forLead: Int(id - 1), leadId: id)
                guard !events.isEmpty else { continue }
                total += try store.applyRemoteEvents(events)
                if id % 2 == 0 { try store.markConversationRead(leadId: id) }
            }
            return total
        }
    }
}

extension LeadStore {
    /// The largest lead id (0 when empty).
    func maxLeadId() throws -> Int64 { try locked { try db.scalarInt("SELECT coalesce(max(id), 0) FROM leads") ?? 0 } }
}
