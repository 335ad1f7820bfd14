import Core
import Foundation

/// Writes demo data from Core's `DemoDataGenerator` fast: big transactions, prepared statements,
/// triggers and list indexes dropped during the load and rebuilt once after it (FTS included).
///
/// Seeded leads are demo data with no remote twin: they are NOT put in the outbox.
public struct DemoSeeder {
    public let store: LeadStore
    public let generator: DemoDataGenerator
    /// Rows per transaction.
    public var batchSize = 50_000

    /// A seeder writing `generator`'s data into `store`.
    public init(store: LeadStore, generator: DemoDataGenerator) {
        self.store = store
        self.generator = generator
    }

    /// What a seeding run wrote.
    public struct Summary: Sendable, Equatable {
        public var leads = 0
        public var notes = 0
        public var activities = 0
        public var appointments = 0
        public var users = 0
    }

    /// Writes users and `count` leads with their notes, activities and appointments.
    /// `progress` is called after each batch with the number of leads written so far.
    @discardableResult
    public func seed(leads count: Int, progress: ((Int) -> Void)? = nil) throws -> Summary {
        try store.locked {
            try store.seedLocked(generator: generator, count: max(0, count), batchSize: max(1, batchSize), progress: progress)
        }
    }
}

extension LeadStore {
    func seedLocked(generator: DemoDataGenerator, count: Int, batchSize: Int,
                    progress: ((Int) -> Void)?) throws -> DemoSeeder.Summary {
        var summary = DemoSeeder.Summary()
        let firstId = (try db.scalarInt("SELECT coalesce(max(id), 0) FROM leads") ?? 0) + 1
        try db.transaction {
            for trigger in Schema.triggers { try db.execute("DROP TRIGGER IF EXISTS \(trigger.name)") }
            for index in Schema.leadIndexNames { try db.execute("DROP INDEX IF EXISTS \(index)") }
            for user in generator.users {
                try db.run("INSERT OR IGNORE INTO users (username, display_name) VALUES (?, ?)",
                           [.text(user.username), .text(user.displayName)])
                summary.users += 1
            }
        }
        db.clearStatementCache()
        let writer = try SeedWriter(db: db)
        var index = 0
        while index < count {
            let end = min(count, index + batchSize)
            try db.transaction {
                for i in index..<end {
                    try writer.write(generator: generator, index: i, leadId: firstId + Int64(i), summary: &summary)
                }
            }
            index = end
            progress?(index)
        }
        try db.transaction {
            try db.run("""
                INSERT INTO lead_fts(rowid, name, email, phone, company, notes)
                SELECT l.id, l.first_name || ' ' || l.last_name, l.email, l.phone, l.company,
                    coalesce((SELECT group_concat(text, ' ') FROM notes n WHERE n.lead_id = l.id), '')
                FROM leads l WHERE l.id >= ?
                """, [.integer(firstId)])
            try db.execute("""
                DELETE FROM lead_counts WHERE dimension = 'status';
                INSERT INTO lead_counts(dimension, value, count)
                    SELECT 'status', status, count(*) FROM leads WHERE deleted = 0 GROUP BY status;
                """)
            for indexSQL in Schema.leadIndexes { try db.execute(indexSQL) }
            for trigger in Schema.triggers { try db.execute(trigger.sql) }
        }
        try db.execute("ANALYZE")
        db.clearStatementCache()
        return summary
    }
}

/// The prepared inserts of one seeding run, and the name-folding memo.
final class SeedWriter {
    let lead: Statement
    let note: Statement
    let activity: Statement
    let appointment: Statement
    private var folded: [String: String] = [:]

    init(db: Database) throws {
        lead = try db.prepare("""
            INSERT INTO leads (id, first_name, last_name, email, phone, company, job_title, location, message, source,
                status, owner, label, metadata, created, updated, sort_name, last_activity)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,'',?,?,?,?)
            """)
        note = try db.prepare("INSERT INTO notes (lead_id, text, author, created) VALUES (?, ?, ?, ?)")
        activity = try db.prepare("INSERT INTO activities (lead_id, type, text, created) VALUES (?, ?, ?, ?)")
        appointment = try db.prepare("INSERT INTO appointments (lead_id, start, end, note, status) VALUES (?, ?, ?, ?, ?)")
    }

    func write(generator: DemoDataGenerator, index: Int, leadId: Int64, summary: inout DemoSeeder.Summary) throws {
        let l = generator.lead(index)
        let notes = generator.notes(forLead: index, leadId: leadId)
        let activities = generator.activities(forLead: index, leadId: leadId)
        var last: Int64 = 0
        for n in notes { last = max(last, LeadColumns.seconds(n.createdAt)) }
        for a in activities { last = max(last, LeadColumns.seconds(a.createdAt)) }
        let name = l.displayName
        let sortName: String
        if let known = folded[name] { sortName = known } else {
            sortName = SortKey.fold(name)
            if folded.count < 200_000 { folded[name] = sortName }
        }
        lead.reset()
        try lead.bind([
            .integer(leadId), .text(l.firstName), .text(l.lastName), .text(l.email), .text(l.phone), .text(l.company),
            .text(l.jobTitle), .text(l.location), .text(l.message),
            l.source.map { .integer(LeadColumns.code(of: $0)) } ?? .null, .integer(LeadColumns.code(of: l.status)),
            .text(l.owner), .text(l.label), .integer(LeadColumns.seconds(l.createdAt)),
            .integer(LeadColumns.seconds(l.updatedAt)), .text(sortName), last > 0 ? .integer(last) : .null,
        ])
        try lead.run()
        summary.leads += 1
        for n in notes {
            note.reset()
            try note.bind([.integer(leadId), .text(n.text), .text(n.author), .integer(LeadColumns.seconds(n.createdAt))])
            try note.run()
        }
        summary.notes += notes.count
        for a in activities {
            activity.reset()
            try activity.bind([.integer(leadId), .text(a.type), .text(a.text), .integer(LeadColumns.seconds(a.createdAt))])
            try activity.run()
        }
        summary.activities += activities.count
        for a in generator.appointments(forLead: index, leadId: leadId) {
            appointment.reset()
            try appointment.bind([.integer(leadId), .integer(LeadColumns.seconds(a.start)), .integer(LeadColumns.seconds(a.end)),
                                  .text(a.note), .text(a.status.rawValue)])
            try appointment.run()
            summary.appointments += 1
        }
    }
}
