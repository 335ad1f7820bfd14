import Core
import Foundation
import Store

/// One row of the lead list as the UI draws it: every text already sanitised to one line.
public struct LeadListDisplayRow: Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let company: String
    public let status: LeadStatus
    /// The status wire value ("prospect"); the UI colours it by `status`.
    public let statusText: String
    /// The source wire value, "" when none.
    public let sourceText: String
    public let owner: String
    public let lastActivityAt: Date?
    /// "hh:mm" for today (UTC), "yyyy-mm-dd" before, "" when none.
    public let lastActivityText: String
    public let syncMark: SyncMark
    /// One cell for the sync mark: " " none, "*" pending, "!" rejected, "~" conflict, "x" deleted remotely.
    public let syncSymbol: String
    public let isMarked: Bool
    public let isSelected: Bool
    /// The lead's conversation has unread inbound messages (conversation pane).
    public let hasUnread: Bool

    /// Builds the display row of `row`.
    public init(_ row: LeadListRow, isMarked: Bool, isSelected: Bool, now: Date, hasUnread: Bool = false) {
        self.hasUnread = hasUnread
        id = row.id
        name = TextSanitizerBridge.line(row.name)
        company = TextSanitizerBridge.line(row.company)
        status = row.status
        statusText = row.status.rawValue
        sourceText = row.source?.rawValue ?? ""
        owner = TextSanitizerBridge.line(row.owner)
        lastActivityAt = row.lastActivityAt
        lastActivityText = row.lastActivityAt.map { Self.shortDate($0, now: now) } ?? ""
        syncMark = row.syncMark
        syncSymbol = Self.symbol(for: row.syncMark)
        self.isMarked = isMarked
        self.isSelected = isSelected
    }

    /// The one-cell symbol of a sync mark.
    public static func symbol(for mark: SyncMark) -> String {
        switch mark {
        case .none: return " "
        case .pending: return "*"
        case .rejected: return "!"
        case .conflict: return "~"
        case .deletedRemotely: return "x"
        }
    }

    /// "hh:mm" when `date` is on `now`'s UTC day, else "yyyy-mm-dd".
    static func shortDate(_ date: Date, now: Date) -> String {
        let c = WireDate.components(Int64(date.timeIntervalSince1970.rounded(.down)))
        // The same UTC day is the same day number: no calendar arithmetic for `now` on every row.
        if (date.timeIntervalSince1970 / 86_400).rounded(.down) == (now.timeIntervalSince1970 / 86_400).rounded(.down) {
            return pad(c.hour) + ":" + pad(c.minute)
        }
        return String(c.year) + "-" + pad(c.month) + "-" + pad(c.day)
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
