import Core

/// The dashboard aggregates and `lead_cube` counts of the leads a seeding run writes, counted in
/// Swift as the rows go by (seed speed, issue 11): the SQL fill (`Schema.fillDashboardStatements`,
/// `Schema.rebuildCube`) read and sorted a million leads five times (≈9 s of CPU). The rules are
/// the SQL ones, restated here next to each other: the cube's (status, source or -1, owner),
/// UTC days and hours by floor division, a touched lead's delay `max(0, first touch − created)`
/// and its hour bucket (its second within the hour as `Schema.delayCharacter`), "open" = status not in `Schema.closedStatusCodes`, appointments not
/// cancelled. Seeded leads are live (not deleted). `DemoSeederTests` checks the result against
/// `Schema.rebuildDashboardAggregates`.
struct SeedDashboardTally {
    private struct Created {
        var leads: Int64 = 0
        var untouched: Int64 = 0
        mutating func add(untouched isUntouched: Bool) {
            leads += 1
            if isUntouched { untouched += 1 }
        }
    }
    private struct DayOwnerSource: Hashable { let day: Int64; let owner: String; let source: Int64 }
    private struct HourOwner: Hashable { let hour: Int64; let owner: String }
    private struct DayOwnerBucket: Hashable { let day: Int64; let owner: String; let bucket: Int64 }
    private struct OwnerValue: Hashable { let owner: String; let value: Int64 }
    private struct OwnerBucketDay: Hashable { let owner: String; let bucket: Int64; let day: Int64 }

    private var created: [DayOwnerSource: Created] = [:]
    private var idle: [HourOwner: Int64] = [:]
    private var speed: [DayOwnerBucket: Int64] = [:]
    private var all: [OwnerValue: Int64] = [:]  // `value` holds the bucket
    private var delays: [OwnerBucketDay: String.UnicodeScalarView] = [:]  // `Schema.delayCharacter` of each
    private var appointments: [DayOwnerSource: Int64] = [:]  // `day` holds the start hour
    private var cube: [DayOwnerSource: Int64] = [:]  // `day` holds the status code

    /// Counts one live lead (times in Unix seconds; `source` -1 when none).
    mutating func add(created at: Int64, owner: String, source: Int64, status: Int64,
                      firstTouch: Int64?, lastTouch: Int64?) {
        cube[DayOwnerSource(day: status, owner: owner, source: source), default: 0] += 1
        created[DayOwnerSource(day: DaySplit.floorDiv(at, 86_400), owner: owner, source: source), default: Created()]
            .add(untouched: firstTouch == nil)
        if !Schema.closedStatusCodes.contains(status) {
            idle[HourOwner(hour: DaySplit.floorDiv(lastTouch ?? at, 3600), owner: owner), default: 0] += 1
        }
        if let firstTouch {
            let delay = max(0, firstTouch - at)
            speed[DayOwnerBucket(day: DaySplit.floorDiv(at, 86_400), owner: owner, bucket: delay / 3600), default: 0] += 1
            all[OwnerValue(owner: owner, value: delay / 3600), default: 0] += 1
            delays[OwnerBucketDay(owner: owner, bucket: delay / 3600, day: DaySplit.floorDiv(at, 86_400)), default: String.UnicodeScalarView()]
                .append(Unicode.Scalar(UInt32(delay % 3600 + 1))!)
        }
    }

    /// Counts one appointment of a live lead.
    mutating func addAppointment(start: Int64, status: AppointmentStatus, owner: String, source: Int64) {
        guard status != .cancelled else { return }
        appointments[DayOwnerSource(day: DaySplit.floorDiv(start, 3600), owner: owner, source: source), default: 0] += 1
    }

    /// Adds the counts to `lead_cube` and the aggregate tables (which may already count other
    /// leads) and bumps the aggregates' versions (not on a file without them). Each table's rows
    /// go in its primary key's order: appends instead of random b-tree inserts.
    func write(to db: Database) throws {
        try Self.add(db, table: "lead_cube", keys: ["status", "source", "owner"], counts: ["count"],
                     cube.map { [.integer($0.key.day), .integer($0.key.source), .text($0.key.owner), .integer($0.value)] })
        guard try Schema.hasDashboardAggregates(db) else { return }
        try Self.add(db, table: "dash_created", keys: ["day", "owner", "source"], counts: ["leads", "untouched"],
                     created.map { [.integer($0.key.day), .text($0.key.owner), .integer($0.key.source),
                                    .integer($0.value.leads), .integer($0.value.untouched)] })
        try Self.add(db, table: "dash_idle", keys: ["hour", "owner"], counts: ["count"],
                     idle.map { [.integer($0.key.hour), .text($0.key.owner), .integer($0.value)] })
        try Self.add(db, table: "dash_speed", keys: ["day", "owner", "bucket"], counts: ["count"],
                     speed.map { [.integer($0.key.day), .text($0.key.owner), .integer($0.key.bucket), .integer($0.value)] })
        try Self.add(db, table: "dash_speed_all", keys: ["owner", "bucket"], counts: ["count"],
                     all.map { [.text($0.key.owner), .integer($0.key.value), .integer($0.value)] })
        try Self.add(db, table: "dash_speed_delays", keys: ["owner", "bucket", "day"], counts: [], texts: ["delays"],
                     delays.map { [.text($0.key.owner), .integer($0.key.bucket), .integer($0.key.day), .text(String($0.value))] })
        try Self.add(db, table: "dash_appointments", keys: ["hour", "owner", "source"], counts: ["count"],
                     appointments.map { [.integer($0.key.day), .text($0.key.owner), .integer($0.key.source), .integer($0.value)] })
        try db.execute("UPDATE dash_state SET speed_version = speed_version + 1, appointments_version = appointments_version + 1")
    }

    /// Adds `rows` (the key columns' values, then the counts', then the texts') to `table`'s counts
    /// (texts: appended), in key order.
    private static func add(_ db: Database, table: String, keys: [String], counts: [String], texts: [String] = [],
                            _ rows: [[SQLValue]]) throws {
        let columns = keys + counts + texts
        let updates = counts.map { "\($0) = \($0) + excluded.\($0)" } + texts.map { "\($0) = \($0) || excluded.\($0)" }
        let statement = try db.prepare("""
            INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))
            ON CONFLICT (\(keys.joined(separator: ", "))) DO UPDATE SET \(updates.joined(separator: ", "))
            """)
        for row in rows.sorted(by: { precedes($0.prefix(keys.count), $1.prefix(keys.count)) }) {
            try statement.bind(row).run()
        }
    }

    /// Key order: integers by value, texts as Swift orders them (the order only makes the inserts
    /// appends; the counts do not depend on it).
    private static func precedes(_ a: ArraySlice<SQLValue>, _ b: ArraySlice<SQLValue>) -> Bool {
        for (x, y) in zip(a, b) where x != y {
            switch (x, y) {
            case let (.integer(l), .integer(r)): return l < r
            case let (.text(l), .text(r)): return l < r
            default: return false
            }
        }
        return false
    }
}
