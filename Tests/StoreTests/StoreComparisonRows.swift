@testable import Store

/// Rows as text for comparing two stores' contents in tests.
extension LeadStore {
    /// Every lead row, all columns quoted, in id order.
    func allLeadRows() throws -> [String] {
        let columns = try db.prepare("SELECT name FROM pragma_table_info('leads') ORDER BY cid").rows { $0.text(0) }
        let list = columns.map { "quote(\($0))" }.joined(separator: " || '|' || ")
        return try db.prepare("SELECT \(list) FROM leads ORDER BY id").rows { $0.text(0) }
    }

    /// Every dashboard aggregate row with a count, as sorted text (rows at 0 are left behind by
    /// design); with `cube`, the `lead_cube` counts too. Tests compare two stores' aggregates with it.
    func dashboardAggregateRows(cube: Bool = false) throws -> [String] {
        var queries = [
            "SELECT 'created', day, owner, source, leads, untouched FROM dash_created WHERE leads <> 0 OR untouched <> 0",
            "SELECT 'idle', hour, owner, count, 0, 0 FROM dash_idle WHERE count <> 0",
            "SELECT 'speed', day, owner, bucket, count, 0 FROM dash_speed WHERE count <> 0",
            "SELECT 'speed_all', 0, owner, bucket, count, 0 FROM dash_speed_all WHERE count <> 0",
        ]
        if cube { queries.append("SELECT 'cube', status, source, owner, count, 0 FROM lead_cube WHERE count <> 0") }
        return try queries.flatMap { sql in
            try db.prepare(sql).rows { s in (0..<6).map { s.isNull(Int32($0)) ? "-" : s.text(Int32($0)) }.joined(separator: " ") }
        }.sorted() + speedDelayRows()
    }

    /// Every non-empty `dash_speed_delays` row as "delays owner bucket day: d1 d2 …" with its delays
    /// (seconds) sorted: a row's characters are a multiset, their order means nothing.
    func speedDelayRows() throws -> [String] {
        try db.prepare("SELECT owner, bucket, day, delays FROM dash_speed_delays WHERE delays <> ''").rows { s in
            let bucket = s.int64(1)
            let delays = s.text(3).unicodeScalars.map { bucket * 3600 + Int64($0.value) - 1 }.sorted()
            return "delays \(s.text(0)) \(bucket) \(s.int64(2)): " + delays.map(String.init).joined(separator: " ")
        }.sorted()
    }
}
