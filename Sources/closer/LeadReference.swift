import Store

/// Resolves what a user types for a lead on the command line: a local id or an e-mail address.
enum LeadReference {
    /// The lead id for `text` (an id, or an e-mail matching exactly one live lead).
    static func resolve(_ text: String, store: LeadStore, command: String) throws -> Int64 {
        if let id = Int64(text), id > 0 {
            guard try store.lead(id: id) != nil else { throw CommandFailure(command, "no lead with id \(id)") }
            return id
        }
        guard text.contains("@") else {
            throw UsageError("'\(text)' is neither a lead id nor an e-mail address", command: command)
        }
        let ids = try store.leadIds(withEmail: text)
        switch ids.count {
        case 0: throw CommandFailure(command, "no lead with e-mail \(text)")
        case 1: return ids[0]
        default:
            throw CommandFailure(command, "\(ids.count) leads have e-mail \(text) (ids \(ids.map(String.init).joined(separator: ", "))): give an id")
        }
    }
}
