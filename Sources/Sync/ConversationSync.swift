import Core
import Foundation
import Store

/// The conversation pane's traffic: links leads to Zenvia prospects (`/prospects/search` by e-mail,
/// then phone; `POST /lead` on `:zenvia-create`), pulls their interactions incrementally
/// (`createdAfter` the last seen, through the provider's rate-limited client), and sends Closer's
/// queued sends — never twice: a send whose answer was lost is looked for among the prospect's
/// interactions, and stays "outcome unknown" (the user decides) when it cannot be found.
public struct ConversationSync: Sendable {
    public let store: LeadStore
    public let zenvia: ZenviaProvider?
    public let cleverApp: CleverAppProvider?
    /// The clock of "sent at" comparisons.
    public var now: @Sendable () -> Date = { Date() }

    /// A sync over `store` with the remotes configured (either may be absent).
    public init(store: LeadStore, zenvia: ZenviaProvider?, cleverApp: CleverAppProvider?) {
        self.store = store
        self.zenvia = zenvia
        self.cleverApp = cleverApp
    }

    // MARK: - Linking

    /// The lead's Zenvia prospect: the stored link, else one found by e-mail then phone (and
    /// stored). Nil when Zenvia has none (`:zenvia-create` makes one).
    public func prospectId(forLead leadId: Int64) async throws -> String? {
        guard let zenvia else { return nil }
        if let link = try store.remoteLink(provider: zenvia.providerKey, kind: .lead, localId: leadId) { return link.remoteId }
        guard let lead = try store.lead(id: leadId) else { return nil }
        var found: String? = nil
        if !lead.email.isEmpty { found = try await zenvia.findContact(email: lead.email, phone: nil) }
        if found == nil, !lead.phone.isEmpty { found = try await zenvia.findContact(email: nil, phone: lead.phone) }
        if let found { try store.linkRemote(provider: zenvia.providerKey, kind: .lead, localId: leadId, remoteId: found) }
        return found
    }

    /// `:zenvia-create`: `POST /lead` with `utmSource` from the lead's source (an existing prospect
    /// comes back for a known e-mail/phone), then links it.
    public func createProspect(forLead leadId: Int64) async throws -> String {
        guard let zenvia else { throw SyncError.configuration("no Zenvia remote configured") }
        if let existing = try await prospectId(forLead: leadId) { return existing }
        guard let lead = try store.lead(id: leadId) else { throw SyncError.configuration("no lead \(leadId)") }
        var fields: [String: String] = [:]
        for field in LeadField.allCases { fields[field.rawValue] = lead.value(of: field) }
        fields["source"] = lead.source?.rawValue ?? ""
        let results = try await zenvia.push([PushedLead(localId: leadId, fields: fields)])
        switch results.first {
        case .created(let id?)?, .existing(let id)?:
            try store.linkRemote(provider: zenvia.providerKey, kind: .lead, localId: leadId, remoteId: id)
            return id
        case .rejected(let errors)?: throw SyncError.rejected(errors)
        default: throw SyncError.malformedResponse("POST /lead returned no prospect id")
        }
    }

    // MARK: - Pulling

    /// New interactions of the lead's prospect since the last pull (`createdAfter`), stored.
    /// Returns how many were new; 0 when the lead has no prospect.
    @discardableResult
    public func pull(leadId: Int64) async throws -> Int {
        guard let zenvia, let prospect = try await prospectId(forLead: leadId) else { return 0 }
        let key = "conversation.after.\(leadId)"
        var query: [(String, String)] = []
        if let after = try store.syncState(provider: zenvia.providerKey, key: key) { query.append(("createdAfter", after)) }
        let path = "/prospect/\(try ZenviaProvider.id(prospect))/interactions"
        let response = try await zenvia.client.send("GET", path, query: query, idempotent: true)
        guard let list = try ZenviaProvider.value(response) as? [Any] else {
            throw SyncError.malformedResponse("interactions are not a list")
        }
        let events = list.compactMap { ($0 as? [String: Any]).flatMap { ZenviaInteractionDecoding.event($0, leadId: leadId) } }
        guard !events.isEmpty else { return 0 }
        return try store.transaction {
            let inserted = try store.applyRemoteEvents(events)
            // createdAfter is inclusive on some servers: the newest second is re-read and deduplicated by id.
            let newest = events.map(\.createdAt).max() ?? now()
            try store.setSyncState(provider: zenvia.providerKey, key: key, value: WireDate.formatTimestamp(newest))
            return inserted
        }
    }

