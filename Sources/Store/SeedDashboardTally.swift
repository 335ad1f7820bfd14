import Core

/// The dashboard aggregates and `lead_cube` counts of the leads a seeding run writes, counted in
/// Swift as the rows go by (seed speed, issue 11): the SQL fill (`Schema.fillDashboardStatements`,
/// `Schema.rebuildCube`) read and sorted a million leads five times (≈9 s of CPU). The rules are
/// the SQL ones, restated here next to each other: the cube's (status, source or -1, owner),
/// UTC days and hours by floor division, a touched lead's delay `max(0, first touch − created)`
/// and its hour bucket, "open" = status not in `Schema.closedStatusCodes`, appointments not
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

    private var created: [DayOwnerSource: Created] = [:]
    private var idle: [HourOwner: Int64] = [:]
    private var speed: [DayOwnerBucket: Int64] = [:]
    private var delays: [OwnerValue: Int64] = [:]
    private var appointments: [DayOwnerSource: Int64] = [:]  // `day` holds the start hour
    private var cube: [DayOwnerSource: Int64] = [:]  // `day` holds the status code

    /// `floor(x / n)`, as `Schema.floorDiv` computes it in SQL.
    static func floorDiv(_ x: Int64, _ n: Int64) -> Int64 { (x - ((x % n) + n) % n) / n }

    /// Counts one live lead (times in Unix seconds; `source` -1 when none).
    mutating func add(created at: Int64, owner: String, source: Int64, status: Int64,
                      firstTouch: Int64?, lastTouch: Int64?) {
        cube[DayOwnerSource(day: status, owner: owner, source: source), default: 0] += 1
        created[DayOwnerSource(day: Self.floorDiv(at, 86_400), owner: owner, source: source), default: Created()]
            .add(untouched: firstTouch == nil)
        if !Schema.closedStatusCodes.contains(status) {
            idle[HourOwner(hour: Self.floorDiv(lastTouch ?? at, 3600), owner: owner), default: 0] += 1
        }
        if let firstTouch {
            let delay = max(0, firstTouch - at)
            speed[DayOwnerBucket(day: Self.floorDiv(at, 86_400), owner: owner, bucket: delay / 3600), default: 0] += 1
            delays[OwnerValue(owner: owner, value: delay), default: 0] += 1
        }
    }

    /// Counts one appointment of a live lead.
    mutating func addAppointment(start: Int64, status: AppointmentStatus, owner: String, source: Int64) {
        guard status != .cancelled else { return }
        appointments[DayOwnerSource(day: Self.floorDiv(start, 3600), owner: owner, source: source), default: 0] += 1
    }

    /// Adds the counts to `lead_cube` and the aggregate tables (which may already count other
    /// leads) and bumps the aggregates' versions (not on a file without them).
    func write(to db: Database) throws {
        let cubeRow = try db.prepare("""
            INSERT INTO lead_cube (status, source, owner, count) VALUES (?, ?, ?, ?)
            ON CONFLICT (status, source, owner) DO UPDATE SET count = count + excluded.count
            """)
        for (key, count) in cube.sorted(by: { ($0.key.day, $0.key.source, $0.key.owner) < ($1.key.day, $1.key.source, $1.key.owner) }) {
            try cubeRow.bind([.integer(key.day), .integer(key.source), .text(key.owner), .integer(count)])
            try cubeRow.run()
        }
        guard try Schema.hasDashboardAggregates(db) else { return }
        let createdRow = try db.prepare("""
            INSERT INTO dash_created (day, owner, source, leads, untouched) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (day, owner, source) DO UPDATE SET leads = leads + excluded.leads, untouched = untouched + excluded.untouched
            """)
        // Each table in its primary key's order: appends instead of random b-tree inserts.
        for (key, value) in created.sorted(by: { ($0.key.day, $0.key.owner, $0.key.source) < ($1.key.day, $1.key.owner, $1.key.source) }) {
            try createdRow.bind([.integer(key.day), .text(key.owner), .integer(key.source), .integer(value.leads), .integer(value.untouched)])
            try createdRow.run()
        }
        let idleRow = try db.prepare("""
            INSERT INTO dash_idle (hour, owner, count) VALUES (?, ?, ?)
            ON CONFLICT (hour, owner) DO UPDATE SET count = count + excluded.count
            """)
        for (key, count) in idle.sorted(by: { ($0.key.hour, $0.key.owner) < ($1.key.hour, $1.key.owner) }) {
            try idleRow.bind([.integer(key.hour), .text(key.owner), .integer(count)])
            try idleRow.run()
        }
        let speedRow = try db.prepare("""
            INSERT INTO dash_speed (day, owner, bucket, count) VALUES (?, ?, ?, ?)
            ON CONFLICT (day, owner, bucket) DO UPDATE SET count = count + excluded.count
            """)
        for (key, count) in speed.sorted(by: { ($0.key.day, $0.key.owner, $0.key.bucket) < ($1.key.day, $1.key.owner, $1.key.bucket) }) {
            try speedRow.bind([.integer(key.day), .text(key.owner), .integer(key.bucket), .integer(count)])
            try speedRow.run()
        }
        let exactRow = try db.prepare("""
            INSERT INTO dash_speed_exact (owner, delay, count) VALUES (?, ?, ?)
            ON CONFLICT (owner, delay) DO UPDATE SET count = count + excluded.count
            """)
        var all: [OwnerValue: Int64] = [:]
        var team: [Int64: Int64] = [:]
        for (key, count) in delays.sorted(by: { ($0.key.owner, $0.key.value) < ($1.key.owner, $1.key.value) }) {
            try exactRow.bind([.text(key.owner), .integer(key.value), .integer(count)])
            try exactRow.run()
            all[OwnerValue(owner: key.owner, value: key.value / 3600), default: 0] += count
            team[key.value, default: 0] += count
        }
        let allRow = try db.prepare("""
            INSERT INTO dash_speed_all (owner, bucket, count) VALUES (?, ?, ?)
            ON CONFLICT (owner, bucket) DO UPDATE SET count = count + excluded.count
            """)
        for (key, count) in all.sorted(by: { ($0.key.owner, $0.key.value) < ($1.key.owner, $1.key.value) }) {
            try allRow.bind([.text(key.owner), .integer(key.value), .integer(count)])
            try allRow.run()
        }
        let teamRow = try db.prepare("""
            INSERT INTO dash_speed_exact_team (delay, count) VALUES (?, ?)
            ON CONFLICT (delay) DO UPDATE SET count = count + excluded.count
            """)
        for (delay, count) in team.sorted(by: { $0.key < $1.key }) {
            try teamRow.bind([.integer(delay), .integer(count)])
            try teamRow.run()
        }
        let appointmentRow = try db.prepare("""
            INSERT INTO dash_appointments (hour, owner, source, count) VALUES (?, ?, ?, ?)
            ON CONFLICT (hour, owner, source) DO UPDATE SET count = count + excluded.count
            """)
        for (key, count) in appointments.sorted(by: { ($0.key.day, $0.key.owner, $0.key.source) < ($1.key.day, $1.key.owner, $1.key.source) }) {
            try appointmentRow.bind([.integer(key.day), .text(key.owner), .integer(key.source), .integer(count)])
            try appointmentRow.run()
        }
        try db.execute("UPDATE dash_state SET speed_version = speed_version + 1, appointments_version = appointments_version + 1")
    }
}
