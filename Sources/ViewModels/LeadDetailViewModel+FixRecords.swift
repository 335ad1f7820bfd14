import Core
import Foundation
import Store

/// What `x` fixes on a lead's detail when the refused change is not a lead field.
public enum RecordFix: Sendable, Equatable {
    /// A refused note: its text and the server's messages (edit it in a prompt).
    case note(noteId: Int64, text: String, messages: [String])
    /// A refused appointment: its form with the server's messages at their fields.
    case appointment(AppointmentFormViewModel)

    public static func == (lhs: RecordFix, rhs: RecordFix) -> Bool {
        switch (lhs, rhs) {
        case let (.note(a, b, c), .note(d, e, f)): return a == d && b == e && c == f
        case let (.appointment(a), .appointment(b)): return a.mode == b.mode && a.values == b.values
        default: return false
        }
    }
}

/// Fixing refused notes and appointments from a lead's detail (lead fields use `fixRejected`).
extension LeadDetailViewModel {
    /// The first refused note or appointment change of the lead, ready to edit; nil when the
    /// refusals are all about lead fields (or there are none).
    public func rejectedRecordFix(zone: CalendarZone = .current) -> RecordFix? {
        guard !rejectedChanges.contains(where: { $0.kind == .lead }),
              let change = rejectedChanges.first(where: { $0.kind != .lead && $0.op != .delete }) else { return nil }
        let messages = change.otherMessages
        switch change.kind {
        case .note:
            guard let note = try? store.note(id: change.recordId) else { return nil }
            return .note(noteId: note.id, text: note.text, messages: messages)
        case .appointment:
            guard let entry = try? store.calendarEntry(id: change.recordId),
                  let outbox = try? store.outboxEntry(id: change.entryId) else { return nil }
            var server = outbox.serverMessages
            if let request = server.removeValue(forKey: "request") { server["appointment_date", default: []] += request }
            return .appointment(AppointmentFormViewModel(store: store, editing: entry, serverMessages: server, zone: zone, now: now))
        case .lead:
            return nil
        }
    }

    /// Saves the fixed text of a refused note (seed 001: required, ≤ 499) and sends it again.
    /// Returns the problems with the text (empty when saved).
    public mutating func fixRejectedNote(noteId: Int64, text: String) -> [String] {
        let problems = LeadRules.validateNote(text)
        guard problems.isEmpty else { return problems }
        do {
            try store.fixNoteText(id: noteId, text: text)
            inform("Note fixed; queued for sync")
            reload()
            return []
        } catch {
            return [ErrorText.describe(error, doing: "Fixing the note")]
        }
    }
}
