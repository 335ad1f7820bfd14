import Core
import Foundation

/// Bulk edits over a `LeadSelection`: one transaction each, an outbox entry per changed lead.
/// The ids are resolved inside the transaction, so the action and its count see the same leads.
extension LeadStore {
    /// The ids of the selected leads that the selection's filter shows, in id order.
    public func leadIds(in selection: LeadSelection) throws -> [Int64] {
        try locked {
            if selection.everything {
                let all = try ids(passing: selection.filter, among: nil)
                return selection.excluded.isEmpty ? all : all.filter { !selection.excluded.contains($0) }
            }
            guard !selection.ids.isEmpty else { return [] }
            return try ids(passing: selection.filter, among: selection.ids)
        }
    }

    /// How many leads `leadIds(in:)` returns, cheaply: mark-all is the filter's count (the counts
    /// cube when it can) minus the shown leads toggled off.
    public func countLeads(in selection: LeadSelection) throws -> Int {
        try locked {
            guard selection.everything else {
                return selection.ids.isEmpty ? 0 : try ids(passing: selection.filter, among: selection.ids).count
            }
            let total = try countLeads(filter: selection.filter)
            guard !selection.excluded.isEmpty else { return total }
            return max(0, total - (try ids(passing: selection.filter, among: selection.excluded).count))
        }
    }

    /// Sets the status of every selected lead; returns how many were selected.
    @discardableResult
    public func setStatus(_ status: LeadStatus, forLeadsIn selection: LeadSelection) throws -> Int {
        try write {
            let ids = try leadIds(in: selection)
            for id in ids {
                try setColumn(.status, to: status.rawValue, column: "status",
                              bound: .integer(LeadColumns.code(of: status)), read: { LeadColumns.status(from: $0.int64(0)).rawValue },
                              lead: id)
            }
            return ids.count
        }
    }

    /// Assigns every selected lead to `owner`; returns how many were selected.
    @discardableResult
    public func assign(_ owner: String, toLeadsIn selection: LeadSelection) throws -> Int {
        try write {
            let ids = try leadIds(in: selection)
            for id in ids {
                try setColumn(.owner, to: owner, column: "owner", bound: .text(owner), read: { $0.text(0) }, lead: id)
            }
            return ids.count
        }
    }

    /// Deletes every selected lead (soft delete + outbox "delete" each); returns how many.
    @discardableResult
    public func deleteLeads(in selection: LeadSelection) throws -> Int {
        try write {
            let ids = try leadIds(in: selection)
            for id in ids { try deleteLead(id: id) }
            return ids.count
        }
    }

    // MARK: - Internal

    /// Ids passing `filter` (the same leads the list shows: search capped as there), optionally only among `among`.
    func ids(passing filter: LeadFilter, among: Set<Int64>?) throws -> [Int64] {
        let builder = try builder(filter, .nameAscending)
        let query = builder.ids(among: among.map { Array($0) })
        return try db.prepare(query.sql).rows(query.values) { $0.int64(0) }.sorted()
    }

    /// Changes one column of a live lead (no full-row write, so no search-index work) and queues
    /// the update, merged like any edit. Unchanged values write nothing.
    private func setColumn(_ field: LeadField, to value: String, column: String, bound: SQLValue,
                           read: (Statement) -> String, lead id: Int64) throws {
        guard let old = try db.cached("SELECT \(column) FROM leads WHERE id = ? AND deleted = 0")
            .firstRow([.integer(id)], read), old != value else { return }
        try db.run("UPDATE leads SET \(column) = ?, updated = ? WHERE id = ?", [bound, .integer(Self.now()), .integer(id)])
        try enqueue(.lead, .update, recordId: id, leadId: id, payload: [field.rawValue: value], base: [field.rawValue: old])
    }
}
