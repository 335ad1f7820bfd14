import Foundation

/// Tolerant reading of JSONSerialization output: numbers or strings as text, nulls as absent.
enum JSONReader {
    /// The top-level object of `data`, or a `.malformedResponse` error.
    static func object(_ data: Data) throws -> [String: Any] {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw SyncError.malformedResponse("the body is not JSON (\(data.count) bytes)")
        }
        guard let object = parsed as? [String: Any] else {
            throw SyncError.malformedResponse("the body is not a JSON object")
        }
        return object
    }

    /// A string, or a number spelled as text; nil for null, absent or other types.
    static func text(_ value: Any?) -> String? {
        switch value {
        case let string as String: return string
        case let number as NSNumber:
            let double = number.doubleValue
            if double.rounded() == double, abs(double) < 9e15 { return String(Int64(double)) }
            return number.stringValue
        default: return nil
        }
    }

    /// A whole number from a number or numeric text.
    static func int(_ value: Any?) -> Int? {
        switch value {
        case let number as NSNumber: return number.intValue
        case let string as String: return Int(string)
        default: return nil
        }
    }

    /// A number from a number or numeric text.
    static func double(_ value: Any?) -> Double? {
        switch value {
        case let number as NSNumber: return number.doubleValue
        case let string as String: return Double(string)
        default: return nil
        }
    }

    /// An array of objects (non-objects skipped); empty when absent.
    static func objects(_ value: Any?) -> [[String: Any]] {
        (value as? [Any])?.compactMap { $0 as? [String: Any] } ?? []
    }

    /// seed 001 `errors`: field → messages, accepting a single string per field too.
    static func errors(_ value: Any?) -> [String: [String]] {
        guard let object = value as? [String: Any] else { return [:] }
        var out: [String: [String]] = [:]
        for (key, raw) in object {
            if let list = raw as? [Any] {
                out[key] = list.compactMap { text($0) }
            } else if let single = text(raw) {
                out[key] = [single]
            }
        }
        return out
    }
}
