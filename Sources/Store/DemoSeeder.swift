import Core
import Foundation

/// Writes demo data from Core's `DemoDataGenerator` fast: big transactions, prepared statements,
/// triggers and list indexes dropped during the load and rebuilt once after it. The search rows
/// and the dashboard aggregates are written with the leads (seed speed, issue 11): the index text
/// is computed on the producer thread (`SearchTextFunction.indexValue`, what the view computes),
/// the aggregates are counted in Swift (`SeedDashboardTally`).
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
        /// Seconds spent writing rows, and building FTS, counts and indexes afterwards.
        public var loadSeconds = 0.0
        public var indexSeconds = 0.0
        /// The search rows' share of `loadSeconds`, and the dashboard aggregates' write (part of `indexSeconds`).
        public var searchSeconds = 0.0
        public var aggregateSeconds = 0.0
        /// CPU seconds of the writing thread while writing rows and while indexing (steadier than
        /// the wall clock on a shared machine; the generator runs on another thread).
        public var loadCPUSeconds = 0.0
        public var indexCPUSeconds = 0.0
    }

    /// CPU seconds the calling thread has used.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
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
        // size: the record tables' indexes are built once after the load too (packed pages, and
        // faster inserts); whatever indexes the file has are re-created as they were.
        let recordIndexes = try db.prepare("""
            SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL
                AND tbl_name IN ('notes', 'activities', 'appointments')
            """).rows { ($0.text(0), $0.text(1)) }
        try db.transaction {
            try Schema.dropTriggersAndIndexes(db)
            for (name, _) in recordIndexes { try db.execute("DROP INDEX IF EXISTS \"\(name)\"") }
            for user in generator.users {
                try db.run("INSERT OR IGNORE INTO users (username, display_name) VALUES (?, ?)",
                           [.text(user.username), .text(user.displayName)])
                summary.users += 1
            }
        }
        db.clearStatementCache()
        let writer = try SeedWriter(db: db)
        // FTS5 writes a segment each time its pending terms pass `hashsize` (1 MB by default):
        // 64 MB while seeding makes fewer, bigger segments to merge (≈12% less FTS CPU, 1.5 MB smaller).
        try db.execute("INSERT INTO lead_fts(lead_fts, rank) VALUES ('hashsize', \(64 << 20))")
        defer { try? db.execute("INSERT INTO lead_fts(lead_fts, rank) VALUES ('hashsize', \(1 << 20))") }
        let producer = SeedProducer(generator: generator)
        let loadStart = Date()
        let loadCPU = DemoSeeder.threadCPUSeconds()
        try db.execute("PRAGMA synchronous = OFF")
        try db.execute("PRAGMA threads = 2")  // parallel sorting for CREATE INDEX
        defer { try? db.execute("PRAGMA synchronous = NORMAL") }
        var index = 0
        var chunk = producer.make(0..<min(count, batchSize))
        while index < count {
            let end = min(count, index + batchSize)
            let nextRange = end..<min(count, end + batchSize)
            let box = SeedChunkBox()
            let group = DispatchGroup()
            if !nextRange.isEmpty {
                DispatchQueue.global().async(group: group) { box.items = producer.make(nextRange) }
            }
            let current = chunk
            try db.transaction {
                for (offset, item) in current.enumerated() {
                    try writer.write(item, leadId: firstId + Int64(index + offset), summary: &summary)
                }
            }
            group.wait()
            chunk = box.items
            index = end
            progress?(index)
        }
        summary.loadSeconds = Date().timeIntervalSince(loadStart)
        summary.loadCPUSeconds = DemoSeeder.threadCPUSeconds() - loadCPU
        summary.searchSeconds = writer.searchSeconds
        let indexStart = Date()
        let indexCPU = DemoSeeder.threadCPUSeconds()
        try db.transaction {
            for (_, sql) in recordIndexes { try db.execute(sql) }
            // dashboard: the touches of the new leads were written with them (SeedWriter), so no
            // second pass rewrites (and splits) every row; their counts and aggregates were tallied too.
            let aggregateStart = Date()
            try writer.tally.write(to: db)
            summary.aggregateSeconds = Date().timeIntervalSince(aggregateStart)
            try Schema.createTriggersAndIndexes(db)
        }
        try db.execute("PRAGMA analysis_limit = 1000; ANALYZE")
        try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  // fold the load into the main file, empty the WAL
        db.clearStatementCache()
        summary.indexSeconds = Date().timeIntervalSince(indexStart)
        summary.indexCPUSeconds = DemoSeeder.threadCPUSeconds() - indexCPU
        return summary
    }
}

