import Core

/// The query parameters of seed 004's list endpoints: ids, limits, date ranges (with their
/// deprecated aliases), booleans and the repeatable `via` (`via=sms&via=email`, `via[]=sms`, `via=sms,email`).
struct ZenviaQuery {
    let fields: [String: String]
    /// Every `via` / `via[]` value in order (the decoded query keeps only the last of a repeated name).
    let vias: [String]

    /// At most this many items per answer ("no more than 1000 is recommended"; larger values are clamped).
    static let maxLimit = 1000

    init(_ request: HTTPRequest) {
        fields = request.query
        var vias: [String] = []
        if let mark = request.target.firstIndex(of: "?") {
            for pair in request.target[request.target.index(after: mark)...].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
                guard name == "via" || name == "via[]", parts.count == 2 else { continue }
                let value = String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
                vias += value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
        }
        self.vias = vias
    }

    /// A text parameter, nil when absent or empty.
    func text(_ name: String) -> String? {
        guard let value = fields[name], !value.isEmpty else { return nil }
        return value
    }

    /// An id parameter (`^[a-z0-9]{24}$`).
    func id(_ name: String) throws(ZenviaError) -> String? {
        guard let value = text(name) else { return nil }
        guard ZenviaVocabulary.isId(value) else { throw .invalid("\(name) must match ^[a-z0-9]{24}$.") }
        return value
    }

    /// `limit`: a positive whole number, clamped to 1000; nil when absent.
    func limit() throws(ZenviaError) -> Int? {
        guard let value = text("limit") else { return nil }
        guard let number = Int(value), number > 0 else { throw .invalid("limit must be a positive number.") }
        return min(number, Self.maxLimit)
    }

    /// A date-time parameter under `names` (the first present wins: the current name, then its alias).
    func date(_ names: [String]) throws(ZenviaError) -> Int64? {
        for name in names {
            guard let value = text(name) else { continue }
            guard let seconds = WireDate.parseTimestamp(value) else { throw .invalid("\(name) must be an ISO 8601 date-time.") }
            return seconds
        }
        return nil
    }

    /// A boolean parameter ("true"/"false").
    func flag(_ name: String) throws(ZenviaError) -> Bool? {
        guard let value = text(name) else { return nil }
        switch value.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw .invalid("\(name) must be true or false.")
        }
    }

    /// The `via` filter, each value checked against the seed's enum.
    func viaFilter() throws(ZenviaError) -> Set<String>? {
        guard !vias.isEmpty else { return nil }
        for via in vias where !ZenviaVocabulary.vias.contains(via) {
            throw .invalid("via must be one of \(ZenviaVocabulary.vias.joined(separator: ", ")); got '\(via)'.")
        }
        return Set(vias)
    }

    /// The creation range of the list endpoints (seed 004): without a limit and without dates,
    /// the last 31 days; without a limit but with dates, the range must be 31 days or less (one
    /// date alone is measured against now) and not reversed. With a limit, dates only filter.
    func createdRange(now: Int64, limited: Bool) throws(ZenviaError) -> (after: Int64?, before: Int64?) {
        let after = try date(["createdAfter", "start"])
        let before = try date(["createdBefore", "end"])
        guard !limited else { return (after, before) }
        if after == nil && before == nil { return (now - ZenviaVocabulary.maxRangeSeconds, nil) }
        let from = after ?? now
        let to = before ?? now
        let span = after != nil && before != nil ? to - from : abs(to - from)
        guard span >= 0, span <= ZenviaVocabulary.maxRangeSeconds else {
            throw ZenviaError(status: 400, message: "The date range must be 31 days or less, and createdAfter must not be after createdBefore.",
                              code: "INVALID_DATE_RANGE")
        }
        return (after, before)
    }

    /// One page of ids in ascending order: after `after`, before `before`, at most `limit` (the
    /// ones nearest `before` when only `before` is given, so a client can page backwards).
    static func page(_ ids: [String], after: String?, before: String?, limit: Int) -> [String] {
        var slice = ids[...]
        if let after { slice = slice[ZenviaState.insertionPoint(after + "~", in: ids)...] }
        if let before { slice = slice.prefix { $0 < before } }
        return Array(after == nil && before != nil ? slice.suffix(limit) : slice.prefix(limit))
    }
}

extension ZenviaQuery {
    /// Whether `seconds` lies in [after, before).
    static func inRange(_ seconds: Int64?, _ range: (after: Int64?, before: Int64?)) -> Bool {
        if range.after == nil && range.before == nil { return true }
        guard let seconds else { return false }
        if let after = range.after, seconds < after { return false }
        if let before = range.before, seconds >= before { return false }
        return true
    }
}
