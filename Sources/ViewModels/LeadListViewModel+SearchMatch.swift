import Core
import Foundation
import Store

/// `n` / `N`: the next or previous lead matching a search, in the list's own filter and order,
/// wrapping around at the ends as vim and less do.
extension LeadListViewModel {
    /// Moves the selection to the next (`forward`) or previous lead matching `text` within the
    /// current filter; says so when it wraps, and when nothing matches. Returns whether it moved.
    @discardableResult
    public mutating func selectMatch(of text: String, forward: Bool) -> Bool {
        let needle = TextSanitizerBridge.line(text).trimmingCharacters(in: .whitespaces)
        guard !needle.isEmpty else { complain("No previous search (/ searches)"); return false }
        var matching = filter
        matching.search = needle
        do {
            var found: LeadListRow?
            if let current = selectedLead {
                found = forward ? try store.leads(filter: matching, sort: sort, after: current.cursor, limit: 1).first
                    : try store.leads(filter: matching, sort: sort, before: current.cursor, limit: 1).first
            }
            var wrapped = false
            if found == nil {
                found = forward ? try store.leads(filter: matching, sort: sort, limit: 1).first
                    : try store.lastLeads(filter: matching, sort: sort, limit: 1).first
                wrapped = selectedLead != nil
            }
            guard let target = found else { complain("No leads match '\(needle)'"); return false }
            guard select(leadId: target.id) else { complain("No leads match '\(needle)'"); return false }
            if wrapped { inform(forward ? "Search hit the bottom, continuing at the top: /\(needle)" : "Search hit the top, continuing at the bottom: /\(needle)") }
            return true
        } catch {
            report(error, doing: "Searching")
            return false
        }
    }
}
