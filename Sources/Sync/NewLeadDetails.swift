import Core
import Foundation
import Store

/// A list page's leads that no link holds yet, written once with their details (issue 8 §3):
/// their details are fetched first, then the page's changed rows, the new leads with their
/// details (fields, notes, activities), their detail freshness and the page position go in one
/// transaction. A new lead was inserted by its list row and rewritten by its detail before: two
/// writes of the row, its link, indexes and search row. A kill -9 before the commit leaves the
/// page as it was (the scan resumes at it); after it, nothing of the page is fetched again.
struct NewLeadDetails {
    let context: SyncContext
    let provider: any LeadPullingProvider

    var store: LeadStore { context.store }
    var key: String { context.providerKey }

    /// Details between two progress reports (the status bar's "syncing N of M").
    static let progressEvery = 25

    /// A new lead's detail combined with its list row (`combined`), and the push mark read
    /// before the detail's request. The row is not kept: a first pull holds several pages of these.
    struct Found: Sendable {
        var mark: PushMark
        var detail: RemoteLeadDetail
    }

    /// What `fetch` got: the details found, and the rows whose detail the server did not return
    /// (they are applied from their list row, as before).
    struct Fetched: Sendable {
        var found: [Found] = []
        var withoutDetail: [RemoteLead] = []
    }

    /// Fetches the details of `leads`, `options.concurrency` at a time, in the leads' order.
    func fetch(_ leads: [RemoteLead]) async throws -> Fetched {
        guard !leads.isEmpty else { return Fetched() }
        // Read before the requests it guards (see DetailFetcher).
        let mark = try store.pushMark()
        let width = context.options.concurrency
        let provider = self.provider
        var details = [RemoteLeadDetail?](repeating: nil, count: leads.count)
        var finished = 0
        context.progress(.fetchingDetails, done: 0, total: leads.count)  // the status bar counts them, not "0 of 0"
        try await BoundedRequests.run(count: leads.count, width: width, start: { index in
            let remoteId = leads[index].remoteId
            return { (index, try await provider.leadDetail(remoteId: remoteId)) }
        }, received: {
            details[$0.0] = $0.1
            finished += 1
            if finished % Self.progressEvery == 0 || finished == leads.count {
                context.progress(.fetchingDetails, done: finished, total: leads.count)
            }
        })
        var fetched = Fetched()
        for (row, detail) in zip(leads, details) {
            if let detail { fetched.found.append(Found(mark: mark, detail: Self.combined(row, detail))) } else { fetched.withoutDetail.append(row) }
        }
        return fetched
    }

    /// In one transaction: `changed` (list rows, as `applyRemoteLeads`), the new leads with their
    /// details, their detail freshness and `syncState`. Returns the outcomes of `changed` and the
    /// new leads as applied (their hash: the row's LIST part and the detail's DETAIL part).
    func apply(_ changed: [RemoteLead], readAt: PushMark, details: [Found],
               syncState: [String: String]) throws -> ([RemoteApplyOutcome], [RemoteLead]) {
        let store = self.store
        let fetcher = DetailFetcher(context: context, provider: provider)
        let result: ([RemoteApplyOutcome], [RemoteLead]) = try store.applyingRemoteDetails {
            let outcomes = try store.applyRemoteLeads(provider: key, changed, syncState: syncState, readAt: readAt)
            var ids: [Int64] = []
            var applied: [RemoteLead] = []
            for found in details {
                let detail = found.detail
                if let id = try fetcher.apply(detail, readAt: found.mark) {
                    ids.append(id)
                    applied.append(detail.lead)
                }
            }
            try store.markDetailsFetched(provider: key, localIds: ids, at: context.clock.now())
            return (outcomes, applied)
        }
        if !details.isEmpty { context.progress { $0.detailsFetched += details.count } }
        return result
    }

    /// The detail as the old two writes left it: the detail's fields over the row's (a detail
    /// without a list field keeps the row's), the row's LIST hash part (what the next scan
    /// compares) with the detail's DETAIL part, the row's creation date, the detail's update date.
    static func combined(_ row: RemoteLead, _ detail: RemoteLeadDetail) -> RemoteLeadDetail {
        var result = detail
        for (field, value) in row.fields where result.lead.fields[field] == nil { result.lead.fields[field] = value }
        let parts = detail.lead.contentHash.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let detailPart = parts.count == 2 ? String(parts[1]) : "-"
        result.lead.contentHash = String(LeadHash.listPart(row.contentHash)) + "/" + detailPart
        result.lead.createdAt = row.createdAt ?? detail.lead.createdAt  // the list row's insert kept its own
        if result.lead.updatedAt == nil { result.lead.updatedAt = row.updatedAt }
        return result
    }
}
