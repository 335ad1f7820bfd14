import Core
import Foundation
import Store

/// Assigning the open lead, with the same unknown-user check as the list's bulk assign.
extension LeadDetailViewModel {
    /// assign OWNER: refuses a username the database does not know (seed 001's "Assignee not
    /// found." before anything is queued), else one Store call (record + outbox) and a reload.
    public mutating func assign(_ owner: String) {
        let name = TextSanitizerBridge.line(owner).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return complain("assign: \(VendorMessages.blank)") }
        guard lead != nil, !isDeleted else { return complain("The lead is deleted") }
        do {
            let users = try store.users()
            if !users.isEmpty && !users.contains(where: { $0.username == name }) {
                return complain("assign: \(VendorMessages.assigneeNotFound)")
            }
            try store.assign(name, toLeads: [leadId])
            reload()
            inform("Assigned to \(name)")
        } catch {
            report(error, doing: "Assigning the lead")
        }
    }
}
