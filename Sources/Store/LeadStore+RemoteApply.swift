import Core
import Foundation

/// Applying what a provider returned: leads (field-level merge), deletions, conflicts.
extension LeadStore {
    /// Upserts a remote lead by remote id. Unchanged hash: nothing is written. Otherwise, field by
    /// field against the link's base: a field changed only remotely is taken; a field changed
    /// remotely that also has a queued local change keeps the local value and is recorded as a
    /// conflict. An unknown remote id is linked to an unlinked local lead with the same e-mail
    /// (a create whose response was lost), else inserted as a new lead (not queued).
    ///
    /// `readAt`: the push mark read before the request that returned `remote`. When the lead was
    /// pushed after it, the server read `remote` before our values reached it: it is not newer
    /// than what we pushed, so nothing is written (`.unchanged`; the next read is fresh).
    ///
    /// `link`: the remote id's link as the caller just read it in this transaction (a detail
    /// apply has it), so it is not read again.
    ///
    /// `touches`: when the lead is inserted, its touch columns and last activity as the records
    /// about to be applied with it will make them (`NewLeadTouches`), written in the INSERT.
    @discardableResult
    public func applyRemoteLead(provider: String, _ remote: RemoteLead, readAt: PushMark? = nil,
                                link known: RemoteLink? = nil, touches: NewLeadTouches? = nil) throws -> RemoteApplyOutcome {
        try write {
            let linked = try known.map { ($0.localId, $0.contentHash) } ?? linkedHash(provider: provider, remoteId: remote.remoteId)
            if let (localId, hash) = linked {
                if hash == remote.contentHash { return .unchanged(localId: localId) }
                if let readAt, try wasPushed(provider: provider, kind: .lead, localId: localId, after: readAt) {
                    return .unchanged(localId: localId)
                }
                if let local = try lead(id: localId),
                   let link = try known ?? remoteLink(provider: provider, kind: .lead, remoteId: remote.remoteId) {
                    return try merge(remote, into: local, base: link.base, provider: provider)
                }
            }
            if let localId = try unlinkedLead(email: remote.fields[LeadField.email.rawValue], provider: provider) {
                guard let local = try lead(id: localId) else { throw StoreError.notFound(kind: "lead", id: localId) }
                return try merge(remote, into: local, base: nil, provider: provider)
            }
            var lead = Lead(firstName: "", lastName: "", email: "", phone: "", owner: "",
                            createdAt: remote.createdAt ?? Date(), updatedAt: remote.updatedAt)
            for (key, value) in remote.fields {
                if let field = LeadField(rawValue: key) { lead.set(field, to: value) }
            }
            try deferFTSForNewLead()
            try dropLeadInsertTriggersInBatch()
            if let touches {
                try db.run(LeadColumns.insertWithTouchesSQL, LeadColumns.values(lead, touches: touches))
            } else {
                try db.run(LeadColumns.insertSQL, LeadColumns.values(lead))
            }
            let localId = db.lastInsertRowID
            // No link holds this remote id (looked up above) and the lead is new.
            try linkNewRecord(provider: provider, kind: .lead, localId: localId, remoteId: remote.remoteId,
                              base: remote.fields, contentHash: remote.contentHash)
            return .inserted(localId: localId)
        }
    }

    /// Applies a page of remote leads and saves `syncState` in the same transaction (crash-safe
    /// resume). `readAt`: the push mark read before the page was requested (see `applyRemoteLead`).
    @discardableResult
    public func applyRemoteLeads(provider: String, _ leads: [RemoteLead], syncState: [String: String] = [:],
                                 readAt: PushMark? = nil) throws -> [RemoteApplyOutcome] {
        try withDeferredFTS {
            let outcomes = try leads.map { try applyRemoteLead(provider: provider, $0, readAt: readAt) }
            for (key, value) in syncState { try setSyncState(provider: provider, key: key, value: value) }
            return outcomes
        }
    }

    /// The lead was deleted on the server. Without unsent local changes it is deleted locally (and
    /// unlinked); with unsent changes it is kept, flagged "deleted remotely". Returns true when kept.
    @discardableResult
    public func markLeadDeletedRemotely(provider: String, localId: Int64) throws -> Bool {
        try write {
            let queued = try db.scalarInt("SELECT count(*) FROM outbox WHERE lead_id = ?", [.integer(localId)]) ?? 0
            if queued > 0 {
                try db.run("UPDATE leads SET deleted_remotely = 1 WHERE id = ?", [.integer(localId)])
                try addActivity(toLead: localId, type: "deleted-remotely",
                                text: "Deleted on the server; kept here because it has unsent changes")
                return true
            }
            try db.run("UPDATE leads SET deleted = 1, deleted_remotely = 1 WHERE id = ?", [.integer(localId)])
            try unlinkRemote(provider: provider, kind: .lead, localId: localId)
            return false
        }
    }

