import Core

/// Builds the SQL for keyset windows, counts and positions of a filtered, sorted lead list.
///
/// Windows never use OFFSET: they continue from a cursor with a row-value comparison
/// `(sort keys, id) > (?, ?)` over an index that starts with the filter's equality column and
/// continues with the sort keys. When the driving filter has several values (e.g. two statuses),
/// one indexed, limited sub-query per value is merged. Text search first takes at most
/// `LeadStore.searchCap` FTS matches, then sorts just those.
struct LeadQueryBuilder {
    let filter: LeadFilter
    let sort: LeadSort
    /// The FTS5 MATCH expression for `filter.search` (nil: no text search).
    var match: String? = nil
    /// The FTS5 expression for the conversation index (search also finds words of conversations).
    var conversationMatch: String? = nil
    /// Status codes that have live leads (`lead_cube`), read for the status order only: a status
    /// without leads gets no per-status read (nil: every status).
    var liveStatuses: Set<Int64>? = nil

    /// Sort columns in order, before the final `id`.
    var sortColumns: [String] {
        switch sort.key {
        case .name: return ["sort_name"]
        case .created: return ["created"]
        case .updated: return ["updated"]
        case .status: return ["status", "sort_name"]
        case .touched: return ["idle_at"]
        }
    }

    /// Columns a list row reads (the sort keys follow at index 13...).
    static let rowColumns = """
        id, first_name, last_name, email, company, status, source, owner, last_activity, \
        has_pending, has_rejected, has_conflict, deleted_remotely
        """

    /// A filter column that drives per-value reads: status, for the status order (size 3, issue 11:
    /// no (status, name) index; each status is read from the name index's own entries).
    enum Dimension: String { case status }

