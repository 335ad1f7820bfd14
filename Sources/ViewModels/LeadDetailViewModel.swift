import Core
import Foundation
import Store

/// The lead detail screen: all fields, notes, recent activities, appointments, messages,
/// conflicts and rejected changes, plus the edit form when one is open.
///
/// Like the list, actions never throw: problems become an error `message`.
public struct LeadDetailViewModel: Sendable {
    let store: LeadStore
    public let currentUser: String
    public let leadId: Int64
    /// The clock for notes' time and message expiry.
    public var now: @Sendable () -> Date

    /// The lead as stored (raw values; draw `fields` instead). Nil when not found.
    public internal(set) var lead: Lead?
    /// Fields in form order, sanitised, with rejected messages and pending flags.
    public internal(set) var fields: [DetailField] = []
    /// Newest first.
    public internal(set) var notes: [NoteItem] = []
    /// The newest `recentActivityLimit` activities, newest first.
    public internal(set) var activities: [ActivityItem] = []
    /// By start time.
    public internal(set) var appointments: [AppointmentItem] = []
    /// Oldest first.
    public internal(set) var messages: [MessageItem] = []
    /// Unacknowledged conflicts (local vs server value), newest first; empty unless the lead is flagged.
    public internal(set) var conflicts: [ConflictItem] = []
    /// Changes the server refused, oldest first.
    public internal(set) var rejectedChanges: [RejectedChange] = []
    public internal(set) var syncMark: SyncMark = .none
    /// The lead's prospect / lead ids on the conversation remotes ("zenvia: 69de…"), conversation pane.
    public internal(set) var conversationLinks: [String] = []
    /// Deleted locally (shown read-only; the list no longer has it).
    public internal(set) var isDeleted = false
    /// The lead does not exist (any more).
    public internal(set) var isMissing = false
    /// A destructive action waiting for yes/no.
    public internal(set) var pendingConfirmation: PendingConfirmation?
    /// The latest message.
    public internal(set) var message: StatusMessage?
    /// The open edit form (edit-lead, fix-rejected); the UI edits it in place and calls `saveForm()`.
    public var form: LeadFormViewModel?

    /// How many activities are kept for "recent activities".
    public static let recentActivityLimit = 20

    /// Loads the detail of `leadId`.
    public init(store: LeadStore, leadId: Int64, currentUser: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.leadId = leadId
        self.currentUser = currentUser
        self.now = now
        reload()
    }

    /// The display title: the sanitised name.
    public var title: String { lead.map { TextSanitizerBridge.line($0.displayName) } ?? "Lead not found" }

    /// Re-reads everything from the Store (after a sync, or after an edit).
    public mutating func reload() {
        do {
            guard let detail = try store.leadDetail(id: leadId) else {
                lead = nil
                isMissing = true
                fields = []; notes = []; activities = []; appointments = []; messages = []
                conflicts = []; rejectedChanges = []
                return
            }
            isMissing = false
            show(detail)
        } catch {
            report(error, doing: "Loading the lead")
        }
    }

    func entries(_ detail: LeadDetail) -> (rejected: [RejectedChange], pending: Set<String>) {
        // Outcomes unknown (providers, issue 8) are sync problems too: the user resends or marks them.
        let rejected = detail.outbox.filter { $0.state == .rejected || $0.state == .unknown }.map(RejectedChange.init)
        var pending = Set<String>()
        for entry in detail.outbox where entry.kind == .lead && entry.state != .rejected && entry.op != .delete {
            pending.formUnion(entry.payload.keys)
        }
        return (rejected, pending)
    }

    mutating func show(_ detail: LeadDetail) {
        lead = detail.lead
        syncMark = detail.syncMark
        isDeleted = detail.isDeleted
        let (rejected, pending) = entries(detail)
        rejectedChanges = rejected
        var serverMessages: [LeadField: [String]] = [:]
        for change in rejected where change.kind == .lead {
            for item in change.fieldMessages { serverMessages[item.field, default: []] += item.messages }
        }
        fields = LeadField.allCases.map { field in
            DetailField(field: field, title: field.title, value: TextSanitizerBridge.line(detail.lead.value(of: field)),
                        serverMessages: serverMessages[field] ?? [], isPending: pending.contains(field.rawValue))
        }
        notes = detail.notes.map(NoteItem.init)
        conversationLinks = ((try? store.conversationLinks(leadId: leadId)) ?? []).map {
            TextSanitizerBridge.line($0.remote) + ": " + TextSanitizerBridge.line($0.remoteId)
        }
        activities = detail.activities.prefix(Self.recentActivityLimit).map(ActivityItem.init)
        appointments = detail.appointments.map(AppointmentItem.init)
        messages = detail.messages.map(MessageItem.init)
        conflicts = detail.syncMark == .conflict ? detail.activities.compactMap(ConflictItem.init) : []
    }

    /// The detail field for `field`.
    public func detailField(_ field: LeadField) -> DetailField? { fields.first { $0.field == field } }

    /// Drops the current message.
    public mutating func clearMessage() { message = nil }

    mutating func report(_ error: Error, doing action: String) {
        message = .error(ErrorText.describe(error, doing: action), now: now())
    }

    mutating func inform(_ text: String) { message = .info(text, now: now()) }

    mutating func complain(_ text: String) { message = .error(text, now: now()) }
}
