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

    /// The enveloped page `{"results", "count", "next", "previous"}` with full URLs (or null)
    /// keeping the other query fields. Written with `JSONWriter`: a page of 500 leads costs
    /// a fraction of a millisecond instead of tens with JSONSerialization.
    func pageResponse<Item>(
        _ items: [Item], count: Int, page: PageRequest, call: Call, row: (Item, inout JSONWriter) -> Void
    ) -> HTTPResponse {
        var out = JSONWriter(capacity: 256 + items.count * 320)
        out.beginObject()
        out.field("status_code", Int64(200))
        out.key("errors")
        out.beginObject()
        out.endObject()
        out.key("data")
        out.beginObject()
        out.key("results")
        out.beginArray()
        for item in items { row(item, &out) }
        out.endArray()
        out.field("count", Int64(count))
        let nextOffset = page.offset + page.limit
        out.key("next")
        if nextOffset < count { out.string(pageURL(call, offset: nextOffset, limit: page.limit)) } else { out.null() }
        out.key("previous")
        if page.offset > 0 { out.string(pageURL(call, offset: max(0, page.offset - page.limit), limit: page.limit)) } else { out.null() }
        out.endObject()
        out.endObject()
        return HTTPResponse(status: 200, headers: [("Content-Type", "application/json")], body: out.bytes)
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