    /// The words of a search text (letters and digits; at most 8).
    static func searchWords(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber) }.prefix(8).map(String.init)
    }

    /// A word as an FTS5 string literal.
    static func quoted(_ word: String) -> String { "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// The filter column that drives per-value reads, with its values (nil: the sort's own index).
    /// The status order is one read of the name index per status (the filter's, else every status
    /// with live leads), each in (name, id) order with its status compared on the index entry, and
    /// merged (size 3, issue 11: the (status, name) index is gone, −24 MB at a million). A status
    /// filter on the name order is read like the owner and source filters, from the name index.
    var driver: (Dimension, [SQLValue])? {
        guard match == nil, !filter.hasPending, !filter.rejectedOnly, !filter.conflictOnly, !filter.unreadOnly else { return nil }
        guard sort.key == .status else { return nil }
        var codes = filter.statuses.isEmpty ? LeadStatus.allCases.map(LeadColumns.code(of:)) : filter.statuses.map(LeadColumns.code(of:))
        if let liveStatuses, codes.contains(where: liveStatuses.contains) { codes = codes.filter(liveStatuses.contains) }
        return (.status, Set(codes).sorted().map { .integer($0) })
    }

    /// The statuses of the filter (all when none) in display order of the status sort.
    var orderedStatuses: [LeadStatus] {
        let all = filter.statuses.isEmpty ? LeadStatus.allCases : LeadStatus.allCases.filter(filter.statuses.contains)
        let ascending = all.sorted { LeadColumns.code(of: $0) < LeadColumns.code(of: $1) }
        return sort.ascending ? ascending : ascending.reversed()
    }

    /// The index that serves the sort for a driving dimension.
    func indexName(for dimension: Dimension?) -> String {
        if dimension == .status { return "leads_name_scope" }
        switch sort.key {
        case .name, .status: return "leads_name_scope"  // status: one read per status (`driver`)
        case .created: return "leads_touch_created"  // (created, …): the created order (size)
        case .updated: return "leads_updated"
        case .touched: return "leads_idle_at"
        }
    }

    /// WHERE terms (and values) for every filter part except `skipping` the driving dimension.
    func conditions(skipping driving: Dimension?) -> (terms: [String], values: [SQLValue]) {
        var terms = ["deleted = 0"]
        var values: [SQLValue] = []
        func addSet(_ column: String, _ items: [SQLValue]) {
            guard !items.isEmpty else { return }
            terms.append("\(column) IN (\(Array(repeating: "?", count: items.count).joined(separator: ",")))")
            values += items
        }
        if driving != .status { addSet("status", filter.statuses.map { .integer(LeadColumns.code(of: $0)) }) }
        addSet("source", filter.sources.map { .integer(LeadColumns.code(of: $0)) })
        addSet("owner", filter.owners.sorted().map { .text($0) })
        if filter.hasPending { terms.append("has_pending = 1") }
        if filter.rejectedOnly { terms.append("has_rejected = 1") }
        if filter.conflictOnly { terms.append("has_conflict = 1") }
        if filter.unreadOnly { terms.append("leads.id IN (SELECT lead_id FROM conversation_unread)") }
        let dashboard = filter.dashboardConditions()  // dashboard drill-downs
        return (terms + dashboard.terms, values + dashboard.values)
    }

    /// FROM clause: search hits drive the loop when there is text; a flag's partial index otherwise.
    func fromClause(driving: Dimension?) -> (sql: String, values: [SQLValue]) {
        if let match, let conversationMatch {
            // Each side capped before the UNION: a UNION collects all its rows before its LIMIT, and
            // "z" matches most leads (24 ms at a million instead of 2.6).
            let cap = LeadStore.searchCap
            return ("(SELECT hit FROM (SELECT rowid AS hit FROM lead_fts WHERE lead_fts MATCH ? LIMIT \(cap)) UNION "
                    + "SELECT hit FROM (SELECT lead_id AS hit FROM conversation_fts WHERE conversation_fts MATCH ? LIMIT \(cap)) "
                    + "LIMIT \(cap)) AS hits CROSS JOIN leads ON leads.id = hits.hit", [.text(match), .text(conversationMatch)])
        }
        if let match {
            return ("(SELECT rowid AS hit FROM lead_fts WHERE lead_fts MATCH ? LIMIT \(LeadStore.searchCap)) AS hits "
                    + "CROSS JOIN leads ON leads.id = hits.hit", [.text(match)])
        }
        if filter.unreadOnly {
            return ("(SELECT lead_id AS unread FROM conversation_unread) AS u CROSS JOIN leads ON leads.id = u.unread", [])
        }
        if filter.rejectedOnly { return ("leads INDEXED BY leads_rejected", []) }
        if filter.conflictOnly { return ("leads INDEXED BY leads_conflict", []) }
        if filter.hasPending { return ("leads INDEXED BY leads_pending", []) }
        return ("leads INDEXED BY \(indexName(for: driving))", [])
    }

    /// A window of rows: `forward` in display order after `cursor` (or from the start),
    /// or backward (before `cursor`, or from the end), returned in the order read.
    func window(cursor: LeadCursor?, forward: Bool, inclusive: Bool, limit: Int) -> (sql: String, values: [SQLValue]) {
        let ascendingRead = forward == sort.ascending
        let direction = ascendingRead ? "ASC" : "DESC"
        let keys = sortColumns + ["id"]
        let aliases = keys.indices.map { "k\($0)" }
        let select = "SELECT \(Self.rowColumns), " + zip(keys, aliases).map { "leads.\($0) AS \($1)" }.joined(separator: ", ")
        let order = aliases.map { "\($0) \(direction)" }.joined(separator: ", ")
        let op = ascendingRead ? (inclusive ? ">=" : ">") : (inclusive ? "<=" : "<")
        func member(equality: (Dimension, SQLValue)?) -> (String, [SQLValue])? {
            let from = fromClause(driving: equality?.0)
            var (terms, values) = conditions(skipping: equality?.0)
            values = from.values + values
            if let equality {
                terms.append("\(equality.0.rawValue) = ?")
                values.append(equality.1)
            }
            if let cursor {
                var compared = keys, cursorValues = cursor.values + [.integer(cursor.id)]
                if let equality, sort.key == .status, case .integer(let value) = equality.1, case .integer(let at)? = cursor.values.first {
                    // One status of the status order: before the cursor's status it has no row to give,
                    // after it every row; at it, the rows past the cursor's (name, id).
                    if ascendingRead ? value < at : value > at { return nil }
                    compared = value == at ? Array(keys.dropFirst()) : []
                    cursorValues = value == at ? Array(cursorValues.dropFirst()) : []
                }
                if !compared.isEmpty {
                    terms.append("(\(compared.map { "leads.\($0)" }.joined(separator: ", "))) \(op) (\(compared.map { _ in "?" }.joined(separator: ", ")))")
                    values += cursorValues
                }
            }
            return ("\(select) FROM \(from.sql) WHERE \(terms.joined(separator: " AND ")) ORDER BY \(order) LIMIT \(limit)", values)
        }
        let nothing = ("\(select) FROM leads WHERE 0", [SQLValue]())
        guard let (dimension, items) = driver, items.count > 1 else {
            let single = driver.map { ($0.0, $0.1[0]) }
            return member(equality: single) ?? nothing
        }
        let parts = items.compactMap { member(equality: (dimension, $0)) }
        guard !parts.isEmpty else { return nothing }
        let union = parts.map { "SELECT * FROM (\($0.0))" }.joined(separator: " UNION ALL ")
        return ("SELECT * FROM (\(union)) ORDER BY \(order) LIMIT \(limit)", parts.flatMap(\.1))
    }

    /// The sort keys and id of the row at `offset` (reads index entries only where it can). The
    /// status order merges one read per status (a compound SELECT's ORDER BY: SQLite merges the
    /// parts in index order, no sort).
    func keys(atOffset offset: Int) -> (sql: String, values: [SQLValue]) {
        if let (dimension, items) = driver, items.count > 1 {
            let keys = (sortColumns + ["id"]).map { "leads.\($0)" }
            let direction = sort.ascending ? "ASC" : "DESC"
            let parts = items.map { item -> (String, [SQLValue]) in
                let from = fromClause(driving: dimension)
                let (terms, values) = conditions(skipping: dimension)
                return ("SELECT \(keys.joined(separator: ", ")) FROM \(from.sql) WHERE \((terms + ["\(dimension.rawValue) = ?"]).joined(separator: " AND "))",
                        from.values + values + [item])
            }
            let order = keys.indices.map { "\($0 + 1) \(direction)" }.joined(separator: ", ")
            return (parts.map(\.0).joined(separator: " UNION ALL ") + " ORDER BY \(order) LIMIT 1 OFFSET \(offset)", parts.flatMap(\.1))
        }
        let single = driver.flatMap { $0.1.count == 1 ? ($0.0, $0.1[0]) : nil }
        let from = fromClause(driving: single?.0)
        var (terms, values) = conditions(skipping: single?.0)
        values = from.values + values
        if let single {
            terms.append("\(single.0.rawValue) = ?")
            values.append(single.1)
        }
        let keys = (sortColumns + ["id"]).map { "leads.\($0)" }
        let direction = sort.ascending ? "ASC" : "DESC"
        return ("SELECT \(keys.joined(separator: ", ")) FROM \(from.sql) WHERE \(terms.joined(separator: " AND ")) "
                + "ORDER BY \(keys.map { "\($0) \(direction)" }.joined(separator: ", ")) LIMIT 1 OFFSET \(offset)", values)
    }

    /// `count(*)` of the filter, optionally only rows before `cursor` in display order.
    func count(before cursor: LeadCursor?) -> (sql: String, values: [SQLValue]) {
        let from = fromClause(driving: nil)
        var (terms, values) = conditions(skipping: nil)
        values = from.values + values
        // The status order counts entries of the name index (covering: status, name, id); left to
        // itself the planner reads a million rows through another index (size 3, issue 11). With one
        // status (and the cursor in it) the count is a range of (name, id): entries up to the cursor.
        let byStatus = cursor != nil && sort.key == .status && driver != nil
        if let cursor {
            var keys = sortColumns + ["id"], cursorValues = cursor.values + [.integer(cursor.id)]
            if byStatus, let only = driver?.1, only.count == 1, only.first == cursor.values.first {
                keys.removeFirst()
                cursorValues.removeFirst()
            }
            let op = sort.ascending ? "<" : ">"
            terms.append("(\(keys.map { "leads.\($0)" }.joined(separator: ", "))) \(op) (\(keys.map { _ in "?" }.joined(separator: ", ")))")
            values += cursorValues
        }
        let source = match == nil && !filter.unreadOnly ? (byStatus ? "leads INDEXED BY leads_name_scope" : "leads") : from.sql
        return ("SELECT count(*) FROM \(source) WHERE \(terms.joined(separator: " AND "))", values)
    }

    /// Counts from the maintained `lead_cube` (instant), possible when the filter uses only
    /// status, source and owner. `column` groups the sum (nil: one total).
    func cube(groupBy column: String?) -> (sql: String, values: [SQLValue])? {
        guard match == nil, !filter.hasPending, !filter.rejectedOnly, !filter.conflictOnly,
              !filter.hasDashboardParts, !filter.unreadOnly else { return nil }
        var (terms, values) = conditions(skipping: nil)
        terms.removeFirst()  // "deleted = 0": the cube counts only live leads
        let whereClause = terms.isEmpty ? "" : " WHERE " + terms.joined(separator: " AND ")
        guard let column else { return ("SELECT coalesce(sum(count), 0) FROM lead_cube\(whereClause)", values) }
        return ("SELECT \(column), sum(count) FROM lead_cube\(whereClause) GROUP BY \(column)", values)
    }

    /// Counts grouped by one column of the filtered leads.
    func grouped(by column: String) -> (sql: String, values: [SQLValue]) {
        let from = fromClause(driving: nil)
        var (terms, values) = conditions(skipping: nil)
        values = from.values + values
        let source = match == nil && !filter.unreadOnly ? "leads" : from.sql
        return ("SELECT \(column), count(*) FROM \(source) WHERE \(terms.joined(separator: " AND ")) GROUP BY \(column)", values)
    }
}