    /// Records that `field` changed on both sides: an activity of type "conflict" the user sees,
    /// naming the remote value that the local one overwrote, and the lead's conflict flag.
    public func recordConflict(leadId: Int64, field: String, localValue: String, remoteValue: String) throws {
        try write {
            let title = LeadField(rawValue: field)?.title ?? field
            try addActivity(toLead: leadId, type: "conflict",
                            text: "\(title) changed on both sides: kept \"\(localValue)\", server had \"\(remoteValue)\"")
            try db.run("UPDATE leads SET has_conflict = 1 WHERE id = ?", [.integer(leadId)])
        }
    }

    /// Clears a lead's conflict flag (the user has seen it).
    public func clearConflict(leadId: Int64) throws {
        try locked { try db.run("UPDATE leads SET has_conflict = 0 WHERE id = ?", [.integer(leadId)]) }
    }

    // MARK: - Merge

    private func merge(_ remote: RemoteLead, into local: Lead, base: [String: String]?,
                       provider: String) throws -> RemoteApplyOutcome {
        var lead = local
        let localId = local.id
        let queued = try queuedLeadFields(localId)
        var taken: [String] = []
        var conflicts: [String] = []
        for key in remote.fields.keys.sorted() {
            guard let field = LeadField(rawValue: key), let remoteValue = remote.fields[key] else { continue }
            let localValue = lead.value(of: field)
            if remoteValue == localValue { continue }
            if let base, base[key] == remoteValue { continue }  // changed only locally
            if queued.contains(key) {
                if base != nil {
                    try recordConflict(leadId: localId, field: key, localValue: localValue, remoteValue: remoteValue)
                    conflicts.append(key)
                }
                continue
            }
            if lead.set(field, to: remoteValue) { taken.append(key) }
        }
        if !taken.isEmpty {
            lead.updatedAt = remote.updatedAt ?? Date(timeIntervalSince1970: TimeInterval(Self.now()))
            if Set(taken).isSubset(of: ["location", "message"]) {
                // Only detail fields (a detail read): a narrow UPDATE fires no FTS or counts trigger.
                try db.run("UPDATE leads SET location = ?, message = ?, updated = ? WHERE id = ?",
                           [.text(lead.location), .text(lead.message), .integer(LeadColumns.seconds(lead.updatedAt)),
                            .integer(localId)])
            } else {
                try writeLead(lead)
            }
        }
        try linkRemote(provider: provider, kind: .lead, localId: localId, remoteId: remote.remoteId,
                       base: remote.fields, contentHash: remote.contentHash)
        return conflicts.isEmpty ? .updated(localId: localId, fields: taken) : .conflicted(localId: localId, fields: conflicts)
    }

    /// The local id and stored hash of a linked remote lead (no JSON decoding: the common
    /// "unchanged" case of a pull reads just this).
    private func linkedHash(provider: String, remoteId: String) throws -> (Int64, String)? {
        try db.cached("SELECT local_id, hash FROM remote_ids WHERE provider = ? AND kind = 'lead' AND remote_id = ?")
            .firstRow([.text(provider), .text(remoteId)]) { ($0.int64(0), $0.text(1)) }
    }

    /// Fields with a queued (any state) lead create/update.
    private func queuedLeadFields(_ leadId: Int64) throws -> Set<String> {
        if noteFTSDeferral?.outboxEmpty == true { return [] }
        var keys = Set<String>()
        try db.cached("SELECT payload FROM outbox WHERE kind = 'lead' AND record_id = ? AND op != 'delete'")
            .forEachRow([.integer(leadId)]) { keys.formUnion(JSONText.decodeStrings($0.text(0)).keys) }
        return keys
    }

    /// The lowest-id local lead with this e-mail that has no link at `provider`.
    private func unlinkedLead(email: String?, provider: String) throws -> Int64? {
        guard let email, !email.isEmpty else { return nil }
        return try db.scalarInt("""
            SELECT id FROM leads l WHERE \(EmailKeyFunction.exactMatch)
                AND NOT EXISTS (SELECT 1 FROM remote_ids r WHERE r.provider = ?2 AND r.kind = 'lead' AND r.local_id = l.id)
            ORDER BY id LIMIT 1
            """, [.text(email), .text(provider)])  // the e-mail key index (EmailKeyFunction)
    }
}
