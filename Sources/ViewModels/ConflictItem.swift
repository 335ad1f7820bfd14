import Core
import Foundation
import Store

/// A field that changed on both sides: the local value kept and the server's value, read from a
/// "conflict" activity the Store wrote (`recordConflict`).
public struct ConflictItem: Sendable, Equatable {
    /// The activity it came from.
    public let activityId: Int64
    /// The field, when the title is a known one.
    public let field: LeadField?
    /// The field's label as recorded ("E-mail").
    public let title: String
    /// The value kept locally (will be pushed), sanitised.
    public let localValue: String
    /// The value the server had, sanitised.
    public let remoteValue: String
    public let createdAt: Date

    /// Parses the Store's conflict text: `TITLE changed on both sides: kept "LOCAL", server had "REMOTE"`.
    /// Nil for an activity that is not a conflict or does not have that shape.
    public init?(_ activity: Activity) {
        guard activity.type == "conflict" else { return nil }
        let text = activity.text
        let middle = " changed on both sides: kept \""
        let separator = "\", server had \""
        guard let titleEnd = text.range(of: middle),
              let split = text.range(of: separator, options: .backwards, range: titleEnd.upperBound..<text.endIndex),
              text.hasSuffix("\""), split.upperBound <= text.index(before: text.endIndex)
        else { return nil }
        let title = String(text[text.startIndex..<titleEnd.lowerBound])
        activityId = activity.id
        self.title = TextSanitizerBridge.line(title)
        field = LeadField.allCases.first { $0.title == title }
        localValue = TextSanitizerBridge.line(String(text[titleEnd.upperBound..<split.lowerBound]))
        remoteValue = TextSanitizerBridge.line(String(text[split.upperBound..<text.index(before: text.endIndex)]))
        createdAt = activity.createdAt
    }
}