/// One generated lead with its records, ready to insert.
struct SeedItem {
    let lead: Lead
    let sortName: String
    let notes: [Note]
    let activities: [Activity]
    let appointments: [Appointment]
    /// The lead's search row as `lead_fts_source` computes it: name, e-mail, phone, company, notes.
    let search: [String]
}

/// Generates seed items off the writing thread (one chunk ahead), memoising folded names.
final class SeedProducer: @unchecked Sendable {
    let generator: DemoDataGenerator
    private var folded: [String: String] = [:]

    init(generator: DemoDataGenerator) { self.generator = generator }

    /// Items `range` (0-based generator indexes).
    func make(_ range: Range<Int>) -> [SeedItem] {
        range.map { i in
            let lead = generator.lead(i)
            let name = lead.displayName
            let sortName: String
            if let known = folded[name] { sortName = known } else {
                sortName = SortKey.fold(name)
                if folded.count < 200_000 { folded[name] = sortName }
            }
            let notes = generator.notes(forLead: i, leadId: 0)
            // The view's expressions (Schema.fts): the notes joined by spaces (their order does not
            // change the terms), the phone as is.
            let search = [SearchTextFunction.indexValue(lead.firstName + " " + lead.lastName),
                          SearchTextFunction.indexValue(lead.email), lead.phone,
                          SearchTextFunction.indexValue(lead.company),
                          SearchTextFunction.indexValue(notes.map(\.text).joined(separator: " "))]
            return SeedItem(lead: lead, sortName: sortName, notes: notes,
                            activities: generator.activities(forLead: i, leadId: 0),
                            appointments: generator.appointments(forLead: i, leadId: 0), search: search)
        }
    }
}

/// Holds a chunk produced on another thread.
final class SeedChunkBox: @unchecked Sendable {
    var items: [SeedItem] = []
}

/// The prepared inserts of one seeding run.
final class SeedWriter {
    let lead: Statement
    let note: Statement
    let activity: Statement
    let appointment: Statement
    let searchRow: Statement
    /// The dashboard aggregates of the leads written so far.
    var tally = SeedDashboardTally()
    /// Seconds spent inserting search rows.
    private(set) var searchSeconds = 0.0

    init(db: Database) throws {
        lead = try db.prepare("""
            INSERT INTO leads (id, first_name, last_name, email, phone, company, job_title, location, message, source,
                status, owner, label, metadata, created, updated, sort_name, last_activity, first_touch_at, last_touch_at)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,'',?,?,?,?,?,?)
            """)
        note = try db.prepare("INSERT INTO notes (lead_id, text, author, created) VALUES (?, ?, ?, ?)")
        activity = try db.prepare("INSERT INTO activities (lead_id, type, text, created) VALUES (?, ?, ?, ?)")
        appointment = try db.prepare("INSERT INTO appointments (lead_id, start, end, note, status, owner, lead_name) VALUES (?, ?, ?, ?, ?, ?, ?)")
        searchRow = try db.prepare("INSERT INTO lead_fts(rowid, name, email, phone, company, notes) VALUES (?, ?, ?, ?, ?, ?)")
    }

