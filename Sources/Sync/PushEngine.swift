import Core
import Foundation
import Store

/// Drains the outbox: batches of ready entries (the store hands out at most the first queued entry
/// per record, and holds a lead's other entries back while its create is queued), grouped by lead;
/// leads go `options.concurrency` at a time, the entries of one lead in order.
///
/// Per entry: accepted → done; 400 / 401 "request" → rejected with the server's messages (the local
/// value stays; other records keep flowing); 401 "auth" → everything in flight goes back to pending
/// and the error stops the run; a transient failure the client could not retry away → the entry
/// goes back to pending and the run stops after the batch (the server is unwell; try later).
struct PushEngine {
    let context: SyncContext

    var store: LeadStore { context.store }

    /// Sends every ready entry. Throws `.credentialsRejected` or the first transient error.
    func drain() async throws {
        var pushedTotal = 0
        let total = try pendingCount()
        context.progress(.pushing, done: 0, total: total)
        while true {
            try Task.checkCancellation()
            let batch = try store.nextOutboxBatch(limit: context.options.pushBatchSize, now: context.clock.now(),
                                                   remote: context.providerKey)
            if batch.isEmpty { return }
            try store.markOutboxInflight(batch.map(\.id))
            var groups: [[OutboxEntry]] = []
            var index: [Int64: Int] = [:]
            for entry in batch {
                if let i = index[entry.leadId] { groups[i].append(entry) } else {
                    index[entry.leadId] = groups.count
                    groups.append([entry])
                }
            }
            let results = await send(groups)
            var transient: SyncError?
            var auth: SyncError?
            for (entry, result) in results {
                switch result {
                case .success(let merged):
                    pushedTotal += 1
                    context.progress(.pushing, done: pushedTotal, total: max(total, pushedTotal)) { $0.pushed += 1 + merged }
                case .failure(let error):
                    switch error {
                    case .credentialsRejected, .remoteRefused: auth = auth ?? error
                    case .rejected(let errors):
                        try store.markOutboxRejected(entry.id, messages: errors.messages)
                        context.progress { $0.rejected += 1 }
                    case .unexpectedStatus(let status):
                        try store.markOutboxRejected(entry.id, messages: ["request": ["Unexpected answer from the server (HTTP \(status))."]])
                        context.progress { $0.rejected += 1 }
                    case .cancelled:
                        transient = transient ?? error
                    default:
                        try store.retryOutboxLater(entry.id)
                        transient = transient ?? error
                    }
                }
            }
            if let auth {
                try store.resetInflightOutbox(remote: context.providerKey)
                throw auth
            }
            if let transient {
                try store.resetInflightOutbox(remote: context.providerKey)
                throw transient
            }
        }
    }

    func pendingCount() throws -> Int {
        let counts = try store.outboxCounts(remote: context.providerKey)
        return (counts[.pending] ?? 0) + (counts[.inflight] ?? 0)
    }

    /// Sends the groups, `concurrency` leads at a time. Each result: merged extra entries, or the error.
    func send(_ groups: [[OutboxEntry]]) async -> [(OutboxEntry, Result<Int, SyncError>)] {
        let width = context.options.concurrency
        return await withTaskGroup(of: [(OutboxEntry, Result<Int, SyncError>)].self) { group in
            var results: [(OutboxEntry, Result<Int, SyncError>)] = []
            var next = 0
            var running = 0
            while next < groups.count || running > 0 {
                while next < groups.count && running < width {
                    let entries = groups[next]
                    next += 1
                    running += 1
                    group.addTask { await sendGroup(entries) }
                }
                if let finished = await group.next() {
                    running -= 1
                    results += finished
                }
            }
            return results
        }
    }

    /// One lead's entries in order; after an auth failure the rest are not sent.
    func sendGroup(_ entries: [OutboxEntry]) async -> [(OutboxEntry, Result<Int, SyncError>)] {
        var results: [(OutboxEntry, Result<Int, SyncError>)] = []
        var stop: SyncError?
        for entry in entries {
            if let stop {
                results.append((entry, .failure(stop)))
                continue
            }
            do {
                let merged = try await EntrySender(context: context).send(entry)
                try store.markOutboxDone(entry.id)
                results.append((entry, .success(merged)))
            } catch {
                let syncError = (error as? SyncError) ?? (error is CancellationError ? .cancelled : .malformedResponse("\(error)"))
                if case .credentialsRejected = syncError { stop = syncError }
                if case .remoteRefused = syncError { stop = syncError }
                if case .cancelled = syncError { stop = syncError }
                results.append((entry, .failure(syncError)))
            }
        }
        return results
    }
}
