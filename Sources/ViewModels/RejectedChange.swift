import Core
import Foundation
import Store

/// A change the server refused, with its messages mapped to the lead's fields.
public struct RejectedChange: Sendable, Equatable {
    /// The outbox entry (pass to fix / discard).
    public let entryId: Int64
    public let kind: RecordKind
    public let op: OutboxOp
    public let recordId: Int64
    /// Messages per lead field, in form order (seed 001 wire keys mapped: `assignee` → owner).
    public let fieldMessages: [(field: LeadField, messages: [String])]
    /// Messages not about a lead field (`request`, `note`, `non_field_errors`, ...), as "key: message"
    /// except for `request` and `detail`, which are shown bare. Sanitised.
    public let otherMessages: [String]
    /// The values that were sent (wire keys), sanitised.
    public let proposed: [String: String]
    /// The remote the change was for (nil: not routed yet).
    public let remote: String?
    /// Sent, answer lost, and the remote cannot be asked (providers, issue 8): not a refusal.
    public let outcomeUnknown: Bool

    /// Builds from a rejected outbox entry.
    public init(_ entry: OutboxEntry) {
        entryId = entry.id
        kind = entry.kind
        op = entry.op
        recordId = entry.recordId
        var byField: [(LeadField, [String])] = []
        var other: [String] = []
        let isLead = entry.kind == .lead
        for field in LeadField.allCases where isLead {
            if let messages = entry.serverMessages[field.rawValue], !messages.isEmpty {
                byField.append((field, messages.map(TextSanitizerBridge.line)))
            }
        }
        for key in entry.serverMessages.keys.sorted() where !(isLead && LeadField(rawValue: key) != nil) {
            for message in entry.serverMessages[key] ?? [] {
                let clean = TextSanitizerBridge.line(message)
                other.append(key == "request" || key == "detail" ? clean : "\(TextSanitizerBridge.line(key)): \(clean)")
            }
        }
        fieldMessages = byField.map { (field: $0.0, messages: $0.1) }
        otherMessages = other
        proposed = entry.payload.mapValues(TextSanitizerBridge.line)
        remote = entry.remote.map(TextSanitizerBridge.line)
        outcomeUnknown = entry.state == .unknown
    }

    /// Server messages keyed by wire name, for the form (`LeadFormViewModel(serverMessages:)`).
    public var messagesByWireName: [String: [String]] {
        Dictionary(uniqueKeysWithValues: fieldMessages.map { ($0.field.rawValue, $0.messages) })
    }

    /// One line: "Update rejected — E-mail: Invalid email.".
    public var summary: String {
        if outcomeUnknown {
            return "\(op.rawValue.capitalized) to \(remote ?? "remote"): outcome unknown — " + otherMessages.joined(separator: "; ")
        }
        let what = "\(op.rawValue.capitalized) of \(kind.rawValue) rejected"
        let parts = fieldMessages.map { "\($0.field.title): \($0.messages.joined(separator: " "))" } + otherMessages
        return parts.isEmpty ? what : what + " — " + parts.joined(separator: "; ")
    }

    /// Equal when every part is equal (tuples are compared part by part).
    public static func == (lhs: RejectedChange, rhs: RejectedChange) -> Bool {
        lhs.entryId == rhs.entryId && lhs.kind == rhs.kind && lhs.op == rhs.op && lhs.recordId == rhs.recordId
            && lhs.fieldMessages.map(\.field) == rhs.fieldMessages.map(\.field)
            && lhs.fieldMessages.map(\.messages) == rhs.fieldMessages.map(\.messages)
            && lhs.otherMessages == rhs.otherMessages && lhs.proposed == rhs.proposed
            && lhs.remote == rhs.remote && lhs.outcomeUnknown == rhs.outcomeUnknown
    }
}
