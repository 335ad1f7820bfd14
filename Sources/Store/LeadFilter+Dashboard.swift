import Foundation

/// A half-open time span `[from, before)`; a missing end is unbounded.
public struct DateSpan: Sendable, Equatable, Hashable, Codable {
    /// Inclusive start (nil: from the beginning).
    public var from: Date?
    /// Exclusive end (nil: no end).
    public var before: Date?

    /// A span from `from` up to (not including) `before`.
    public init(from: Date? = nil, before: Date? = nil) {
        self.from = from
        self.before = before
    }
}

/// A condition on a lead's touches (notes, activities other than "created", messages).
public enum TouchCondition: Sendable, Equatable, Hashable, Codable {
    /// Never touched.
    case never
    /// No touch at or after this time (a never-touched lead counts from its creation).
    case idleSince(Date)
}

extension LeadFilter {
    /// Whether the filter uses a part the counts cube cannot answer (time spans, touches).
    var hasDashboardParts: Bool { created != nil || touch != nil || appointments != nil }

    /// WHERE terms and values for the dashboard parts of the filter (columns of `leads`).
    func dashboardConditions() -> (terms: [String], values: [SQLValue]) {
        var terms: [String] = []
        var values: [SQLValue] = []
        func seconds(_ date: Date) -> SQLValue { .integer(Int64(date.timeIntervalSince1970.rounded(.down))) }
        if let from = created?.from { terms.append("leads.created >= ?"); values.append(seconds(from)) }
        if let before = created?.before { terms.append("leads.created < ?"); values.append(seconds(before)) }
        switch touch {
        case .never?: terms.append("leads.first_touch_at IS NULL")
        case .idleSince(let date)?:
            terms.append("leads.idle_at < ?")  // coalesce(last_touch_at, created)
            values.append(seconds(date))
        case nil: break
        }
        if let span = appointments {
            var inner = ["a.lead_id = leads.id", "a.status <> 'cancelled'"]
            if let from = span.from { inner.append("a.start >= ?"); values.append(seconds(from)) }
            if let before = span.before { inner.append("a.start < ?"); values.append(seconds(before)) }
            terms.append("EXISTS (SELECT 1 FROM appointments a WHERE \(inner.joined(separator: " AND ")))")
        }
        return (terms, values)
    }
}
