import Core
import Foundation
import Store

/// Pulls leads: pages the whole list (no "updated since" exists), compares each row's hash with
/// the stored one so unchanged leads cost no writes, applies changed pages together with the page
/// position (crash-safe resume), fetches details of changed leads, and after a complete scan
/// finds leads deleted on the server.
struct PullEngine {
    let context: SyncContext
    static let positionKey = "leads.position"

    var store: LeadStore { context.store }
    let provider: any LeadPullingProvider
    var key: String { context.providerKey }

    /// New leads of a scan's first page stored with their details before the rest of the page.
    static let firstChunk = 50

    /// List pages of new leads held (with their details) for one transaction (sync cost, fifth
    /// pass: 4 wrote 0.87 GB instead of 2.46 for a 100k first pull, for ≈ 1.5 MB held per page).
    static let heldPages = 4

    /// New leads held (with their details) before one transaction writes them.
    static func heldLeads(pageSize: Int) -> Int { heldPages * max(1, pageSize) }

    /// One full scan of the lead list (resuming a scan a crash interrupted).
    func pullLeads() async throws {
        let saved = try store.syncState(provider: key, key: Self.positionKey).flatMap { $0.isEmpty ? nil : $0 }
        let position = saved
        // Deletions are only detected by a scan that saw every page in this run.
        var seen: Set<String>? = saved == nil ? [] : nil
        var done = Int(saved ?? "") ?? 0
        context.progress(.pullingLeads, done: done, total: 0)
        let provider = self.provider
        let limit = context.options.pageSize
        // The next page is fetched while this one is compared and written. Each page carries the
        // push mark read before its request: a lead pushed since is not overwritten by the page.
        let fetchRows: @Sendable (String?) async throws -> RemotePage<RemoteLeadRow>
        if let hashed = provider as? any HashedLeadPaging {
            fetchRows = { try await hashed.leadRows(from: $0, limit: limit) }
        } else {
            fetchRows = { position in
                let page = try await provider.leads(from: position, limit: limit)
                return RemotePage(items: page.items.map(RemoteLeadRow.init), next: page.next, total: page.total)
            }
        }
        let store = self.store
        let fetch: @Sendable (String?) async throws -> (PushMark, RemotePage<RemoteLeadRow>) = { position in
            let mark = try store.pushMark()
            return (mark, try await fetchRows(position))
        }
        var pending: Task<(PushMark, RemotePage<RemoteLeadRow>), Error>? = Task { [position] in try await fetch(position) }
        defer { pending?.cancel() }
        // Every link's LIST hash in one pass (while the first page is on its way), not a query per page.
        var stored = try LeadHashIndex(store: store, provider: key)
        var held = HeldPages()
        // While new leads are written, a larger page cache (sync cost, fifth pass); as before after.
        var cache = FirstPullCache(store: store)
        defer { cache.restore() }
        do {
            while let fetching = pending {
                try Task.checkCancellation()
                let (readAt, page) = try await fetching.value
                pending = nil
                if let next = page.next, !page.items.isEmpty {
                    pending = Task { try await fetch(next) }
                }
                var changed: [RemoteLead] = []
                var unlinked: [RemoteLead] = []
                for row in page.items {
                    seen?.insert(row.remoteId)
                    // An unchanged lead: one hash compare, nothing read, decoded or written.
                    if stored.matches(remoteId: row.remoteId, listHash: row.listHash) { continue }
                    guard let lead = row.decode() else { continue }  // not a lead row: skipped, like the slow decoder does
                    // A remote id no link held (a first pull's every row) needs no link query.
                    switch stored.isUnlinked(remoteId: lead.remoteId) ? .unlinked(lead) : try changedLead(lead) {
                    case .unchanged: continue
                    case .changed(let candidate): changed.append(candidate)
                    case .unlinked(let candidate):
                        if context.options.detailsForNewLeads { unlinked.append(candidate) } else { changed.append(candidate) }
                    }
                }
                // Only a page whose every row is a new lead is held (a first pull); one with an
                // unchanged or skipped row is a re-scan's, written when it is read.
                let whollyNew = unlinked.count == page.items.count
                // Leads new to this remote are written once, with their details: the page's details
                // are fetched first, then its rows, details and position go in one transaction. The
                // scan's first page first stores a few leads with theirs on their own, so a first
                // pull shows leads after `firstChunk` requests, not a page's worth (a crash before the
                // page commits re-reads it: those leads are linked and unchanged by then, not twice).
                let newLeads = NewLeadDetails(context: context, provider: provider)
                if done == 0, unlinked.count > Self.firstChunk {
                    let early = try await newLeads.fetch(Array(unlinked.prefix(Self.firstChunk)))
                    unlinked.removeFirst(Self.firstChunk)
                    changed += early.withoutDetail
                    if !early.found.isEmpty {
                        let (_, inserted) = try newLeads.apply([], readAt: readAt, details: early.found, syncState: [:])
                        for lead in inserted { stored.update(remoteId: lead.remoteId, listHash: lead.contentHash) }
                        context.progress { $0.leadsPulled += inserted.count }
                    }
                }
                let details = try await newLeads.fetch(unlinked)
                changed += details.withoutDetail
                // Pages full of new leads (a first pull) are held and written several at a time:
                // each transaction rewrites most pages of the randomly keyed indexes, whatever the
                // number of leads in it (sync cost, fifth pass). The position saved is the one after
                // the last page held, so a crash re-reads the held pages, as it re-read one before.
                if whollyNew, !details.found.isEmpty { cache.raise() }
                held.add(changed: changed, found: details.found, readAt: readAt, next: page.next ?? "")
                let flush = page.next == nil || page.items.isEmpty || !changed.isEmpty || !whollyNew
                    || held.found.count >= Self.heldLeads(pageSize: context.options.pageSize)
                if flush, !held.isEmpty {
                    let results = try write(held, into: &stored)
                    held = HeldPages()
                    try await afterApply(results)
                }
                done += page.items.count
                context.progress(.pullingLeads, done: done, total: page.total) { $0.leadsScanned += page.items.count }
            }
        } catch {
            // A request failed (after its retries) or the run was cancelled (quit) while pages were
            // held: their leads and details are complete, so they are written with their position
            // (one short local transaction, no request) before the error ends the scan, not
            // fetched again next time.
            if held.changed.isEmpty, !held.found.isEmpty {
                _ = try? write(held, into: &stored)
            }
            throw error
        }
        if try store.syncState(provider: key, key: Self.positionKey) != nil {
            try store.setSyncState(provider: key, key: Self.positionKey, value: nil)
        }
        if let seen { try await detectDeletions(seen: seen) }
    }

