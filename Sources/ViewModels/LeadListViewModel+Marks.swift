import Core
import Foundation
import Store

/// Marks and bulk edits. Bulk actions work on the marked leads, or on the selected lead when
/// none is marked; each is one Store transaction writing the records and their outbox entries.
///
/// Marks belong to the filter they were made in (`LeadSelection`): mark-all stores the filter
/// itself, so it means every lead the list shows (50,000 of a million included), and a filter
/// change clears the marks and says so. A bulk action and its confirmation count the same leads.
extension LeadListViewModel {
    /// toggle-mark: marks or unmarks the selected lead.
    public mutating func toggleMark() {
        guard let id = selectedId else { return }
        marked.selection.filter = filter
        marked.selection.toggle(id)
        marked.count = max(0, marked.count + (marked.contains(id) ? 1 : -1))
        if marked.isEmpty { marked.count = 0 }
    }

    /// Marks every lead on screen.
    public mutating func markVisible() {
        marked.selection.filter = filter
        marked.selection.insert(contentsOf: rows.map(\.id))
        recountMarks()
        inform("\(Self.leadsText(marked.count)) marked")
    }

    /// mark-all: marks every lead passing the filter (stored as the filter, so any number is cheap).
    public mutating func markAll() {
        marked = LeadMarks(filter: filter)
        marked.selection.everything = true
        recountMarks()
        if marked.count == 0 {
            marked = LeadMarks(filter: filter)
            return complain("No leads to mark")
        }
        inform(marked.count == 1 ? "Marked the 1 lead shown" : "Marked all \(marked.count) leads shown")
    }

    /// clear-marks: unmarks everything.
    public mutating func clearMarks() { marked = LeadMarks(filter: filter) }

    /// set-status STATUS on the targets (one transaction, an outbox entry per changed lead).
    public mutating func setStatus(_ status: LeadStatus) {
        guard let targets = targets() else { return }
        do {
            let count = try store.setStatus(status, forLeadsIn: targets.selection)
            if targets.usedMarks { clearMarks() }
            reload()
            inform(!targets.usedMarks ? "Status set to \(status.rawValue)"
                   : "Status set to \(status.rawValue) on \(Self.leadsText(count))")
        } catch {
            report(error, doing: "Setting the status")
        }
    }

    /// assign OWNER to the targets; refuses an unknown username with seed 001's "Assignee not found.".
    public mutating func assign(_ owner: String) {
        let name = TextSanitizerBridge.line(owner).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return complain("assign: \(VendorMessages.blank)") }
        guard let targets = targets() else { return }
        do {
            let users = try store.users()
            if !users.isEmpty && !users.contains(where: { $0.username == name }) {
                return complain("assign: \(VendorMessages.assigneeNotFound)")
            }
            let count = try store.assign(name, toLeadsIn: targets.selection)
            if targets.usedMarks { clearMarks() }
            reload()
            inform(!targets.usedMarks ? "Assigned to \(name)" : "Assigned \(Self.leadsText(count)) to \(name)")
        } catch {
            report(error, doing: "Assigning")
        }
    }

    /// delete: asks first — sets `pendingConfirmation` with the exact number; nothing is deleted until `confirm()`.
    public mutating func delete() {
        guard let targets = targets() else { return }
        let what = targets.usedMarks
            ? "\(targets.count == 1 ? "the 1 marked lead" : "\(targets.count) marked leads")"
            : "'\(selectedLead.map { TextSanitizerBridge.line($0.name) } ?? "lead")'"
        pendingConfirmation = PendingConfirmation(action: .deleteSelection(targets.selection, count: targets.count),
                                                  prompt: "Delete \(what)? (y/n)")
    }

    /// Yes to `pendingConfirmation`: runs it.
    public mutating func confirm() {
        guard let pending = pendingConfirmation else { return }
        pendingConfirmation = nil
        switch pending.action {
        case .deleteLeads(let ids):
            runDelete(LeadSelection(filter: filter, ids: Set(ids)), usedMarks: false)
        case .deleteSelection(let selection, _):
            runDelete(selection, usedMarks: selection == marked.selection && !marked.isEmpty)
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

    // MARK: - Internal

    /// What a bulk action works on: the marks (counted now), else the selected lead; nil (and a
    /// message) when that is nothing.
    mutating func targets() -> (selection: LeadSelection, count: Int, usedMarks: Bool)? {
        if !marked.isEmpty {
            recountMarks()
            guard marked.count > 0 else {
                clearMarks()
                complain("The marked leads are no longer in this list: marks cleared")
                return nil
            }
            return (marked.selection, marked.count, true)
        }
        guard let id = selectedId else {
            complain("No lead selected")
            return nil
        }
        return (LeadSelection(filter: filter, ids: [id]), 1, false)
    }

    mutating func runDelete(_ selection: LeadSelection, usedMarks: Bool) {
        do {
            let count = try store.deleteLeads(in: selection)
            if usedMarks { clearMarks() }
            reload()
            inform("Deleted \(Self.leadsText(count))")
        } catch {
            report(error, doing: "Deleting")
        }
    }

    /// Re-counts the marked leads the filter shows (after marking, or when the data changed).
    mutating func recountMarks() {
        guard !marked.isEmpty else { return marked.count = 0 }
        do {
            marked.selection.filter = filter
            marked.count = try store.countLeads(in: marked.selection)
        } catch {
            report(error, doing: "Counting the marked leads")
        }
    }

    /// Says that a filter change cleared `count` marks.
    mutating func informMarksCleared(_ count: Int) {
        inform("Filter changed: \(Self.marksText(count)) cleared")
    }

    /// "1 lead", "3 leads".
    static func leadsText(_ count: Int) -> String { count == 1 ? "1 lead" : "\(count) leads" }

    /// "1 mark", "3 marks".
    static func marksText(_ count: Int) -> String { count == 1 ? "1 mark" : "\(count) marks" }
}