    // MARK: - Sending

    /// Sends every queued send once; returns how many went. Failures stay on their entries.
    @discardableResult
    public func sendQueued() async -> Int {
        var sent = 0
        guard let sends = try? store.queuedSends() else { return 0 }
        for send in sends where await self.send(send) { sent += 1 }
        return sent
    }

    /// Sends one queued send: `sending` committed first, then the request, then `sent`,
    /// `failed: <server message>` or `unknown` (the answer was lost). Returns whether it was sent.
    func send(_ send: ConversationEvent) async -> Bool {
        do {
            if send.payload.contains(#""type":"zenvia-create""#) {  // :zenvia-create: POST /lead is idempotent (matching prospect)
                guard try store.markSendStarted(send.id) else { return false }
                let prospect = try await createProspect(forLead: send.leadId)
                try store.markSendSucceeded(send.id, remoteId: nil, message: "linked to Zenvia prospect \(prospect)")
                return true
            }
            let target = try await targetId(for: send)
            guard try store.markSendStarted(send.id) else { return false }
            do {
                let message = try await deliver(send, to: target)
                try store.markSendSucceeded(send.id, remoteId: nil, message: message)
                if send.provider == "zenvia" { try? await matchSentInteraction(send) }
                return true
            } catch let error as SyncError where error.mayHaveReachedServer {
                try store.markSendUnknown(send.id, message: "no answer from the server (\(error)): check before sending again")
                _ = try? await resolveUnknown(send.id)
            } catch let error as SyncError {
                try store.markSendFailed(send.id, message: Self.serverMessage(error))
            }
        } catch let error as SyncError {
            try? store.markSendFailed(send.id, message: Self.serverMessage(error))
        } catch {
            try? store.markSendFailed(send.id, message: "\(error)")
        }
        return false
    }

    /// The remote id a send goes to: the Zenvia prospect, or the CleverApp lead (created first).
    func targetId(for send: ConversationEvent) async throws -> String {
        switch send.provider {
        case "cleverapp":
            guard let cleverApp else { throw SyncError.configuration("no CleverApp remote configured") }
            if let link = try store.remoteLink(provider: cleverApp.providerKey, kind: .lead, localId: send.leadId) { return link.remoteId }
            guard let lead = try store.lead(id: send.leadId) else { throw SyncError.configuration("no lead \(send.leadId)") }
            var fields: [String: String] = [:]
            for field in LeadField.allCases { fields[field.rawValue] = lead.value(of: field) }
            fields["source"] = lead.source?.rawValue ?? ""
            switch try await cleverApp.push([PushedLead(localId: send.leadId, fields: fields)]).first {
            case .created(let id?)?, .existing(let id)?:
                try store.linkRemote(provider: cleverApp.providerKey, kind: .lead, localId: send.leadId, remoteId: id)
                return id
            case .rejected(let errors)?: throw SyncError.rejected(errors)
            default: throw SyncError.malformedResponse("POST /api/leads returned no id")
            }
        default:
            guard zenvia != nil else { throw SyncError.configuration("no Zenvia remote configured") }
            guard let prospect = try await prospectId(forLead: send.leadId) else {
                throw SyncError.remoteRefused("the lead has no Zenvia prospect (:zenvia-create makes one)")
            }
            return prospect
        }
    }

    /// The request of a send, by its payload's type. Returns the vendor's success message, if any.
    func deliver(_ send: ConversationEvent, to target: String) async throws -> String {
        let payload = (try? JSONSerialization.jsonObject(with: Data(send.payload.utf8))) as? [String: String] ?? [:]
        let channel = payload["channel"] ?? send.via.lowercased()
        switch payload["type"] ?? "" {
        case "follow-up":
            guard let cleverApp else { throw SyncError.configuration("no CleverApp remote configured") }
            return try await cleverApp.sendFollowUp(remoteId: target, subject: payload["subject"] ?? send.subject,
                                                    body: payload["body"] ?? send.text)
        case "template":
            var parameters: [String: String] = [:]
            for (key, value) in payload where key.hasPrefix("param.") { parameters[String(key.dropFirst(6))] = value }
            try await zenvia!.sendTemplate(remoteId: target, channel: channel, key: payload["key"] ?? send.template, parameters: parameters)
        case "file":
            let path = payload["path"] ?? ""
            guard let data = FileManager.default.contents(atPath: path) else {
                throw SyncError.remoteRefused("cannot read \(path)")
            }
            try await zenvia!.sendFile(remoteId: target, channel: channel, fileName: (path as NSString).lastPathComponent,
                                       contentType: "application/octet-stream", data: data)
        case "transfer":
            try await zenvia!.transfer(remoteId: target, group: payload["group"], agent: payload["user"])
        case "archive":
            try await zenvia!.archive(remoteId: target, reason: payload["reason"] ?? send.text)
        default:
            try await zenvia!.sendText(remoteId: target, channel: channel, text: payload["content"] ?? send.text)
        }
        return ""
    }