    /// Writes the held pages (changed rows, new leads with their details) and the position after
    /// them in one transaction, checked against the oldest held page's push mark; returns the
    /// changed rows' outcomes (their details come next). Nothing held: nothing written.
    func write(_ held: HeldPages, into stored: inout LeadHashIndex) throws -> [(RemoteLead, RemoteApplyOutcome)] {
        guard let readAt = held.readAt else { return [] }
        let newLeads = NewLeadDetails(context: context, provider: provider)
        let (outcomes, inserted) = try newLeads.apply(
            held.changed, readAt: readAt, details: held.found, syncState: [Self.positionKey: held.next])
        for (lead, outcome) in zip(held.changed, outcomes) {
            if case .unchanged = outcome { continue }  // nothing written (pushed since the read)
            stored.update(remoteId: lead.remoteId, listHash: lead.contentHash)
        }
        for lead in inserted { stored.update(remoteId: lead.remoteId, listHash: lead.contentHash) }
        context.progress { $0.leadsPulled += inserted.count }
        return zip(held.changed, outcomes).map { ($0, $1) }
    }

    /// What a scanned row that the hash index did not match is.
    enum ScannedRow {
        /// Its list hash matches the stored one.
        case unchanged
        /// A linked lead that changed: detail-only fields (seed 001 message, location) are carried
        /// over from the stored base, so they are not lost.
        case changed(RemoteLead)
        /// No link holds its remote id yet (a new lead, or a local one whose create response was lost).
        case unlinked(RemoteLead)
    }

    /// Classifies a row against its link.
    func changedLead(_ lead: RemoteLead) throws -> ScannedRow {
        guard let link = try store.remoteLink(provider: key, kind: .lead, remoteId: lead.remoteId) else { return .unlinked(lead) }
        if LeadHash.sameList(link.contentHash, lead.contentHash) { return .unchanged }
        var carried = lead
        for field in provider.detailOnlyLeadFields {
            if let value = link.base[field] { carried.fields[field] = value }
        }
        return .changed(carried)
    }

    /// Counts what the page did and fetches details of the leads that changed.
    func afterApply(_ results: [(RemoteLead, RemoteApplyOutcome)]) async throws {
        var pulled = 0
        var conflicts = 0
        var needDetail: [(remoteId: String, localId: Int64)] = []
        for (lead, outcome) in results {
            switch outcome {
            case .unchanged: continue
            case .inserted(let id):
                pulled += 1
                if context.options.detailsForNewLeads { needDetail.append((lead.remoteId, id)) }
            case .updated(let id, _):
                pulled += 1
                needDetail.append((lead.remoteId, id))
            case .conflicted(let id, let fields):
                pulled += 1
                conflicts += fields.count
                needDetail.append((lead.remoteId, id))
            }
        }
        context.progress { $0.leadsPulled += pulled; $0.conflicts += conflicts }
        try await DetailFetcher(context: context, provider: provider).fetch(needDetail)
    }

    /// Links the scan did not see: each is confirmed gone with a detail request (a lead can shift
    /// between pages while others are deleted) before it is marked deleted remotely.
    func detectDeletions(seen: Set<String>) async throws {
        var missing: [(String, Int64)] = []
        try store.forEachRemoteLink(provider: key, kind: .lead) { remoteId, localId in
            if !seen.contains(remoteId) { missing.append((remoteId, localId)) }
        }
        for (remoteId, localId) in missing {
            try Task.checkCancellation()
            if try await provider.leadDetail(remoteId: remoteId) == nil {
                try store.markLeadDeletedRemotely(provider: key, localId: localId)
                context.progress { $0.deletedRemotely += 1 }
            }
        }
    }
}
