import Core

/// The leads a bulk action works on, always within a list's filter: every lead the filter shows
/// (minus the ones toggled off), or a set of marked ids. Stored as the filter rather than as ids,
/// so "mark all" on 50,000 matches costs nothing until an action runs.
///
/// Marked ids the filter does not show (any more) are never acted on: a bulk action does only
/// what the list can show.
public struct LeadSelection: Sendable, Equatable {
    /// The filter the selection lives in.
    public var filter: LeadFilter
    /// Every lead passing `filter` (mark-all), except `excluded`.
    public var everything: Bool
    /// Marked one by one (ignored when `everything`).
    public var ids: Set<Int64>
    /// Toggled off after mark-all (only used when `everything`).
    public var excluded: Set<Int64>

    /// A selection; the default marks nothing.
    public init(filter: LeadFilter = .all, everything: Bool = false, ids: Set<Int64> = [], excluded: Set<Int64> = []) {
        self.filter = filter
        self.everything = everything
        self.ids = ids
        self.excluded = excluded
    }

    /// Whether nothing is marked.
    public var isEmpty: Bool { !everything && ids.isEmpty }

    /// Whether a lead that passes `filter` is marked.
    public func contains(_ id: Int64) -> Bool { everything ? !excluded.contains(id) : ids.contains(id) }

    /// Marks or unmarks one lead.
    public mutating func toggle(_ id: Int64) {
        if everything {
            if excluded.remove(id) == nil { excluded.insert(id) }
        } else if ids.remove(id) == nil {
            ids.insert(id)
        }
    }

    /// Marks these leads (on top of what is marked).
    public mutating func insert<S: Sequence>(contentsOf newIds: S) where S.Element == Int64 {
        if everything { excluded.subtract(newIds) } else { ids.formUnion(newIds) }
    }
}
