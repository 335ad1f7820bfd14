import Core
import Foundation

extension LeadsAPI {
    /// offset/limit of a list call (default 20, max 500 clamped).
    struct PageRequest {
        var offset: Int
        var limit: Int
    }

    /// Reads offset and limit; a non-integer is a 400 on that field.
    func pageRequest(_ call: Call) throws(SimFailure) -> PageRequest {
        var errors = ValidationErrors()
        func integer(_ name: String) -> Int? {
            guard let text = call.form[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            guard let value = Int(text) else {
                errors.add(name, "A valid integer is required.")
                return nil
            }
            return value
        }
        let offset = max(0, integer("offset") ?? 0)
        var limit = integer("limit") ?? Self.defaultLimit
        guard errors.isEmpty else { throw .validation(errors) }
        if limit <= 0 { limit = Self.defaultLimit }
        return PageRequest(offset: offset, limit: min(limit, Self.maxLimit))
    }

    /// `{"results", "count", "next", "previous"}` with full URLs (or null) keeping the other query fields.
    func pageBody(_ results: [Any], count: Int, page: PageRequest, call: Call) -> [String: Any] {
        let nextOffset = page.offset + page.limit
        let next: Any = nextOffset < count ? pageURL(call, offset: nextOffset, limit: page.limit) : NSNull()
        let previous: Any = page.offset > 0
            ? pageURL(call, offset: max(0, page.offset - page.limit), limit: page.limit) : NSNull()
        return ["results": results, "count": count, "next": next, "previous": previous]
    }

    private func pageURL(_ call: Call, offset: Int, limit: Int) -> String {
        var query = call.request.query
        query["offset"] = String(offset)
        query["limit"] = String(limit)
        let encoded = query.keys.sorted().map { key in
            "\(Self.escape(key))=\(Self.escape(query[key] ?? ""))"
        }.joined(separator: "&")
        return call.origin + call.request.path + "?" + encoded
    }

    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Percent-encodes everything but RFC 3986 unreserved ASCII.
    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
