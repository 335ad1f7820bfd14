import Core
import Foundation
import Store

/// The conversation pane of one lead: its merged timeline (newest at the bottom, opening at the
/// end), read by keyset pages into a bounded window (never the whole history), with folding,
/// search, the 24 h messaging window, and sends queued through the store.
///
/// Like the other view models, actions never throw: problems become an error `message`.
public struct ConversationViewModel: Sendable {
    let store: LeadStore
    public let leadId: Int64
    /// The clock (window state, message expiry).
    public var now: @Sendable () -> Date

    /// The lead's sanitised display name ("Lead not found" when missing).
    public internal(set) var title = ""
    /// The loaded part of the timeline, oldest first.
    public internal(set) var items: [ConversationItem] = []
    /// Index into `items` of the selected entry (the last one on opening).
    public internal(set) var selected = 0
    /// Entries older than the window exist.
    public internal(set) var hasOlder = false
    /// Entries newer than the window exist.
    public internal(set) var hasNewer = false
    /// Entries shown unfolded (long entries fold by default).
    public internal(set) var unfolded: Set<TimelineCursor> = []
    /// When the prospect last wrote (the 24 h window runs from it).
    public internal(set) var lastInboundAt: Date?
    /// Where `r` replies: the channel of the newest message (seed 004 `via`), default WhatsApp.
    public internal(set) var replyChannel = "whatsApp"
    /// Matches of the last search, oldest first, and the one shown.
    public internal(set) var matches: [TimelineCursor] = []
    public internal(set) var matchIndex: Int?
    /// The search text of `matches`.
    public internal(set) var searchText = ""
    /// A send whose outcome is unknown, waiting for the user's "send again anyway?".
    public internal(set) var pendingResend: PendingResend?
    /// The latest message for the status bar.
    public internal(set) var message: StatusMessage?

    /// Entries read per page when scrolling reaches an edge of the window.
    public static let pageSize = 100
    /// Entries read when opening or jumping: a screenful at 250×60 (entries take ≥ 2 rows) plus a
    /// margin; the rest comes a page at a time as the selection nears an edge, so opening a
    /// 10,000-event conversation reads and sanitises 40 entries, not 100.
    public static let openPageSize = 40
    /// The most entries kept in memory; pages beyond drop from the far end.
    public static let windowLimit = 400
    /// Load another page when the selection comes this close to an edge of the window.
    static let edgeMargin = 20

    /// Opens the conversation of `leadId` at its newest entry and marks it read (unless `markingRead`
    /// is false: `closer send` queues without reading).
    public init(store: LeadStore, leadId: Int64, markingRead: Bool = true, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.leadId = leadId
        self.now = now
        loadLead()
        jumpToEnd()
        if markingRead { markRead() }
    }

    /// The 24 h messaging window as of now.
    public var window: MessagingWindow { MessagingWindow(lastInboundAt: lastInboundAt, now: now()) }

    /// The selected entry, if any.
    public var selectedItem: ConversationItem? { items.indices.contains(selected) ? items[selected] : nil }

    /// Whether an entry shows unfolded.
    public func isUnfolded(_ item: ConversationItem) -> Bool { unfolded.contains(item.cursor) }

    /// The selected entry is the newest there is (the pane follows new messages).
    public var isAtEnd: Bool { !hasNewer && selected == items.count - 1 }

    // MARK: - Moving

    /// Moves the selection by `delta` entries, loading pages at the window's edges.
    public mutating func move(by delta: Int) {
        guard !items.isEmpty else { return }
        var target = selected + delta
        // Pages load before the selection lands, so a long jump keeps its distance past the window's edge.
        for _ in 0..<8 where target < Self.edgeMargin && hasOlder {
            let before = selected
            loadOlder()
            guard selected != before else { break }
            target += selected - before
        }
        for _ in 0..<8 where target >= items.count - Self.edgeMargin && hasNewer {
            let before = (count: items.count, selected: selected)
            loadNewer()
            guard items.count != before.count || selected != before.selected else { break }
            target += selected - before.selected
        }
        selected = min(max(0, target), items.count - 1)
    }

    /// The newest entry (`G`): the last page.
    public mutating func jumpToEnd() {
        load { store, id in try store.timeline(leadId: id, before: .end, limit: Self.openPageSize) }
        hasNewer = false
        hasOlder = items.count == Self.openPageSize
        selected = max(0, items.count - 1)
    }

    /// The oldest entry (`g`): the first page.
    public mutating func jumpToStart() {
        load { store, id in try store.timeline(leadId: id, after: .start, limit: Self.openPageSize) }
        hasOlder = false
        hasNewer = items.count == Self.openPageSize
        selected = 0
    }

