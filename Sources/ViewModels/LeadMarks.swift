import Store

/// The marked leads of a list: a `LeadSelection` (the list's filter, or ids) and how many leads
/// it holds, counted when marks change and when the data changes, never per frame.
public struct LeadMarks: Sendable, Equatable {
    /// What is marked, as the Store resolves it for a bulk action.
    public internal(set) var selection: LeadSelection
    /// How many marked leads the list's filter shows.
    public internal(set) var count: Int

    /// No marks in `filter`.
    public init(filter: LeadFilter = .all) {
        selection = LeadSelection(filter: filter)
        count = 0
    }

    /// Whether nothing is marked.
    public var isEmpty: Bool { selection.isEmpty }

    /// Whether a lead shown by the list is marked.
    public func contains(_ id: Int64) -> Bool { selection.contains(id) }

    /// Whether mark-all is in effect (the filter is the selection).
    public var isEverything: Bool { selection.everything }
}
