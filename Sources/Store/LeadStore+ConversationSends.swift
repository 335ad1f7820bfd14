import Core
import Foundation

/// Closer's own sends (replies, templates, files, follow-up e-mails, transfers, archives): each is
/// a `conversation_events` row with `send_state`, committed before the UI says "queued", so the
/// send queue and the timeline entry are one row (no second copy to drift).
extension LeadStore {
    /// Queues a send: stores it as `queued` and returns it with its id. The caller says "queued"
    /// only after this returns.
    @discardableResult
    public func queueSend(_ send: ConversationEvent) throws -> ConversationEvent {
        try write {
            _ = try requireLead(send.leadId, allowDeleted: false)
            var stored = send
            stored.direction = .outbound
            stored.sendState = .queued
            stored.remoteId = nil
            stored.id = try insertEvent(stored)
            return stored
        }
    }

    /// Sends waiting for the worker, oldest first.
    public func queuedSends(limit: Int = 50) throws -> [ConversationEvent] {
        try locked {
            try db.cached("""
                SELECT \(Self.eventColumns) FROM conversation_events INDEXED BY conversation_events_sends
                WHERE send_state = 'queued' ORDER BY id LIMIT ?
                """).rows([.integer(Int64(limit))]) { Self.readEvent($0, from: 0) }
        }
    }

    /// Sends of any state but `sent` (the status bar's "n unsent"; retry/discard lists).
    public func unsentSends(limit: Int = 200) throws -> [ConversationEvent] {
        try locked {
            try db.cached("""
                SELECT \(Self.eventColumns) FROM conversation_events INDEXED BY conversation_events_sends
                WHERE send_state IN ('queued', 'sending', 'failed', 'unknown') ORDER BY id LIMIT ?
                """).rows([.integer(Int64(limit))]) { Self.readEvent($0, from: 0) }
        }
    }

    /// The worker is about to send: `queued` → `sending`, committed before the request leaves, so
    /// a process killed mid-send leaves `sending` behind (see `recoverInterruptedSends`).
    /// Returns false when the send is no longer queued (discarded, or another worker took it).
    @discardableResult
    public func markSendStarted(_ id: Int64) throws -> Bool {
        try write {
            try db.run("""
                UPDATE conversation_events SET send_state = 'sending', attempts = attempts + 1, updated_at = ?
                WHERE id = ? AND send_state = 'queued'
                """, [.integer(Self.now()), .integer(id)])
            return db.changes == 1
        }
    }

    /// The vendor accepted the send. `remoteId` links it to the interaction it became; an
    /// interaction already pulled under that id is folded into this row (it shows once).
    public func markSendSucceeded(_ id: Int64, remoteId: String?, message: String = "") throws {
        try write {
            guard let send = try conversationEvent(id: id) else { return }
            if let remoteId, let pulled = try db.scalarInt(
                "SELECT id FROM conversation_events WHERE provider = ? AND remote_id = ? AND id <> ?",
                [.text(send.provider), .text(remoteId), .integer(id)]) {
                try db.run("DELETE FROM conversation_events WHERE id = ?", [.integer(pulled)])
                try db.run("DELETE FROM conversation_fts WHERE rowid = ?", [.integer(pulled)])
            }
            try db.run("""
                UPDATE conversation_events SET send_state = 'sent', remote_id = coalesce(?, remote_id), send_message = ?,
                    updated_at = ? WHERE id = ?
                """, [remoteId.map { .text($0) } ?? .null, .text(message), .integer(Self.now()), .integer(id)])
        }
    }

    /// The vendor refused the send: keep it with the server's message (retry or discard).
    public func markSendFailed(_ id: Int64, message: String) throws {
        try setSendState(id, .failed, message: message)
    }

    /// Whether the send took effect cannot be known now: never resent silently.
    public func markSendUnknown(_ id: Int64, message: String) throws {
        try setSendState(id, .unknown, message: message)
    }

    /// After a crash: every send left `sending` becomes `unknown` (it may have reached the vendor).
    /// Returns how many.
    @discardableResult
    public func recoverInterruptedSends() throws -> Int {
        try write {
            try db.run("""
                UPDATE conversation_events SET send_state = 'unknown',
                    send_message = 'interrupted while sending: check before sending again', updated_at = ?
                WHERE send_state = 'sending'
                """, [.integer(Self.now())])
            return db.changes
        }
    }

    /// Puts a failed send back in the queue. An `unknown` one goes back only with
    /// `confirmedNotSent` (the remote was checked, or the user decided); otherwise it throws.
    public func retrySend(_ id: Int64, confirmedNotSent: Bool = false) throws {
        try write {
            guard let send = try conversationEvent(id: id), let state = send.sendState else {
                throw ConversationSendError.noSuchSend(id)
            }
            switch state {
            case .failed: break
            case .unknown where confirmedNotSent: break
            case .unknown:
                throw ConversationSendError.outcomeUnknown(id)
            case .queued, .sending, .sent: return
            }
            try db.run("UPDATE conversation_events SET send_state = 'queued', send_message = '', updated_at = ? WHERE id = ?",
                       [.integer(Self.now()), .integer(id)])
        }
    }

    /// Discards a send that has not gone (queued, failed or unknown); a sent or sending one stays.
    /// Returns whether it was removed.
    @discardableResult
    public func discardSend(_ id: Int64) throws -> Bool {
        try write {
            try db.run("""
                DELETE FROM conversation_events WHERE id = ? AND send_state IN ('queued', 'failed', 'unknown')
                """, [.integer(id)])
            guard db.changes == 1 else { return false }
            try db.run("DELETE FROM conversation_fts WHERE rowid = ?", [.integer(id)])
            return true
        }
    }

    private func setSendState(_ id: Int64, _ state: ConversationSendState, message: String) throws {
        try write {
            try db.run("UPDATE conversation_events SET send_state = ?, send_message = ?, updated_at = ? WHERE id = ?",
                       [.text(state.rawValue), .text(message), .integer(Self.now()), .integer(id)])
        }
    }
}

/// Why a send cannot be retried.
public enum ConversationSendError: Error, Equatable, CustomStringConvertible {
    /// No send with this id (sent and discarded ones are gone).
    case noSuchSend(Int64)
    /// It may already have reached the vendor: check the conversation, or let the user decide.
    case outcomeUnknown(Int64)

    public var description: String {
        switch self {
        case .noSuchSend(let id): return "no send with id \(id)"
        case .outcomeUnknown: return "its outcome is unknown: check the conversation before sending it again"
        }
    }
}