    // MARK: - Never twice

    /// A send whose outcome is unknown: reads the prospect's interactions and, when one of ours with
    /// the same text or template appeared after the send was queued, marks it sent (linked to it).
    /// Otherwise it stays unknown for the user to decide. Returns whether it was found.
    @discardableResult
    public func resolveUnknown(_ id: Int64) async throws -> Bool {
        guard let send = try store.conversationEvent(id: id), send.sendState == .unknown, send.provider == "zenvia",
              let zenvia, let prospect = try await prospectId(forLead: send.leadId) else { return false }
        let response = try await zenvia.client.send("GET", "/prospect/\(try ZenviaProvider.id(prospect))/interactions",
                                                    idempotent: true)
        guard let list = try ZenviaProvider.value(response) as? [Any] else { return false }
        let events = list.compactMap { ($0 as? [String: Any]).flatMap { ZenviaInteractionDecoding.event($0, leadId: send.leadId) } }
        guard let match = Self.match(send, in: events) else { return false }
        try store.markSendSucceeded(id, remoteId: match.remoteId, message: "found in the conversation after a lost answer")
        return true
    }

    /// Links a just-sent message to the interaction it became (so the next pull updates it).
    func matchSentInteraction(_ send: ConversationEvent) async throws {
        guard let zenvia, let prospect = try await prospectId(forLead: send.leadId) else { return }
        let response = try await zenvia.client.send("GET", "/prospect/\(try ZenviaProvider.id(prospect))/interactions",
                                                    idempotent: true)
        guard let list = try ZenviaProvider.value(response) as? [Any] else { return }
        let events = list.compactMap { ($0 as? [String: Any]).flatMap { ZenviaInteractionDecoding.event($0, leadId: send.leadId) } }
        if let match = Self.match(send, in: events) { try store.markSendSucceeded(send.id, remoteId: match.remoteId) }
    }

    /// Our outbound interaction that a send became: same text (or template, or file name), created no
    /// earlier than a minute before the send was queued, not yet linked to another send.
    static func match(_ send: ConversationEvent, in events: [ConversationEvent]) -> ConversationEvent? {
        events.filter { event in
            event.direction == .outbound && event.createdAt >= send.createdAt.addingTimeInterval(-60)
                && ((!send.template.isEmpty && event.template == send.template)
                    || (!send.attachment.isEmpty && event.attachment == send.attachment)
                    || (send.template.isEmpty && send.attachment.isEmpty && event.text == send.text && !send.text.isEmpty)
                    || (send.kind == .transfer && event.kind == .transfer) || (send.kind == .archive && event.kind == .archive))
        }.min { $0.createdAt < $1.createdAt }
    }

    /// The server's own words for a refusal (`WINDOW_CLOSED` shows its message, never swallowed).
    static func serverMessage(_ error: SyncError) -> String {
        if case .rejected(let errors) = error {
            let words = errors.messages.sorted { $0.key < $1.key }.flatMap(\.value)
            if !words.isEmpty { return words.joined(separator: " ") }
        }
        if case .remoteRefused(let message) = error { return message }
        return "\(error)"
    }
}

