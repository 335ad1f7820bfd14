import Core
import Foundation
import Store

/// The conversation pane's traffic: links leads to the messaging remote's contacts (found by
/// e-mail, then phone; created on `:zenvia-create`), pulls their interactions incrementally
/// (through the provider's rate-limited client), and sends Closer's queued sends — never twice: a
/// send whose answer was lost is looked for among the contact's interactions, and stays "outcome
/// unknown" (the user decides) when it cannot be found. Each role is served by whichever
/// configured provider declares the capability (`ConversationRole`), never by vendor name.
public struct ConversationSync: Sendable {
    public let store: LeadStore
    /// The remote holding the conversation (`.conversationRead`; sends, transfer, archive and
    /// contact creation when it declares them).
    public let messaging: (any ConversationProvider)?
    /// The remote follow-up e-mails go through (`.followUpEmail`).
    public let followUps: (any FollowUpProvider)?
    /// The clock of "sent at" comparisons.
    public var now: @Sendable () -> Date = { Date() }

    /// A sync over `store` with the remotes serving each role (either may be absent).
    public init(store: LeadStore, messaging: (any ConversationProvider)?, followUps: (any FollowUpProvider)?) {
        self.store = store
        self.messaging = messaging
        self.followUps = followUps
    }

    /// The sync of the first provider declaring each role's capability; nil when none does.
    public static func serving(_ providers: [any RemoteProvider], store: LeadStore) -> ConversationSync? {
        let messaging = providers.lazy.filter { $0.capabilities.can(.conversationRead) }.compactMap { $0 as? any ConversationProvider }.first
        let followUps = providers.lazy.filter { $0.capabilities.can(.followUpEmail) }.compactMap { $0 as? any FollowUpProvider }.first
        guard messaging != nil || followUps != nil else { return nil }
        return ConversationSync(store: store, messaging: messaging, followUps: followUps)
    }

    /// Whether `provider` serves a role of the conversation sync (its capabilities say so).
    public static func serves(_ provider: any RemoteProvider) -> Bool {
        provider.capabilities.can(.conversationRead) || provider.capabilities.can(.followUpEmail)
    }

    /// The messaging remote as `P` when it declares `feature`; else a configuration error naming what is missing.
    func messaging<P>(_ feature: ProviderFeatures, as _: P.Type, to what: String) throws -> P {
        guard let messaging, messaging.capabilities.can(feature), let provider = messaging as? P else {
            throw SyncError.configuration("no configured remote can \(what)")
        }
        return provider
    }

    // MARK: - Linking

    /// The lead's contact on the messaging remote: the stored link, else one found by e-mail then
    /// phone (and stored). Nil when the remote has none (`:zenvia-create` makes one).
    public func prospectId(forLead leadId: Int64) async throws -> String? {
        guard let messaging else { return nil }
        if let link = try store.remoteLink(provider: messaging.providerKey, kind: .lead, localId: leadId) { return link.remoteId }
        guard let lead = try store.lead(id: leadId) else { return nil }
        var found: String? = nil
        if !lead.email.isEmpty { found = try await messaging.findContact(email: lead.email, phone: nil) }
        if found == nil, !lead.phone.isEmpty { found = try await messaging.findContact(email: nil, phone: lead.phone) }
        if let found { try store.linkRemote(provider: messaging.providerKey, kind: .lead, localId: leadId, remoteId: found) }
        return found
    }

    /// `:zenvia-create`: pushes the lead to the messaging remote (which answers with the matching
    /// contact for a known e-mail/phone: `createRecovery` idempotent), then links it.
    public func createProspect(forLead leadId: Int64) async throws -> String {
        let pusher = try messaging(.pushLeads, as: (any LeadPushProvider).self, to: "create a conversation contact")
        if let existing = try await prospectId(forLead: leadId) { return existing }
        return try await pushAndLink(leadId, to: pusher)
    }

    /// Pushes one lead to `destination` and links the id it answers with.
    func pushAndLink(_ leadId: Int64, to destination: any LeadPushProvider) async throws -> String {
        guard let lead = try store.lead(id: leadId) else { throw SyncError.configuration("no lead \(leadId)") }
        var fields: [String: String] = [:]
        for field in LeadField.allCases { fields[field.rawValue] = lead.value(of: field) }
        fields["source"] = lead.source?.rawValue ?? ""
        switch try await destination.push([PushedLead(localId: leadId, fields: fields)]).first {
        case .created(let id?)?, .existing(let id)?:
            try store.linkRemote(provider: destination.providerKey, kind: .lead, localId: leadId, remoteId: id)
            return id
        case .rejected(let errors)?: throw SyncError.rejected(errors)
        default: throw SyncError.malformedResponse("\(destination.providerKey) returned no id for the new lead")
        }
    }

    // MARK: - Pulling

