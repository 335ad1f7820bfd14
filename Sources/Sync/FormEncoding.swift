import Foundation

/// `application/x-www-form-urlencoded` bodies and query strings (seed 001 POSTs send form fields).
public enum FormEncoding {
    /// Characters left as they are: RFC 3986 unreserved.
    private static let unreserved: Set<UInt8> = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))

    /// Percent-encodes one name or value (space as `%20`, which every form decoder accepts).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if unreserved.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// `a=1&b=2` in the given order.
    public static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }

    /// Pairs of a dictionary, sorted by name so bodies are stable.
    public static func encode(_ fields: [String: String]) -> String {
        encode(fields.keys.sorted().map { ($0, fields[$0] ?? "") })
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
