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
            let columns = LeadQueryBuilder(filter: .all, sort: sort).sortColumns
            return try db.cached("SELECT \(columns.joined(separator: ", ")) FROM leads WHERE id = ?")
                .firstRow([.integer(id)]) { s in
                    LeadCursor(values: columns.indices.map { s.value(Int32($0)) }, id: id)
                }
        }
    }

    /// The cursor of the row at a 0-based position of the list (a scrollbar jump; costs a scan of
    /// the index up to that position, tens of milliseconds at a million). Nil past the end.
    public func cursor(atPosition position: Int, filter: LeadFilter = .all, sort: LeadSort = .nameAscending) throws -> LeadCursor? {
        try locked {
            var builder = try builder(filter, sort)
            var position = max(0, position)
            if let (status, before) = try statusGroup(builder, at: position) {  // size 3: one status's read
                guard let status else { return nil }
                builder = try self.builder(filter.only(status), sort)
                position -= before
            }
            let query = builder.keys(atOffset: position)
            let count = builder.sortColumns.count
            return try db.prepare(query.sql).firstRow(query.values) { s in
                LeadCursor(values: (0..<count).map { s.value(Int32($0)) }, id: s.int64(Int32(count)))
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
            if case .integer(let code)? = cursor.values.first, let counts = try statusCounts(builder) {
                // size 3: the statuses before the lead's from the cube, then index entries of its own status.
                let status = LeadColumns.status(from: code)
                let before = builder.orderedStatuses.prefix { $0 != status }.reduce(0) { $0 + (counts[$1] ?? 0) }
                let query = try self.builder(filter.only(status), sort).count(before: cursor)
                return before + Int(try db.prepare(query.sql).firstRow(query.values) { $0.int64(0) } ?? 0)
            }
            let query = builder.count(before: cursor)
            return Int(try db.prepare(query.sql).firstRow(query.values) { $0.int64(0) } ?? 0)
        }
    }

    /// Live leads per status of a status-order list whose filter the cube can count (nil otherwise).
    private func statusCounts(_ builder: LeadQueryBuilder) throws -> [LeadStatus: Int]? {
        guard builder.sort.key == .status, builder.driver != nil, let query = builder.cube(groupBy: "status") else { return nil }
        var counts: [LeadStatus: Int] = [:]
        try db.cached(query.sql).forEachRow(query.values) { counts[LeadColumns.status(from: $0.int64(0)), default: 0] += $0.int(1) }
        return counts
    }

    /// For a status-order list the cube can count: the status holding row `position` and how many
    /// rows come before that status (status nil: past the end). Nil for any other list.
    private func statusGroup(_ builder: LeadQueryBuilder, at position: Int) throws -> (LeadStatus?, Int)? {
        guard let counts = try statusCounts(builder) else { return nil }
        var before = 0
        for status in builder.orderedStatuses {
            let n = counts[status] ?? 0
            if position < before + n { return (status, before) }
            before += n
        }
        return (nil, before)
    }

    /// The number of leads that pass the filter (search results count at most `searchCap`).
    public func countLeads(filter: LeadFilter = .all) throws -> Int {
        try locked {
            let builder = try builder(filter, .nameAscending)
            let query = builder.cube(groupBy: nil) ?? builder.count(before: nil)
            return Int(try db.cached(query.sql).firstRow(query.values) { $0.int64(0) } ?? 0)
        }
    }

    /// Whether the filter's search has more matches than `searchCap`: the list then holds only the
    /// first `searchCap` of them and a count is a lower bound ("2000+"); otherwise counts are exact.
    public func searchExceedsCap(filter: LeadFilter) throws -> Bool {
        try locked {
            guard let match = try matchExpression(filter.search) else { return false }
            let sql = "SELECT count(*) FROM (SELECT rowid FROM lead_fts WHERE lead_fts MATCH ? LIMIT \(Self.searchCap + 1))"
            return (try db.cached(sql).firstRow([.text(match)]) { $0.int64(0) } ?? 0) > Self.searchCap
        }
    }

    /// Leads per status among those passing the filter (every status present, 0 when none).
    public func countsByStatus(filter: LeadFilter = .all) throws -> [LeadStatus: Int] {
        var counts = Dictionary(uniqueKeysWithValues: LeadStatus.allCases.map { ($0, 0) })
        try grouped(filter, by: "status") { counts[LeadColumns.status(from: $0.int64(0)), default: 0] += $1 }
        return counts
    }

    /// Leads per source among those passing the filter (nil: no source).
    public func countsBySource(filter: LeadFilter = .all) throws -> [LeadSource?: Int] {
        var counts: [LeadSource?: Int] = [:]
        try grouped(filter, by: "source") { counts[$0.optionalInt64(0).flatMap(LeadColumns.source(from:)), default: 0] += $1 }
        return counts.filter { $0.value > 0 }
    }

    /// Leads per owner (username) among those passing the filter.
    public func countsByOwner(filter: LeadFilter = .all) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        try grouped(filter, by: "owner") { counts[$0.text(0), default: 0] += $1 }
        return counts.filter { $0.value > 0 }
    }

    /// Runs a grouped count (from the cube when the filter allows), calling `add` per group.
    private func grouped(_ filter: LeadFilter, by column: String, _ add: (Statement, Int) -> Void) throws {
        try locked {
            let builder = try builder(filter, .nameAscending)
            let query = builder.cube(groupBy: column) ?? builder.grouped(by: column)
            try db.cached(query.sql).forEachRow(query.values) { add($0, $0.int(1)) }
        }
    }

    // MARK: - Internal

    func builder(_ filter: LeadFilter, _ sort: LeadSort) throws -> LeadQueryBuilder {
        let match = try matchExpression(filter.search)
        var builder = LeadQueryBuilder(filter: filter, sort: sort, match: match,
                                       conversationMatch: match == nil ? nil : Self.conversationMatch(filter.search))
        if sort.key == .status, match == nil {  // size 3: the status order reads each status with leads
            builder.liveStatuses = Set(try db.cached("SELECT DISTINCT status FROM lead_cube WHERE count > 0").rows { $0.int64(0) })
        }
        return builder
    }

    /// The FTS5 expression for a search text: every term required (`SearchText.terms`: words
    /// folded like the index, CJK bigrams). Words are prefixes; words of up to 3 characters use the
    /// prefix indexes; a longer word is expanded through the vocabulary into its few matching terms
    /// (`"muller" OR "mullers"`), which FTS5 streams instead of merging every posting of the
    /// prefix. Nil when the text is blank (no search); `""` (matches nothing) when it has no
    /// indexable term at all (`"`, `*`, `(`).
    func matchExpression(_ text: String) throws -> String? {
        guard !text.allSatisfy({ $0.isWhitespace }) else { return nil }
        let terms = SearchText.terms(text)
        guard !terms.isEmpty else { return Self.matchNothing }
        return try terms.map { term -> String in
            guard term.isPrefix else { return LeadQueryBuilder.quoted(term.text) }
            let folded = SortKey.fold(term.text)
            guard !term.isCJK, folded.count > 3 else { return LeadQueryBuilder.quoted(term.text) + "*" }
            let terms = try db.cached("SELECT term FROM lead_fts_vocab WHERE term >= ? AND term < ? LIMIT 65")
                .rows([.text(folded), .text(folded + "\u{10FFFF}")]) { $0.text(0) }
            guard (1...64).contains(terms.count) else { return LeadQueryBuilder.quoted(term.text) + "*" }
            return "(" + terms.map(LeadQueryBuilder.quoted).joined(separator: " OR ") + ")"
        }.joined(separator: " AND ")
    }

    /// An FTS5 expression that matches no row (an empty phrase).
    static let matchNothing = "\"\""

    func window(filter: LeadFilter, sort: LeadSort, cursor: LeadCursor?, forward: Bool, inclusive: Bool,
                limit: Int) throws -> [LeadListRow] {
        try locked {
            let builder = try builder(filter, sort)
            if let cursor, cursor.values.count != builder.sortColumns.count {
                throw StoreError.invalidValue(field: "cursor", value: "made for another sort order")
            }
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

extension LeadFilter {
    /// The filter narrowed to one status (the status order reads one status at a time).
    func only(_ status: LeadStatus) -> LeadFilter {
        var narrowed = self
        narrowed.statuses = [status]
        return narrowed
    }
}
