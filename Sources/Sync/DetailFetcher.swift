import Core
import Foundation
import Store

/// Fetches lead details (all fields, notes, activities) and applies them. Before notes are applied,
/// a note create that may already have reached the server is linked to its remote twin, so the
/// pull never copies it as a second local note (which would make the push send it again).
struct DetailFetcher {
    let context: SyncContext
    let provider: any LeadPullingProvider

    var store: LeadStore { context.store }
    var key: String { context.providerKey }

    /// Details applied per transaction (a list page's changed leads at most): fewer commits, and
    /// the batch's B-tree pages and FTS segment are written once.
    static let batchSize = 500

    /// Fetches the details of `leads`, `options.concurrency` at a time, and applies them in
    /// batches (one transaction per batch of up to `batchSize` leads).
    func fetch(_ leads: [(remoteId: String, localId: Int64)]) async throws {
        guard !leads.isEmpty else { return }
        let width = context.options.concurrency
        let provider = self.provider
        var finished = 0
        let store = self.store
        var batch: [(PushMark, RemoteLeadDetail)] = []
        context.progress(.fetchingDetails, done: 0, total: leads.count)
        // The push mark is read before the requests that it guards are started, once per batch
        // (not per request: a read transaction each). An older mark only makes the pushed-after
        // check stricter: such a detail is skipped and stays due.
        var mark = try store.pushMark()
        try await BoundedRequests.run(count: leads.count, width: width, start: { index in
            let remoteId = leads[index].remoteId
            let readAt = mark
            return { try await provider.leadDetail(remoteId: remoteId).map { (readAt, $0) } }
        }, received: { detail in
            if let detail { batch.append(detail) }
            finished += 1
            if batch.count >= Self.batchSize || finished == leads.count {
                try apply(batch)
                batch.removeAll(keepingCapacity: true)
                context.progress(.fetchingDetails, done: finished, total: leads.count)
                mark = try store.pushMark()
            }
        })
        if !batch.isEmpty { try apply(batch) }
    }

    /// Applies several details (each with the push mark read before its request) in one
    /// transaction, their notes' full-text index written once at the end.
    func apply(_ details: [(PushMark, RemoteLeadDetail)]) throws {
        guard !details.isEmpty else { return }
        try store.applyingRemoteDetails {
            // Leads getting their first notes leave the search index in one statement, not one each.
            let bringingNotes = details.filter { !$0.1.notes.isEmpty }.map(\.1.lead.remoteId)
            let linked = try store.linkedLocalIds(provider: key, kind: .lead, remoteIds: bringingNotes)
            try store.deferSearchRows(ofLeadsWithoutNotes: Array(linked.values))
            var ids: [Int64] = []
            for (mark, detail) in details {
                if let id = try apply(detail, readAt: mark) { ids.append(id) }
            }
            try store.markDetailsFetched(provider: key, localIds: ids, at: context.clock.now())
        }
        context.progress { $0.detailsFetched += details.count }
    }

    /// Fetches one lead's detail and applies it; returns false when the lead is gone on the server.
    @discardableResult
    func fetchOne(remoteId: String) async throws -> Bool {
        let mark = try store.pushMark()
        guard let detail = try await provider.leadDetail(remoteId: remoteId) else { return false }
        try apply([(mark, detail)])
        return true
    }

    /// Applies a detail atomically (inside a batch: as part of the batch's transaction, no
    /// savepoint of its own): the lead (detail-only fields included), notes, activities. Returns
    /// the local lead id, or nil when the lead was pushed after `readAt`: the server read this
    /// detail before our values reached it, so its fields and notes may be older than ours; only
    /// its (append-only) activities are taken, and the detail stays due.
    @discardableResult
    func apply(_ detail: RemoteLeadDetail, readAt: PushMark? = nil) throws -> Int64? {
        try store.atomically {
            var lead = detail.lead
            let link = try store.remoteLink(provider: key, kind: .lead, remoteId: lead.remoteId)
            if let link {
                if let readAt, try store.wasPushed(provider: key, kind: .lead, localId: link.localId, after: readAt) {
                    try store.applyRemoteActivities(provider: key, leadId: link.localId, detail.activities)
                    return nil
                }
                // A provider whose detail lacks a list field (seed 001's sample has no owner) keeps the stored one.
                for (field, value) in link.base where lead.fields[field] == nil { lead.fields[field] = value }
                // The LIST part stays what the list scan compares (a hash of the row's bytes); the
                // DETAIL part is the detail's. A re-read detail that changed nothing writes nothing.
                let parts = lead.contentHash.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
                if parts.count == 2, !link.contentHash.isEmpty {
                    lead.contentHash = String(LeadHash.listPart(link.contentHash)) + "/" + parts[1]
                }
            }
            // A lead no link holds is (usually) inserted here: with the touches its records will
            // give it, so the batch end has nothing to widen for it (sync cost, fourth pass).
            let touches = link == nil ? NewLeadTouches(notes: detail.notes, activities: detail.activities) : nil
            let outcome = try store.applyRemoteLead(provider: key, lead, link: link, touches: touches)
            let localId = outcome.localId
            if case .conflicted(_, let fields) = outcome { context.progress { $0.conflicts += fields.count } }
            // Inside a batch the store answers from the batch (the outbox as read at its start).
            if try !store.isOutboxEmpty() { try linkSentNoteCreates(leadId: localId, remote: detail.notes) }
            // "complete" (remove linked local notes the server no longer has) only when some are
            // missing: the store's complete pass scans every note link.
            // A lead inserted just now has no notes, so none can be missing (no query).
            var missing = false
            if case .inserted = outcome {} else {
                let remoteIds = Set(detail.notes.map(\.remoteId))
                missing = try store.linkedRemoteIds(provider: key, kind: .note, leadId: localId).contains { !remoteIds.contains($0) }
            }
            let notes = try store.applyRemoteNotes(provider: key, leadId: localId, detail.notes, complete: missing)
            let activities = try store.applyRemoteActivities(provider: key, leadId: localId, detail.activities)
            if touches != nil, case .inserted = outcome, notes != detail.notes.count || activities != detail.activities.count {
                try store.resetNewLeadTouches(leadId: localId)  // a record went elsewhere: from the rows, as before
            }
            return localId
        }
    }

    /// Links queued note creates that may have been sent to an unlinked remote note with the same text.
    func linkSentNoteCreates(leadId: Int64, remote: [RemoteNote]) throws {
        let creates = try store.outboxEntries(forLead: leadId).filter { $0.kind == .note && $0.op == .create }
        guard !creates.isEmpty else { return }
        var claimed = Set<String>()
        for entry in creates where context.mayHaveBeenSent(entry) {
            guard try store.remoteLink(provider: key, kind: .note, localId: entry.recordId) == nil else { continue }
            let text = entry.payload["note"] ?? ""
            for note in remote where note.text == text && !claimed.contains(note.remoteId) {
                if try store.remoteLink(provider: key, kind: .note, remoteId: note.remoteId) == nil {
                    try store.linkRemote(provider: key, kind: .note, localId: entry.recordId, remoteId: note.remoteId)
                    claimed.insert(note.remoteId)
                    break
                }
            }
        }
    }
}