    /// Shows the entry at `cursor` with a page on each side.
    public mutating func jump(to cursor: TimelineCursor) {
        let half = Self.openPageSize / 2
        var older: [TimelineEntry] = [], newer: [TimelineEntry] = []
        load { store, id in
            older = try store.timeline(leadId: id, before: cursor, limit: half, inclusive: true)
            newer = try store.timeline(leadId: id, after: cursor, limit: half)
            return older + newer
        }
        hasOlder = older.count == half
        hasNewer = newer.count == half
        selected = items.firstIndex { $0.cursor == cursor } ?? max(0, older.count - 1)
    }

    /// Folds or unfolds the selected entry (Enter).
    public mutating func toggleFold() {
        guard let item = selectedItem else { return }
        if unfolded.contains(item.cursor) { unfolded.remove(item.cursor) } else { unfolded.insert(item.cursor) }
    }

    /// Re-reads the window (after sync or a send): follows the end when the selection was there,
    /// otherwise stays on the selected entry.
    public mutating func reload() {
        loadLead()
        if isAtEnd || items.isEmpty {
            jumpToEnd()
        } else if let cursor = selectedItem?.cursor {
            jump(to: cursor)
        }
        markRead()
    }

    // MARK: - Search

    /// Finds `text` in this conversation and shows the newest match (`/` in the pane).
    public mutating func search(_ text: String) {
        searchText = text
        do {
            matches = try store.searchTimeline(leadId: leadId, text: text)
        } catch {
            return report(error, doing: "Searching the conversation")
        }
        guard let last = matches.last else {
            matchIndex = nil
            return complain("Not found in this conversation: \(text)")
        }
        matchIndex = matches.count - 1
        jump(to: last)
        inform("\(matches.count) match\(matches.count == 1 ? "" : "es") in this conversation")
    }

    /// The next (`n`, newer) or previous (`N`, older) match, wrapping around.
    public mutating func nextMatch(forward: Bool) {
        guard !matches.isEmpty else { return complain("No search: / searches this conversation") }
        let current = matchIndex ?? matches.count - 1
        let next = (current + (forward ? 1 : -1) + matches.count) % matches.count
        matchIndex = next
        jump(to: matches[next])
        inform("match \(next + 1) of \(matches.count)")
    }

    // MARK: - Internal

    mutating func loadLead() {
        do {
            let lead = try store.lead(id: leadId)
            title = lead.map { TextSanitizerBridge.line($0.displayName) } ?? "Lead not found"
            lastInboundAt = try store.lastInboundAt(leadId: leadId)
            replyChannel = try store.lastMessageChannel(leadId: leadId) ?? "whatsApp"
        } catch {
            report(error, doing: "Loading the conversation")
        }
    }

    mutating func load(_ read: (LeadStore, Int64) throws -> [TimelineEntry]) {
        do {
            let name = title
            items = try read(store, leadId).map { ConversationItem($0, leadName: name) }
        } catch {
            items = []
            report(error, doing: "Loading the conversation")
        }
    }

    mutating func loadOlder() {
        guard let first = items.first else { return }
        do {
            let name = title
            let page = try store.timeline(leadId: leadId, before: first.cursor, limit: Self.pageSize)
            hasOlder = page.count == Self.pageSize
            items = page.map { ConversationItem($0, leadName: name) } + items
            selected += page.count
            let excess = items.count - Self.windowLimit
            if excess > 0 {
                items.removeLast(excess)
                hasNewer = true
            }
        } catch {
            report(error, doing: "Loading older messages")
        }
    }

    mutating func loadNewer() {
        guard let last = items.last else { return }
        do {
            let name = title
            let page = try store.timeline(leadId: leadId, after: last.cursor, limit: Self.pageSize)
            hasNewer = page.count == Self.pageSize
            items += page.map { ConversationItem($0, leadName: name) }
            let excess = items.count - Self.windowLimit
            if excess > 0 {
                items.removeFirst(excess)
                selected -= excess
                hasOlder = true
            }
        } catch {
            report(error, doing: "Loading newer messages")
        }
    }

    mutating func markRead() {
        do { try store.markConversationRead(leadId: leadId) } catch { report(error, doing: "Marking the conversation read") }
    }

    /// Drops the current message.
    public mutating func clearMessage() { message = nil }

    mutating func report(_ error: Error, doing action: String) {
        message = .error(ErrorText.describe(error, doing: action), now: now())
    }

    mutating func inform(_ text: String) { message = .info(text, now: now()) }

    mutating func complain(_ text: String) { message = .error(text, now: now()) }
}

/// A send whose outcome is unknown, and the question put to the user before sending it again.
public struct PendingResend: Sendable, Equatable {
    /// The send (conversation event id).
    public let eventId: Int64
    /// e.g. "Outcome unknown: it may have been delivered. Send again anyway? (y/n)".
    public let prompt: String
}
