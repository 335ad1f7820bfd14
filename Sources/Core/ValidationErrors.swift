/// Messages per field, in the order they were found: seed 001's `errors` object (`{"email": ["Invalid email."]}`).
public struct ValidationErrors: Sendable, Equatable, CustomStringConvertible {
    public private(set) var fieldOrder: [String] = []
    public private(set) var messages: [String: [String]] = [:]

    public init() {}

    /// Builds from a decoded `errors` object (fields sorted for a stable order).
    public init(_ dictionary: [String: [String]]) {
        for key in dictionary.keys.sorted() {
            for message in dictionary[key] ?? [] { add(key, message) }
        }
    }

    public var isEmpty: Bool { fieldOrder.isEmpty }

    /// The messages for one field (wire name), empty when it is fine.
    public subscript(field: String) -> [String] { messages[field] ?? [] }

    public mutating func add(_ field: String, _ message: String) {
        if messages[field] == nil { fieldOrder.append(field) }
        messages[field, default: []].append(message)
    }

    public mutating func merge(_ other: ValidationErrors) {
        for field in other.fieldOrder {
            for message in other[field] { add(field, message) }
        }
    }

    /// `field: message` pairs in order, one per message.
    public var lines: [String] {
        fieldOrder.flatMap { field in self[field].map { "\(field): \($0)" } }
    }

    public var description: String { lines.joined(separator: "; ") }
}
