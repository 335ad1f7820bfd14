import Core
import Foundation
import Store

/// Marks and bulk edits. Bulk actions work on the marked leads, or on the selected lead when
/// none is marked; each is one Store transaction writing the records and their outbox entries.
extension LeadListViewModel {
    /// toggle-mark: marks or unmarks the selected lead.
    public mutating func toggleMark() {
        guard let id = selectedId else { return }
        if marked.remove(id) == nil { marked.insert(id) }
    }

    /// Marks every lead on screen.
    public mutating func markVisible() {
        marked.formUnion(rows.map(\.id))
        inform("\(marked.count) marked")
    }

    /// mark-all: marks every lead passing the filter, up to `markCap` (keyset pages, says so when capped).
    public mutating func markAll() {
        do {
            var cursor: LeadCursor?
            var added = 0
            var more = false
            while added < Self.markCap {
                let limit = min(500, Self.markCap - added)
                let page = try cursor.map { try store.leads(filter: filter, sort: sort, after: $0, limit: limit) }
                    ?? store.leads(filter: filter, sort: sort, limit: limit)
                for row in page { marked.insert(row.id) }
                added += page.count
                guard page.count == limit, let last = page.last else { break }
                cursor = last.cursor
            }
            if added == Self.markCap, let last = cursor ?? rows.last?.cursor {
                more = !(try store.leads(filter: filter, sort: sort, after: last, limit: 1)).isEmpty
            }
            if more {
                complain("Marked the first \(Self.markCap) leads only (the mark cap); narrow the filter to mark the rest")
            } else {
                inform("Marked \(added) leads")
            }
        } catch {
            report(error, doing: "Marking leads")
        }
    }

    /// clear-marks: unmarks everything.
    public mutating func clearMarks() { marked.removeAll() }

    /// The leads a bulk action works on: the marked ones (in id order), else the selected one.
    public var actionTargets: [Int64] {
        if !marked.isEmpty { return marked.sorted() }
        return selectedId.map { [$0] } ?? []
    }

    /// set-status STATUS on the targets (one transaction, an outbox entry per changed lead).
    public mutating func setStatus(_ status: LeadStatus) {
        let ids = actionTargets
        guard !ids.isEmpty else { return complain("No lead selected") }
        do {
            try store.setStatus(status, forLeads: ids)
            let usedMarks = !marked.isEmpty
            if usedMarks { marked.removeAll() }
            reload()
            inform(ids.count == 1 && !usedMarks ? "Status set to \(status.rawValue)"
                   : "Status set to \(status.rawValue) on \(ids.count) leads")
        } catch {
            report(error, doing: "Setting the status")
        }
    }

    /// assign OWNER to the targets; refuses an unknown username with seed 001's "Assignee not found.".
    public mutating func assign(_ owner: String) {
        let name = TextSanitizerBridge.line(owner).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return complain("assign: \(VendorMessages.blank)") }
        let ids = actionTargets
        guard !ids.isEmpty else { return complain("No lead selected") }
        do {
            let users = try store.users()
            if !users.isEmpty && !users.contains(where: { $0.username == name }) {
                return complain("assign: \(VendorMessages.assigneeNotFound)")
            }
            try store.assign(name, toLeads: ids)
            if !marked.isEmpty { marked.removeAll() }
            reload()
            inform(ids.count == 1 ? "Assigned to \(name)" : "Assigned \(ids.count) leads to \(name)")
        } catch {
            report(error, doing: "Assigning")
        }
    }

    /// delete: asks first — sets `pendingConfirmation`; nothing is deleted until `confirm()`.
    public mutating func delete() {
        let ids = actionTargets
        guard !ids.isEmpty else { return complain("No lead selected") }
        let what = ids.count == 1 && marked.isEmpty
            ? "'\(selectedLead.map { TextSanitizerBridge.line($0.name) } ?? "lead")'" : "\(ids.count) leads"
        pendingConfirmation = PendingConfirmation(action: .deleteLeads(ids), prompt: "Delete \(what)? (y/n)")
    }

    /// Yes to `pendingConfirmation`: runs it.
    public mutating func confirm() {
        guard let pending = pendingConfirmation else { return }
        pendingConfirmation = nil
        switch pending.action {
        case .deleteLeads(let ids):
            do {
                try store.deleteLeads(ids)
                marked.subtract(ids)
                reload()
                inform(ids.count == 1 ? "Deleted 1 lead" : "Deleted \(ids.count) leads")
            } catch {
                report(error, doing: "Deleting")
            }
        case .discardChange(let entryId):
            do {
                try store.discardOutboxEntry(entryId)
                reload()
                inform("Discarded the change")
            } catch {
                report(error, doing: "Discarding")
            }
        case .retryChange(let entryId):
            do {
                try store.retryRejectedOutboxEntry(entryId)
                reload()
                inform("Queued again")
            } catch {
                report(error, doing: "Retrying")
            }
        }
    }

    /// No to `pendingConfirmation`: nothing happens.
    public mutating func cancelConfirmation() {
        guard pendingConfirmation != nil else { return }
        pendingConfirmation = nil
        inform("Cancelled")
    }
}
