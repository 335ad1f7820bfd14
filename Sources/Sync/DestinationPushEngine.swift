import Core
import Foundation
import Store

/// Sends queued pushes to a destination remote (`LeadPushProvider`), `bulkCreateLimit` leads per
/// request, and records what each lead became there.
///
/// Never twice, never silently lost: the entries of a request are marked in flight (committed)
/// before it is sent. When its answer is lost (timeout, dropped connection, garbled answer,
/// cancelled, or the process killed) on a remote whose creates cannot be looked up
/// (`createRecovery == .none`), the entries become "outcome unknown" and are never resent on
/// their own; on other remotes resending is safe and they go back to pending.
struct DestinationPushEngine {
    let context: SyncContext
    let target: any LeadPushProvider

    static let unknownAfterLostAnswer =
        "Sent, but the answer was lost; this remote cannot be asked whether it took the lead. Resend it or mark it sent (closer push --review)."
    static let unknownAfterCrash =
        "Closer stopped while this was being sent; this remote cannot be asked whether it took the lead. Resend it or mark it sent (closer push --review)."

    var store: LeadStore { context.store }
    var key: String { context.providerKey }

    /// Sends every ready push. Throws the error that stopped it (the remote's refusal, credentials, a transient failure).
    func drain() async throws {
        let limit = context.capabilities.bulkCreateLimit
        var done = 0
        let total = try store.outboxCounts(remote: key)[.pending] ?? 0
        context.progress(.pushing, done: 0, total: total)
        while true {
            try Task.checkCancellation()
            let ready = try store.nextOutboxBatch(limit: max(limit, 100), now: context.clock.now(), remote: key, op: .push)
            if ready.isEmpty { return }
            var index = 0
            while index < ready.count {
                let chunk = Array(ready[index..<min(index + limit, ready.count)])
                index += chunk.count
                try await send(chunk)
                done += chunk.count
                context.progress(.pushing, done: done, total: max(total, done))
            }
        }
    }

    /// One push entry on its own (from the general push engine).
    func sendOne(_ entry: OutboxEntry) async throws {
        try await send([entry], alreadyInflight: true)
    }

    /// One request for `entries` (≤ the batch limit); settles every entry or throws.
    func send(_ entries: [OutboxEntry], alreadyInflight: Bool = false) async throws {
        var leads: [PushedLead] = []
        var sent: [OutboxEntry] = []
        for entry in entries {
            guard let lead = try store.lead(id: entry.recordId) else {
                try store.markOutboxDone(entry.id)  // deleted locally before it was sent: nothing to send
                continue
            }
            var fields: [String: String] = [:]
            for field in LeadField.allCases { fields[field.rawValue] = lead.value(of: field) }
            leads.append(PushedLead(localId: lead.id, fields: fields, metadata: lead.metadata))
            sent.append(entry)
        }
        guard !sent.isEmpty else { return }
        let ids = sent.map(\.id)
        if !alreadyInflight { try store.markOutboxInflight(ids) }  // committed before the request goes out
        let results: [PushResult]
        do {
            results = try await target.push(leads)
        } catch {
            let syncError = (error as? SyncError) ?? (error is CancellationError ? .cancelled : .malformedResponse("\(error)"))
            try settleFailure(syncError, ids: ids)
            throw syncError
        }
        guard results.count == leads.count else {
            try settleFailure(.malformedResponse("\(results.count) results for \(leads.count) leads"), ids: ids)
            throw SyncError.malformedResponse("\(results.count) results for \(leads.count) leads")
        }
        var pushed = 0
        var rejected = 0
        try store.transaction {
            for (entry, (lead, result)) in zip(sent, zip(leads, results)) {
                switch result {
                case .created(let remoteId):
                    try link(lead, remoteId: remoteId ?? "sent:\(lead.localId)")
                    try store.markOutboxDone(entry.id)
                    pushed += 1
                case .existing(let remoteId):
                    try link(lead, remoteId: remoteId)
                    try store.markOutboxDone(entry.id)
                    pushed += 1
                case .rejected(let errors):
                    try store.markOutboxRejected(entry.id, messages: errors.messages)
                    rejected += 1
                }
            }
        }
        context.progress { $0.pushed += pushed; $0.rejected += rejected }
    }

    /// Records the destination's id for the lead (replacing a link another local lead had to it).
    func link(_ lead: PushedLead, remoteId: String) throws {
        try store.linkRemote(provider: key, kind: .lead, localId: lead.localId, remoteId: remoteId,
                             base: ["email": lead.fields["email"] ?? ""])
    }

    /// What a failed request leaves: unknown, pending again, or rejected.
    func settleFailure(_ error: SyncError, ids: [Int64]) throws {
        switch error {
        case .rejected(let errors):
            for id in ids { try store.markOutboxRejected(id, messages: errors.messages) }
        case .unexpectedStatus(let status):
            for id in ids {
                try store.markOutboxRejected(id, messages: ["request": ["Unexpected answer from the server (HTTP \(status))."]])
            }
        case _ where error.mayHaveReachedServer && context.capabilities.createRecovery == .none:
            try store.markOutboxUnknown(ids, message: Self.unknownAfterLostAnswer)
        case .credentialsRejected, .remoteRefused, .rateLimited, .unreachable, .cancelled, .configuration:
            // Not acted on (or safe to resend): back to pending, no attempt counted against it.
            for id in ids { try store.retryOutboxLater(id) }
        default:
            for id in ids { try store.retryOutboxLater(id) }
        }
    }
}
