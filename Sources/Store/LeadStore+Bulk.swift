import Core
import Foundation

/// Bulk edits over a `LeadSelection`: one transaction each, an outbox entry per changed lead,
/// written set-based (`LeadStore+BulkSQL`). The ids are resolved inside the transaction.
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
            try bulkSetColumn(.status, column: "status", bound: .integer(LeadColumns.code(of: status)), wire: status.rawValue,
                              ids: ids)
            return ids.count
        }
    }

    /// Assigns every selected lead to `owner`; returns how many were selected.
    @discardableResult
    public func assign(_ owner: String, toLeadsIn selection: LeadSelection) throws -> Int {
        try write {
            let ids = try leadIds(in: selection)
            try bulkSetColumn(.owner, column: "owner", bound: .text(owner), wire: owner, ids: ids)
            return ids.count
        }
    }

    /// Deletes every selected lead (soft delete + outbox "delete" each); returns how many.
    @discardableResult
    public func deleteLeads(in selection: LeadSelection) throws -> Int {
        try write {
            let ids = try leadIds(in: selection)
            try bulkDelete(ids: ids)
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
}
