import Core
import Foundation

/// Applying a lead's remote notes, activities and appointments.
extension LeadStore {
    /// Upserts a lead's remote notes by remote id. With `complete` (the list is every note the
    /// server has for the lead), linked local notes missing from it are removed unless they have
    /// a queued change. Unlinked local notes (queued creates) are never touched. Returns how many
    /// notes were inserted for the lead.
    @discardableResult
    public func applyRemoteNotes(provider: String, leadId: Int64, _ notes: [RemoteNote], complete: Bool = true) throws -> Int {
        try write {
            var seen = Set<String>()
            var inserted = 0
            for note in notes {
                seen.insert(note.remoteId)
                let created = LeadColumns.seconds(note.createdAt)
                if let link = try remoteLink(provider: provider, kind: .note, remoteId: note.remoteId) {
                    guard let local = try self.note(id: link.localId) else { continue }  // deleted locally, queued
                    if local.text != note.text || local.author != note.author || LeadColumns.seconds(local.createdAt) != created,
                       try !hasQueued(.note, link.localId) {
                        try deferNoteFTS(leadId: local.leadId)
                        try db.run("UPDATE notes SET text = ?, author = ?, created = ? WHERE id = ?",
                                   [.text(note.text), .text(note.author), .integer(created), .integer(link.localId)])
                    }
                    continue
                }
                try deferNoteFTS(leadId: leadId)
                try db.run("INSERT INTO notes (lead_id, text, author, created) VALUES (?, ?, ?, ?)",
                           [.integer(leadId), .text(note.text), .text(note.author), .integer(created)])
                // No link holds this remote id (looked up above) and the note is new.
                try linkNewRecord(provider: provider, kind: .note, localId: db.lastInsertRowID, remoteId: note.remoteId)
                inserted += 1
            }
            guard complete else { return inserted }
            let linked = try db.cached("""
                SELECT r.local_id, r.remote_id FROM remote_ids r JOIN notes n ON n.id = r.local_id
                WHERE r.provider = ? AND r.kind = 'note' AND n.lead_id = ?
                """).rows([.text(provider), .integer(leadId)]) { ($0.int64(0), $0.text(1)) }
            for (localId, remoteId) in linked where !seen.contains(remoteId) {
                if try hasQueued(.note, localId) { continue }
                try deferNoteFTS(leadId: leadId)
                try db.run("DELETE FROM notes WHERE id = ?", [.integer(localId)])
                try unlinkRemote(provider: provider, kind: .note, localId: localId)
            }
            return inserted
        }
    }

    /// Adds a lead's remote activities not seen before (by provider + remote id). Read-only records.
    /// Returns how many were inserted.
    @discardableResult
    public func applyRemoteActivities(provider: String, leadId: Int64, _ activities: [RemoteActivity]) throws -> Int {
        try write {
            var inserted = 0
            for activity in activities {
                let stored = ActivityCoding.stored(type: activity.type, text: activity.text)  // size 3
                try db.run("""
                    INSERT INTO activities (lead_id, type, text, created, provider, remote_id) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (provider, remote_id) WHERE remote_id IS NOT NULL DO NOTHING
                    """, [.integer(leadId), .text(stored.type), .text(stored.text),
                          .integer(LeadColumns.seconds(activity.createdAt)), .text(provider), .text(activity.remoteId)])
                inserted += db.changes
            }
            return inserted
        }
    }

    /// Upserts a lead's remote appointments by remote id (local ones with queued changes are kept
    /// as they are). With `complete`, linked appointments of the lead missing from the list are removed.
    public func applyRemoteAppointments(provider: String, leadId: Int64, _ appointments: [RemoteAppointment],
                                        complete: Bool = true) throws {
        try write {
            var seen = Set<String>()
            for remote in appointments {
                seen.insert(remote.remoteId)
                let values: [SQLValue] = [.integer(LeadColumns.seconds(remote.start)), .integer(LeadColumns.seconds(remote.end)),
                                          .text(remote.note), .text(remote.status.rawValue)]
                if let link = try remoteLink(provider: provider, kind: .appointment, remoteId: remote.remoteId) {
                    guard try appointment(id: link.localId) != nil, try !hasQueued(.appointment, link.localId) else { continue }
                    try db.run("UPDATE appointments SET start = ?, end = ?, note = ?, status = ? WHERE id = ?",
                               values + [.integer(link.localId)])
                    continue
                }
                try db.run("INSERT INTO appointments (lead_id, start, end, note, status) VALUES (?, ?, ?, ?, ?)",
                           [.integer(leadId)] + values)
                try linkRemote(provider: provider, kind: .appointment, localId: db.lastInsertRowID, remoteId: remote.remoteId)
            }
            guard complete else { return }
            let linked = try db.cached("""
                SELECT r.local_id, r.remote_id FROM remote_ids r JOIN appointments a ON a.id = r.local_id
                WHERE r.provider = ? AND r.kind = 'appointment' AND a.lead_id = ?
                """).rows([.text(provider), .integer(leadId)]) { ($0.int64(0), $0.text(1)) }
            for (localId, remoteId) in linked where !seen.contains(remoteId) {
                if try hasQueued(.appointment, localId) { continue }
                try db.run("DELETE FROM appointments WHERE id = ?", [.integer(localId)])
                try unlinkRemote(provider: provider, kind: .appointment, localId: localId)
            }
        }
    }

    /// Whether a record has any outbox entry.
    func hasQueued(_ kind: RecordKind, _ recordId: Int64) throws -> Bool {
        if noteFTSDeferral?.outboxEmpty == true { return false }
        return try db.scalarInt("SELECT EXISTS (SELECT 1 FROM outbox WHERE kind = ? AND record_id = ?)",
                         [.text(kind.rawValue), .integer(recordId)]) == 1
    }
}
