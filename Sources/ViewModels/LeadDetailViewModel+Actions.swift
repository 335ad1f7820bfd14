import Core
import Foundation
import Store

/// Detail actions: status, notes, delete, clipboard, edit form, rejected changes, conflicts.
extension LeadDetailViewModel {
    /// set-status STATUS: one Store call (record + outbox), then a reload.
    public mutating func setStatus(_ status: LeadStatus) {
        guard lead != nil, !isDeleted else { return complain("The lead is deleted") }
        do {
            try store.setStatus(status, forLead: leadId)
            reload()
            inform("Status set to \(status.rawValue)")
        } catch {
            report(error, doing: "Setting the status")
        }
    }

    /// add-note TEXT: validated with seed 001's note rules first. Returns the messages (nothing
    /// is saved) when invalid, [] when the note was stored. Surrounding blank lines are trimmed.
    @discardableResult
    public mutating func addNote(_ text: String) -> [String] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let errors = LeadRules.validateNote(trimmed.isEmpty ? text : trimmed)
        guard errors.isEmpty else {
            complain("note: " + errors.joined(separator: " "))
            return errors
        }
        do {
            try store.addNote(toLead: leadId, text: trimmed, author: currentUser, at: now())
            reload()
            inform("Note added")
            return []
        } catch {
            report(error, doing: "Adding the note")
            return [message?.text ?? "Adding the note failed"]
        }
    }

    /// delete: asks first (`pendingConfirmation`); `confirm()` deletes.
    public mutating func delete() {
        guard lead != nil, !isDeleted else { return complain("The lead is deleted") }
        pendingConfirmation = PendingConfirmation(action: .deleteLeads([leadId]), prompt: "Delete '\(title)'? (y/n)")
    }

    /// discard-rejected: asks first, then throws the rejected change away and restores the values
    /// from before it (the Store's discard). `entryId` nil: the oldest rejected change.
    public mutating func discardRejected(entryId: Int64? = nil) {
        guard let change = rejectedChange(entryId) else { return complain("No rejected change to discard") }
        let prompt = change.kind == .lead && change.op == .delete
            ? "Discard the refused delete and keep '\(title)'? (y/n)"
            : "Discard the rejected \(change.kind.rawValue) \(change.op.rawValue) and restore the previous values? (y/n)"
        pendingConfirmation = PendingConfirmation(action: .discardChange(change.entryId), prompt: prompt)
    }

    /// retry on a refused lead delete: asks, then queues the same delete again (the lead is
    /// hidden again until the server answers).
    public mutating func retryRejectedDelete(entryId: Int64? = nil) {
        let deletes = rejectedChanges.filter { $0.kind == .lead && $0.op == .delete }
        guard let change = entryId.map({ id in deletes.first { $0.entryId == id } }) ?? deletes.first else {
            return complain("No refused delete to retry")
        }
        pendingConfirmation = PendingConfirmation(action: .retryChange(change.entryId),
                                                  prompt: "Send the delete of '\(title)' again? (y/n)")
    }

    /// Yes to `pendingConfirmation`.
    public mutating func confirm() {
        guard let pending = pendingConfirmation else { return }
        pendingConfirmation = nil
        do {
            switch pending.action {
            case .deleteLeads(let ids):
                try store.deleteLeads(ids)
                reload()
                inform("Deleted")
            case .deleteSelection(let selection, _):
                try store.deleteLeads(in: selection)
                reload()
                inform("Deleted")
            case .discardChange(let entryId):
                try store.discardOutboxEntry(entryId)
                reload()
                inform(isMissing ? "Discarded: the new lead was removed" : "Discarded: previous values restored")
            case .retryChange(let entryId):
                try store.retryRejectedOutboxEntry(entryId)
                reload()
                inform(isDeleted ? "Delete queued again" : "Queued again")
            }
        } catch {
            report(error, doing: "Confirmed action")
        }
    }

    /// No to `pendingConfirmation`.
    public mutating func cancelConfirmation() {
        guard pendingConfirmation != nil else { return }
        pendingConfirmation = nil
        inform("Cancelled")
    }

    /// copy-email: the e-mail for the clipboard (the UI sends it as OSC 52); nil when empty.
    public mutating func copyEmail() -> ClipboardRequest? { copy(.email, what: "e-mail") }

    /// copy-phone: the phone number for the clipboard; nil when empty.
    public mutating func copyPhone() -> ClipboardRequest? { copy(.phone, what: "phone number") }

    /// edit-lead: opens the form on the current values.
    public mutating func editLead(focus: LeadField? = nil) {
        guard let lead, !isDeleted else { return complain("The lead is deleted") }
        form = LeadFormViewModel(store: store, currentUser: currentUser, editing: lead, focus: focus, now: now)
    }

    /// fix-rejected: opens the form on the first field the server refused, its message shown there;
    /// on a refused delete it offers to send the delete again. `entryId` nil: the oldest rejected lead change.
    public mutating func fixRejected(entryId: Int64? = nil) {
        guard let change = rejectedChange(entryId, leadOnly: true), let lead else {
            return complain("No rejected change of the lead to fix")
        }
        guard change.op != .delete else { return retryRejectedDelete(entryId: change.entryId) }
        form = LeadFormViewModel(store: store, currentUser: currentUser, editing: lead,
                                 serverMessages: change.messagesByWireName, focus: change.fieldMessages.first?.field,
                                 now: now)
    }

    /// save on the open form: validates, writes through the Store, closes the form and reloads on success.
    @discardableResult
    public mutating func saveForm() -> LeadFormViewModel.SaveOutcome? {
        guard var current = form else { return nil }
        let outcome = current.save()
        message = current.message
        if case .saved = outcome {
            form = nil
            reload()
        } else {
            form = current
        }
        return outcome
    }

    /// cancel on the open form: closes it without saving.
    public mutating func cancelForm() {
        guard form != nil else { return }
        form = nil
        inform("Not saved")
    }

    /// The user has seen the conflicts: clears the lead's conflict flag.
    public mutating func acknowledgeConflicts() {
        do {
            try store.clearConflict(leadId: leadId)
            reload()
        } catch {
            report(error, doing: "Clearing the conflict")
        }
    }

    // MARK: - Internal

    func rejectedChange(_ entryId: Int64?, leadOnly: Bool = false) -> RejectedChange? {
        let candidates = leadOnly ? rejectedChanges.filter { $0.kind == .lead } : rejectedChanges
        guard let entryId else { return candidates.first }
        return candidates.first { $0.entryId == entryId }
    }

    mutating func copy(_ field: LeadField, what: String) -> ClipboardRequest? {
        let request = ClipboardRequest(text: lead?.value(of: field) ?? "")
        guard !request.text.isEmpty else {
            complain("No \(what) to copy")
            return nil
        }
        inform("Copied the \(what)")
        return request
    }
}