    /// New interactions of the lead's contact since the last pull, stored. Returns how many were
    /// new; 0 when the lead has no contact.
    @discardableResult
    public func pull(leadId: Int64) async throws -> Int {
        guard let messaging, let contact = try await prospectId(forLead: leadId) else { return 0 }
        let key = "conversation.after.\(leadId)"
        let events = try await messaging.conversationEvents(contactId: contact, leadId: leadId, after: try cursor(key))
        guard !events.isEmpty else { return 0 }
        return try store.transaction {
            let inserted = try store.applyRemoteEvents(events)
            // createdAfter is inclusive on some servers: the newest second is re-read and deduplicated by id.
            try saveCursor(key, newest: events.map(\.createdAt).max() ?? now())
            return inserted
        }
    }

    /// The time of the newest interaction pulled under `key` (sync state of the messaging remote).
    func cursor(_ key: String) throws -> Date? {
        guard let messaging, let text = try store.syncState(provider: messaging.providerKey, key: key),
              let seconds = WireDate.parseTimestamp(text) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Saves the cursor `key` (in the caller's transaction, with the events it covers).
    func saveCursor(_ key: String, newest: Date) throws {
        guard let messaging else { return }
        try store.setSyncState(provider: messaging.providerKey, key: key, value: WireDate.formatTimestamp(newest))
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
            if send.payload.contains(#""type":"zenvia-create""#) {  // :zenvia-create: the push is idempotent (matching contact)
                guard try store.markSendStarted(send.id) else { return false }
                let contact = try await createProspect(forLead: send.leadId)
                try store.markSendSucceeded(send.id, remoteId: nil, message: "linked to contact \(contact) on \(messaging?.providerKey ?? "")")
                return true
            }
            let target = try await targetId(for: send)
            guard try store.markSendStarted(send.id) else { return false }
            do {
                let message = try await deliver(send, to: target)
                try store.markSendSucceeded(send.id, remoteId: nil, message: message)
                if send.provider == ConversationRole.messaging.rawValue { try? await matchSentInteraction(send) }
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

    /// The remote id a send goes to: the messaging remote's contact, or the follow-up remote's
    /// lead (pushed first when it has none).
    func targetId(for send: ConversationEvent) async throws -> String {
        if send.provider == ConversationRole.followUp.rawValue {
            guard let followUps, followUps.capabilities.can(.pushLeads), let pusher = followUps as? any LeadPushProvider else {
                throw SyncError.configuration("no configured remote can send follow-up e-mails")
            }
            if let link = try store.remoteLink(provider: followUps.providerKey, kind: .lead, localId: send.leadId) { return link.remoteId }
            return try await pushAndLink(send.leadId, to: pusher)
        }
        guard let messaging else { throw SyncError.configuration("no configured remote holds conversations") }
        guard let contact = try await prospectId(forLead: send.leadId) else {
            throw SyncError.remoteRefused("the lead has no contact on \(messaging.providerKey) (:zenvia-create makes one)")
        }
        return contact
    }

    /// The request of a send, by its payload's type, through the remote declaring that
    /// capability. Returns the vendor's success message, if any.
    func deliver(_ send: ConversationEvent, to target: String) async throws -> String {
        let payload = (try? JSONSerialization.jsonObject(with: Data(send.payload.utf8))) as? [String: String] ?? [:]
        let channel = payload["channel"] ?? send.via.lowercased()
        switch payload["type"] ?? "" {
        case "follow-up":
            guard let followUps else { throw SyncError.configuration("no configured remote can send follow-up e-mails") }
            return try await followUps.sendFollowUp(remoteId: target, subject: payload["subject"] ?? send.subject,
                                                    body: payload["body"] ?? send.text)
        case "template":
            var parameters: [String: String] = [:]
            for (key, value) in payload where key.hasPrefix("param.") { parameters[String(key.dropFirst(6))] = value }
            try await messaging(.sendTemplate, as: (any MessagingProvider).self, to: "send templates")
                .sendTemplate(remoteId: target, channel: channel, key: payload["key"] ?? send.template, parameters: parameters)
        case "file":
            let sender = try messaging(.sendFile, as: (any MessagingProvider).self, to: "send files")
            let path = payload["path"] ?? ""
            guard let data = FileManager.default.contents(atPath: path) else {
                throw SyncError.remoteRefused("cannot read \(path)")
            }
            try await sender.sendFile(remoteId: target, channel: channel, fileName: (path as NSString).lastPathComponent,
                                      contentType: "application/octet-stream", data: data)
        case "transfer":
            try await messaging(.transfer, as: (any TransferProvider).self, to: "transfer")
                .transfer(remoteId: target, group: payload["group"], agent: payload["user"])
        case "archive":
            try await messaging(.archive, as: (any ArchiveProvider).self, to: "archive")
                .archive(remoteId: target, reason: payload["reason"] ?? send.text)
        default:
            try await messaging(.sendText, as: (any MessagingProvider).self, to: "send text messages")
                .sendText(remoteId: target, channel: channel, text: payload["content"] ?? send.text)
        }
        return ""
    }

    // MARK: - Never twice

    /// A send whose outcome is unknown: reads the contact's interactions and, when one of ours with
    /// the same text or template appeared after the send was queued, marks it sent (linked to it).
    /// Otherwise it stays unknown for the user to decide. Returns whether it was found.
    @discardableResult
    public func resolveUnknown(_ id: Int64) async throws -> Bool {
        guard let send = try store.conversationEvent(id: id), send.sendState == .unknown,
              send.provider == ConversationRole.messaging.rawValue,
              let match = try await sentInteraction(send) else { return false }
        try store.markSendSucceeded(id, remoteId: match.remoteId, message: "found in the conversation after a lost answer")
        return true
    }

    /// Links a just-sent message to the interaction it became (so the next pull updates it).
    func matchSentInteraction(_ send: ConversationEvent) async throws {
        if let match = try await sentInteraction(send) { try store.markSendSucceeded(send.id, remoteId: match.remoteId) }
    }

    /// The interaction a send became, read from the contact's whole conversation; nil when none matches.
    func sentInteraction(_ send: ConversationEvent) async throws -> ConversationEvent? {
        guard let messaging, let contact = try await prospectId(forLead: send.leadId) else { return nil }
        return Self.match(send, in: try await messaging.conversationEvents(contactId: contact, leadId: send.leadId, after: nil))
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
    /// Interactions of every linked contact since the last cycle, in one request: one request a
    /// cycle, whatever the number of leads, so polling stays inside the remote's rate limit
    /// (Zenvia: 120 / min) shared with the rest of sync.
    @discardableResult
    public func pullAll() async throws -> Int {
        guard let messaging else { return 0 }
        let key = "conversation.after"
        var events: [ConversationEvent] = []
        for item in try await messaging.recentConversationEvents(after: try cursor(key), limit: 1000) {
            guard let link = try store.remoteLink(provider: messaging.providerKey, kind: .lead, remoteId: item.contactId) else { continue }
            var event = item.event
            event.leadId = link.localId
            events.append(event)
        }
        return try store.transaction {
            let inserted = events.isEmpty ? 0 : try store.applyRemoteEvents(events)
            if let newest = events.map(\.createdAt).max() { try saveCursor(key, newest: newest) }
            return inserted
        }
    }

    /// Links local leads to the messaging remote's contacts with the same e-mail (one request for
    /// up to 1,000 contacts, at most every 10 minutes), so inbound messages of leads never opened
    /// show as unread. Returns how many leads were newly linked.
    @discardableResult
    public func linkKnownProspects(force: Bool = false) async throws -> Int {
        guard let messaging else { return 0 }
        let remote = messaging.providerKey
        let key = "conversation.linked-at"
        let nowSeconds = Int64(now().timeIntervalSince1970)
        if !force, let last = try store.syncState(provider: remote, key: key).flatMap({ Int64($0) }),
           nowSeconds - last < 600 { return 0 }
        let contacts = try await messaging.contacts(limit: 1000)
        var linked = 0
        try store.transaction {
            for contact in contacts where try store.remoteLink(provider: remote, kind: .lead, remoteId: contact.id) == nil {
                for email in contact.emails {
                    let ids = try store.leadIds(withEmail: email)
                    guard ids.count == 1, try store.remoteLink(provider: remote, kind: .lead, localId: ids[0]) == nil else { continue }
                    try store.linkRemote(provider: remote, kind: .lead, localId: ids[0], remoteId: contact.id)
                    linked += 1
                    break
                }
            }
            try store.setSyncState(provider: remote, key: key, value: String(nowSeconds))
        }
        return linked
    }

    /// Caches the channels' templates for the pane's `T` picker (sync_state "conversation"/"templates").
    @discardableResult
    public func refreshTemplates(force: Bool = false) async throws -> Int {
        guard let sender = messaging as? any MessagingProvider, sender.capabilities.can(.sendTemplate) else { return 0 }
        let nowSeconds = Int64(now().timeIntervalSince1970)
        if !force, let last = try store.syncState(provider: "conversation", key: "templates-at").flatMap({ Int64($0) }),
           nowSeconds - last < 600 { return 0 }
        try store.setSyncState(provider: "conversation", key: "templates-at", value: String(nowSeconds))
        let channels = try await sender.channels(remoteId: nil)
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
    /// looked for; queued sends go; new interactions come in. A failed step does not stop the
    /// others (the entries keep their state; the next cycle tries again). Returns the first
    /// failure of the messaging remote's reads (contacts, templates, transfer targets,
    /// interactions), nil when they went through: the remote's status shows it.
    @discardableResult
    public func runCycle() async -> SyncError? {
        var failure: SyncError?
        func note(_ error: any Error) {
            guard failure == nil, let error = error as? SyncError else { return }
            if case .cancelled = error { return }
            failure = error
        }
        try? store.setConversationRemotes([messaging?.providerKey, followUps?.providerKey].compactMap { $0 })
        do { _ = try await linkKnownProspects() } catch { note(error) }
        do { _ = try await refreshTemplates() } catch { note(error) }
        do { _ = try await refreshTransferTargets() } catch { note(error) }  // the :transfer picker
        if (try? store.recoverInterruptedSends()) ?? 0 > 0 {
            for send in (try? store.unsentSends()) ?? [] where send.sendState == .unknown {
                _ = try? await resolveUnknown(send.id)
            }
        }
        await sendQueued()
        do { _ = try await pullAll() } catch { note(error) }
        return failure
    }
}