/// The conversation sync's place in the background cycle.
extension ConversationSync {
    /// Interactions of every linked prospect since the last cycle, in one request
    /// (`GET /prospects/interactions?createdAfter=`): one request a cycle, whatever the number of
    /// leads, so polling stays inside Zenvia's 120 / min shared with the rest of sync.
    @discardableResult
    public func pullAll() async throws -> Int {
        guard let zenvia else { return 0 }
        let key = "conversation.after"
        var query: [(String, String)] = [("limit", "1000")]
        if let after = try store.syncState(provider: zenvia.providerKey, key: key) { query.append(("createdAfter", after)) }
        let response = try await zenvia.client.send("GET", "/prospects/interactions", query: query, idempotent: true)
        guard let list = try ZenviaProvider.value(response) as? [Any] else {
            throw SyncError.malformedResponse("interactions are not a list")
        }
        var events: [ConversationEvent] = []
        var newest: Date?
        for case let object as [String: Any] in list {
            guard let prospect = JSONReader.text(object["prospectId"]),
                  let link = try store.remoteLink(provider: zenvia.providerKey, kind: .lead, remoteId: prospect),
                  let event = ZenviaInteractionDecoding.event(object, leadId: link.localId) else { continue }
            events.append(event)
            newest = max(newest ?? event.createdAt, event.createdAt)
        }
        return try store.transaction {
            let inserted = events.isEmpty ? 0 : try store.applyRemoteEvents(events)
            if let newest { try store.setSyncState(provider: zenvia.providerKey, key: key, value: WireDate.formatTimestamp(newest)) }
            return inserted
        }
    }

    /// Links local leads to Zenvia prospects with the same e-mail (one `GET /prospects?limit=1000`,
    /// at most every 10 minutes), so inbound messages of leads never opened show as unread.
    /// Returns how many leads were newly linked.
    @discardableResult
    public func linkKnownProspects(force: Bool = false) async throws -> Int {
        guard let zenvia else { return 0 }
        let key = "conversation.linked-at"
        let nowSeconds = Int64(now().timeIntervalSince1970)
        if !force, let last = try store.syncState(provider: zenvia.providerKey, key: key).flatMap({ Int64($0) }),
           nowSeconds - last < 600 { return 0 }
        let response = try await zenvia.client.send("GET", "/prospects", query: [("limit", "1000")], idempotent: true)
        guard let list = try ZenviaProvider.value(response) as? [Any] else { throw SyncError.malformedResponse("prospects are not a list") }
        var linked = 0
        try store.transaction {
            for case let prospect as [String: Any] in list {
                guard let id = JSONReader.text(prospect["id"]),
                      try store.remoteLink(provider: zenvia.providerKey, kind: .lead, remoteId: id) == nil else { continue }
                let emails = (prospect["emails"] as? [Any] ?? []).compactMap { JSONReader.text($0) }
                for email in emails {
                    let ids = try store.leadIds(withEmail: email)
                    guard ids.count == 1, try store.remoteLink(provider: zenvia.providerKey, kind: .lead, localId: ids[0]) == nil else { continue }
                    try store.linkRemote(provider: zenvia.providerKey, kind: .lead, localId: ids[0], remoteId: id)
                    linked += 1
                    break
                }
            }
            try store.setSyncState(provider: zenvia.providerKey, key: key, value: String(nowSeconds))
        }
        return linked
    }

    /// Caches the channels' templates for the pane's `T` picker (sync_state "conversation"/"templates").
    @discardableResult
    public func refreshTemplates(force: Bool = false) async throws -> Int {
        guard let zenvia else { return 0 }
        let nowSeconds = Int64(now().timeIntervalSince1970)
        if !force, let last = try store.syncState(provider: "conversation", key: "templates-at").flatMap({ Int64($0) }),
           nowSeconds - last < 600 { return 0 }
        try store.setSyncState(provider: "conversation", key: "templates-at", value: String(nowSeconds))
        let channels = try await zenvia.channels(remoteId: nil)
        var items: [[String: String]] = []
        for channel in channels {
            for template in channel.templates {
                items.append(["channel": channel.channel, "key": template.key, "name": template.name, "body": template.body])
            }
        }
        let data = try JSONSerialization.data(withJSONObject: items, options: [.sortedKeys])
        try store.setSyncState(provider: "conversation", key: "templates", value: String(decoding: data, as: UTF8.self))
        return items.count
    }

    /// One background cycle: sends left `sending` by a killed process become `unknown` and are
    /// looked for; queued sends go; new interactions come in. Errors end the cycle quietly (the
    /// entries keep their state; the next cycle tries again).
    public func runCycle() async {
        try? store.setConversationRemotes([zenvia?.providerKey, cleverApp?.providerKey].compactMap { $0 })
        _ = try? await linkKnownProspects()
        _ = try? await refreshTemplates()
        _ = try? await refreshTransferTargets()  // the :transfer picker
        if (try? store.recoverInterruptedSends()) ?? 0 > 0 {
            for send in (try? store.unsentSends()) ?? [] where send.sendState == .unknown {
                _ = try? await resolveUnknown(send.id)
            }
        }
        await sendQueued()
        _ = try? await pullAll()
    }
}
