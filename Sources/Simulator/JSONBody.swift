import Foundation

/// JSON request bodies of the vendors that speak JSON (seeds 000, 002, 003, 004): parsed with a
/// nesting limit checked first, so a hostile `[[[[…` cannot exhaust a connection thread's stack.
enum JSONBody {
    /// Deeper bodies are refused before parsing (no vendor sample nests beyond 4).
    static let maxDepth = 32

    /// The decoded value, or nil for empty, malformed or too deeply nested input.
    static func parse(_ body: [UInt8]) -> Any? {
        guard !body.isEmpty, depth(of: body) <= maxDepth else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
    }

    /// A JSON object body, or nil.
    static func object(_ body: [UInt8]) -> [String: Any]? { parse(body) as? [String: Any] }

    /// The deepest nesting of `[` / `{` outside strings.
    static func depth(of body: [UInt8]) -> Int {
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        for byte in body {
            if inString {
                if escaped { escaped = false } else if byte == 92 { escaped = true } else if byte == 34 { inString = false }
                continue
            }
            switch byte {
            case 34: inString = true
            case 91, 123:
                depth += 1
                deepest = max(deepest, depth)
            case 93, 125: depth -= 1
            default: break
            }
        }
        return deepest
    }

    /// A string field: `.missing` when absent or null, `.wrongType` when not a string.
    enum Text: Equatable {
        case missing
        case wrongType
        case value(String)
    }

    /// Reads `name` of an object as text.
    static func text(_ object: [String: Any], _ name: String) -> Text {
        guard let raw = object[name], !(raw is NSNull) else { return .missing }
        guard let text = raw as? String else { return .wrongType }
        return .value(text)
    }

    /// A JSON number or boolean as Foundation gives it: true when `value` is a boolean.
    static func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }
}
