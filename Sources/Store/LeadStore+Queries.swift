import Core
import Foundation

/// List queries for the UI: keyset windows, positions and counts, cheap at a million leads.
extension LeadStore {
    /// The first `limit` rows of the list in display order.
    public func leads(filter: LeadFilter = .all, sort: LeadSort = .nameAscending, limit: Int = 50) throws -> [LeadListRow] {
        try window(filter: filter, sort: sort, cursor: nil, forward: true, inclusive: false, limit: limit)
    }

    /// The `limit` rows after `cursor` (exclusive; inclusive with `including: true`), in display order.
    public func leads(filter: LeadFilter = .all, sort: LeadSort = .nameAscending, after cursor: LeadCursor,
                      including: Bool = false, limit: Int = 50) throws -> [LeadListRow] {
        try window(filter: filter, sort: sort, cursor: cursor, forward: true, inclusive: including, limit: limit)
    }

    /// The `limit` rows just before `cursor` (exclusive), in display order.
    public func leads(filter: LeadFilter = .all, sort: LeadSort = .nameAscending, before cursor: LeadCursor,
                      limit: Int = 50) throws -> [LeadListRow] {
        try window(filter: filter, sort: sort, cursor: cursor, forward: false, inclusive: false, limit: limit).reversed()
    }

    /// The last `limit` rows of the list, in display order.
    public func lastLeads(filter: LeadFilter = .all, sort: LeadSort = .nameAscending, limit: Int = 50) throws -> [LeadListRow] {
        try window(filter: filter, sort: sort, cursor: nil, forward: false, inclusive: false, limit: limit).reversed()
    }

    /// The cursor of a lead in `sort` (whether or not it passes a filter); nil when it does not exist.
    public func cursor(forLead id: Int64, sort: LeadSort) throws -> LeadCursor? {
        try locked {
            let columns = LeadQueryBuilder(filter: .all, sort: sort, userCount: 0).sortColumns
            return try db.cached("SELECT \(columns.joined(separator: ", ")) FROM leads WHERE id = ?")
                .firstRow([.integer(id)]) { s in
                    LeadCursor(values: columns.indices.map { s.value(Int32($0)) }, id: id)
                }
        }
    }

    /// The 0-based index of a lead in the filtered, sorted list; nil when the lead is not in it.
    public func position(ofLead id: Int64, filter: LeadFilter = .all, sort: LeadSort = .nameAscending) throws -> Int? {
        try locked {
            guard let cursor = try cursor(forLead: id, sort: sort) else { return nil }
            let builder = try builder(filter, sort)
            let first = try window(filter: filter, sort: sort, cursor: cursor, forward: true, inclusive: true, limit: 1)
            guard first.first?.id == id else { return nil }
            let query = builder.count(before: cursor)
            return Int(try db.prepare(query.sql).firstRow(query.values) { $0.int64(0) } ?? 0)
        }
    }

    /// The number of leads that pass the filter (search results count at most `searchCap`).
    public func countLeads(filter: LeadFilter = .all) throws -> Int {
        try locked {
            if filter == .all {
                return Int(try db.scalarInt("SELECT coalesce(sum(count), 0) FROM lead_counts WHERE dimension = 'status'") ?? 0)
            }
            let query = try builder(filter, .nameAscending).count(before: nil)
            return Int(try db.prepare(query.sql).firstRow(query.values) { $0.int64(0) } ?? 0)
        }
    }

    /// Leads per status among those passing the filter (every status present, 0 when none).
    public func countsByStatus(filter: LeadFilter = .all) throws -> [LeadStatus: Int] {
        try locked {
            var counts = Dictionary(uniqueKeysWithValues: LeadStatus.allCases.map { ($0, 0) })
            if filter == .all {
                try db.cached("SELECT value, count FROM lead_counts WHERE dimension = 'status'").forEachRow {
                    counts[LeadColumns.status(from: $0.int64(0)), default: 0] += $0.int(1)
                }
                return counts
            }
            let query = try builder(filter, .nameAscending).grouped(by: "status")
            try db.prepare(query.sql).forEachRow(query.values) {
                counts[LeadColumns.status(from: $0.int64(0)), default: 0] += $0.int(1)
            }
            return counts
        }
    }

    /// Leads per source among those passing the filter (nil: no source).
    public func countsBySource(filter: LeadFilter = .all) throws -> [LeadSource?: Int] {
        try locked {
            var counts: [LeadSource?: Int] = [:]
            let query = try builder(filter, .nameAscending).grouped(by: "source")
            try db.prepare(query.sql).forEachRow(query.values) {
                counts[$0.optionalInt64(0).flatMap(LeadColumns.source(from:)), default: 0] += $0.int(1)
            }
            return counts
        }
    }

    /// Leads per owner (username) among those passing the filter.
    public func countsByOwner(filter: LeadFilter = .all) throws -> [String: Int] {
        try locked {
            var counts: [String: Int] = [:]
            let query = try builder(filter, .nameAscending).grouped(by: "owner")
            try db.prepare(query.sql).forEachRow(query.values) { counts[$0.text(0), default: 0] += $0.int(1) }
            return counts
        }
    }

    // MARK: - Internal

    func builder(_ filter: LeadFilter, _ sort: LeadSort) throws -> LeadQueryBuilder {
        let users = Int(try db.scalarInt("SELECT count(*) FROM users") ?? 0)
        return LeadQueryBuilder(filter: filter, sort: sort, userCount: users)
    }

    func window(filter: LeadFilter, sort: LeadSort, cursor: LeadCursor?, forward: Bool, inclusive: Bool,
                limit: Int) throws -> [LeadListRow] {
        try locked {
            let builder = try builder(filter, sort)
            let query = builder.window(cursor: cursor, forward: forward, inclusive: inclusive, limit: max(0, limit))
            let keyCount = builder.sortColumns.count
            return try db.cached(query.sql).rows(query.values) { s in Self.readRow(s, keyCount: keyCount) }
        }
    }

    static func readRow(_ s: Statement, keyCount: Int) -> LeadListRow {
        let first = s.text(1), last = s.text(2)
        var name = first.isEmpty ? last : (last.isEmpty ? first : first + " " + last)
        if name.isEmpty { name = s.text(3) }
        let mark: SyncMark =
            s.int64(12) == 1 ? .deletedRemotely
            : s.int64(11) == 1 ? .conflict
            : s.int64(10) == 1 ? .rejected
            : s.int64(9) == 1 ? .pending : .none
        let values = (0..<keyCount).map { s.value(Int32(13 + $0)) }
        return LeadListRow(
            id: s.int64(0), name: name, company: s.text(4), status: LeadColumns.status(from: s.int64(5)),
            source: s.optionalInt64(6).flatMap(LeadColumns.source(from:)), owner: s.text(7),
            lastActivityAt: s.optionalInt64(8).map { Date(timeIntervalSince1970: TimeInterval($0)) },
            syncMark: mark, cursor: LeadCursor(values: values, id: s.int64(0)))
    }
}