    func write(_ item: SeedItem, leadId: Int64, summary: inout DemoSeeder.Summary) throws {
        let l = item.lead
        var last: Int64 = 0
        for n in item.notes { last = max(last, LeadColumns.seconds(n.createdAt)) }
        for a in item.activities { last = max(last, LeadColumns.seconds(a.createdAt)) }
        // dashboard: every note is a touch, an activity when `Schema.isTouch` says so (`Schema.touchSources`;
        // the seeder writes no messages or conversation events).
        let touches = item.notes.map { LeadColumns.seconds($0.createdAt) }
            + item.activities.filter { Schema.isTouch(activityType: $0.type) }.map { LeadColumns.seconds($0.createdAt) }
        try lead.bind(leadId, at: 1)
        try lead.bind(l.firstName, at: 2)
        try lead.bind(l.lastName, at: 3)
        try lead.bind(l.email, at: 4)
        try lead.bind(l.phone, at: 5)
        try lead.bind(l.company, at: 6)
        try lead.bind(l.jobTitle, at: 7)
        try lead.bind(l.location, at: 8)
        try lead.bind(l.message, at: 9)
        if let source = l.source { try lead.bind(LeadColumns.code(of: source), at: 10) } else { try lead.bindNull(at: 10) }
        try lead.bind(LeadColumns.code(of: l.status), at: 11)
        try lead.bind(l.owner, at: 12)
        try lead.bind(l.label, at: 13)
        try lead.bind(LeadColumns.seconds(l.createdAt), at: 14)
        try lead.bind(LeadColumns.seconds(l.updatedAt), at: 15)
        try lead.bind(item.sortName, at: 16)
        if last > 0 { try lead.bind(last, at: 17) } else { try lead.bindNull(at: 17) }
        if let first = touches.min(), let latest = touches.max() {
            try lead.bind(first, at: 18)
            try lead.bind(latest, at: 19)
        } else {
            try lead.bindNull(at: 18)
            try lead.bindNull(at: 19)
        }
        try lead.run()
        summary.leads += 1
        let source = l.source.map { LeadColumns.code(of: $0) } ?? -1
        tally.add(created: LeadColumns.seconds(l.createdAt), owner: l.owner, source: source,
                  status: LeadColumns.code(of: l.status), firstTouch: touches.min(), lastTouch: touches.max())
        let searchStart = DispatchTime.now().uptimeNanoseconds
        try searchRow.bind(leadId, at: 1)
        for (offset, text) in item.search.enumerated() { try searchRow.bind(text, at: Int32(offset + 2)) }
        try searchRow.run()
        searchSeconds += Double(DispatchTime.now().uptimeNanoseconds - searchStart) / 1e9
        for n in item.notes {
            try note.bind(leadId, at: 1)
            try note.bind(n.text, at: 2)
            try note.bind(n.author, at: 3)
            try note.bind(LeadColumns.seconds(n.createdAt), at: 4)
            try note.run()
        }
        summary.notes += item.notes.count
        for a in item.activities {
            try activity.bind(leadId, at: 1)
            let stored = ActivityCoding.stored(type: a.type, text: a.text)  // size 3: a code, '' for the usual text
            try activity.bind(stored.type, at: 2)
            try activity.bind(stored.text, at: 3)
            try activity.bind(LeadColumns.seconds(a.createdAt), at: 4)
            try activity.run()
        }
        summary.activities += item.activities.count
        for a in item.appointments {
            try appointment.bind(leadId, at: 1)
            try appointment.bind(LeadColumns.seconds(a.start), at: 2)
            try appointment.bind(LeadColumns.seconds(a.end), at: 3)
            try appointment.bind(a.note, at: 4)
            try appointment.bind(a.status.rawValue, at: 5)
            try appointment.bind(l.owner, at: 6)  // the owner trigger is off during the bulk load
            try appointment.bind(l.displayName, at: 7)  // so is the lead name's (calendar-lead-name)
            try appointment.run()
            tally.addAppointment(start: LeadColumns.seconds(a.start), status: a.status, owner: l.owner, source: source)
        }
        summary.appointments += item.appointments.count
    }
}
