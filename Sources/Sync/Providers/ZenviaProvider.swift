import Core
import Foundation

/// seed 004 Zenvia Sales: prospects and their conversation. `POST /lead` returns the matching
/// prospect (an existing one for a known e-mail/phone), so pushing a lead twice is harmless.
/// Auth: the `api-key` query parameter. Rate limit 429 with `X-RateLimit-*`; a `Remaining` of 0
/// closes the gate until the reset before the server has to refuse.
public struct ZenviaProvider: LeadPushProvider, ConversationProvider, MessagingProvider, TransferProvider, ArchiveProvider {
    public let providerKey: String
    public let client: VendorClient
    public var metrics: RequestMetrics { client.metrics }
    public let capabilities = ProviderCapabilities(
        features: [.pushLeads, .conversationRead, .sendTemplate, .sendText, .sendFile, .transfer, .archive],
        createRecovery: .idempotent)

    /// A provider for the remote `providerKey` at `baseURL` (`/prospects`, `/lead`, ... are appended).
    public init(providerKey: String, baseURL: URL, apiKey: Secret, transport: (any HTTPTransport)? = nil,
                retryPolicy: RetryPolicy = RetryPolicy(), clock: any SyncClock = SystemClock()) {
        self.providerKey = providerKey
        client = VendorClient(baseURL: baseURL, headers: [:], query: [("api-key", apiKey.reveal())], transport: transport,
                              retryPolicy: retryPolicy, clock: clock, watchRemaining: true)
    }

    // MARK: - Leads in

    public func push(_ leads: [PushedLead]) async throws -> [PushResult] {
        var results: [PushResult] = []
        for lead in leads {
            var body: [String: Any] = [
                "utmSource": lead.fields["source"].flatMap { $0.isEmpty ? nil : $0 } ?? "closer",
                "firstName": lead.fields["first_name"] ?? "", "lastName": lead.fields["last_name"] ?? "",
                "provider": "closer", "providerLeadId": String(lead.localId),
            ]
            if let phone = lead.fields["phone"], !phone.isEmpty { body["phones"] = [phone] }
            if let email = lead.fields["email"], !email.isEmpty { body["emails"] = [email] }
            if let message = lead.fields["message"], !message.isEmpty { body["comments"] = message }
            if let company = lead.fields["company"], !company.isEmpty { body["company"] = company }
            let response = try await client.send("POST", "/lead", json: body, idempotent: true)
            do {
                let object = try Self.object(response)
                guard let id = JSONReader.text(object["id"]), !id.isEmpty else { throw SyncError.malformedResponse("no prospect id") }
                results.append(.created(remoteId: id))
            } catch SyncError.rejected(let errors) {
                results.append(.rejected(errors))
            }
        }
        return results
    }

    // MARK: - Conversation

    public func findContact(email: String?, phone: String?) async throws -> String? {
        var query: [(String, String)] = []
        if let email, !email.isEmpty { query.append(("email", email)) }
        if let phone, !phone.isEmpty { query.append(("phoneNumber", phone)) }
        guard !query.isEmpty else { return nil }
        let response = try await client.send("GET", "/prospects/search", query: query, idempotent: true)
        if response.status == 404 { return nil }
        let value = try Self.value(response)
        if let list = value as? [Any] {
            return list.compactMap { ($0 as? [String: Any]).flatMap { JSONReader.text($0["id"]) } }.first
        }
        return (value as? [String: Any]).flatMap { JSONReader.text($0["id"]) }
    }

    public func conversation(remoteId: String) async throws -> [RemoteMessage] {
        let response = try await client.send("GET", "/prospect/\(try Self.id(remoteId))/interactions", idempotent: true)
        return try Self.interactions(response).compactMap(Self.message).sorted { $0.createdAt < $1.createdAt }
    }

    public func conversationEvents(contactId: String, leadId: Int64, after: Date?) async throws -> [ConversationEvent] {
        let query = after.map { [("createdAfter", WireDate.formatTimestamp($0))] } ?? []
        let response = try await client.send("GET", "/prospect/\(try Self.id(contactId))/interactions", query: query, idempotent: true)
        return try Self.interactions(response).compactMap { ZenviaInteractionDecoding.event($0, leadId: leadId) }
    }

    public func recentConversationEvents(after: Date?, limit: Int) async throws -> [ContactEvent] {
        var query: [(String, String)] = [("limit", String(limit))]
        if let after { query.append(("createdAfter", WireDate.formatTimestamp(after))) }
        let response = try await client.send("GET", "/prospects/interactions", query: query, idempotent: true)
        return try Self.interactions(response).compactMap { object in
            guard let prospect = JSONReader.text(object["prospectId"]),
                  let event = ZenviaInteractionDecoding.event(object, leadId: 0) else { return nil }
            return ContactEvent(contactId: prospect, event: event)
        }
    }

    public func contacts(limit: Int) async throws -> [RemoteContact] {
        let response = try await client.send("GET", "/prospects", query: [("limit", String(limit))], idempotent: true)
        guard let list = try Self.value(response) as? [Any] else { throw SyncError.malformedResponse("prospects are not a list") }
        return list.compactMap { item in
            guard let prospect = item as? [String: Any], let id = JSONReader.text(prospect["id"]) else { return nil }
            return RemoteContact(id: id, emails: (prospect["emails"] as? [Any] ?? []).compactMap { JSONReader.text($0) })
        }
    }

    /// The interaction objects of a list answer.
    static func interactions(_ response: HTTPClientResponse) throws -> [[String: Any]] {
        guard let list = try value(response) as? [Any] else { throw SyncError.malformedResponse("interactions are not a list") }
        return list.compactMap { $0 as? [String: Any] }
    }

    /// An interaction as a message (nil without id).
    static func message(_ object: [String: Any]) -> RemoteMessage? {
        guard let id = JSONReader.text(object["id"]) else { return nil }
        let output = object["output"] as? [String: Any] ?? [:]
        let message = output["message"] as? [String: Any] ?? [:]
        let template = JSONReader.text(message["template"])
        let body = JSONReader.text(message["content"]) ?? JSONReader.text(message["body"]) ?? template
            ?? JSONReader.text(output["comment"]) ?? ""
        let created = JSONReader.text(object["createdAt"]).flatMap(WireDate.parseTimestamp) ?? 0
        return RemoteMessage(
            remoteId: id, channel: JSONReader.text(object["via"]) ?? "", inbound: (object["proactive"] as? Bool) == false,
            body: body, template: template, delivered: message["delivered"] as? Bool,
            createdAt: Date(timeIntervalSince1970: TimeInterval(created)))
    }

    // MARK: - Messaging

    public func channels(remoteId: String?) async throws -> [MessagingChannel] {
        let path = try remoteId.map { "/prospect/\(try Self.id($0))/messaging/channels" } ?? "/messaging/channels"
        let response = try await client.send("GET", path, idempotent: true)
        guard let list = try Self.value(response) as? [Any] else { throw SyncError.malformedResponse("channels are not a list") }
        return list.compactMap { item -> MessagingChannel? in
            guard let object = item as? [String: Any], let channel = JSONReader.text(object["channel"]) else { return nil }
            let templates = JSONReader.objects(object["templates"]).compactMap { t -> MessagingChannel.Template? in
                guard let key = JSONReader.text(t["key"]) else { return nil }
                return .init(key: key, name: JSONReader.text(t["name"]) ?? key, body: JSONReader.text(t["body"]) ?? "")
            }
            return MessagingChannel(channel: channel, templates: templates)
        }
    }

    public func sendTemplate(remoteId: String, channel: String, key: String, parameters: [String: String]) async throws {
        let path = "/prospect/\(try Self.id(remoteId))/messaging/\(try Self.channel(channel))/send-template"
        _ = try Self.value(try await client.send("POST", path, json: ["key": key, "parameters": parameters], idempotent: false))
    }

    public func sendText(remoteId: String, channel: String, text: String) async throws {
        let path = "/prospect/\(try Self.id(remoteId))/messaging/\(try Self.channel(channel))/send"
        _ = try Self.value(try await client.send("POST", path, json: ["content": text], idempotent: false))
    }

    public func sendFile(remoteId: String, channel: String, fileName: String, contentType: String, data: Data) async throws {
        let path = "/prospect/\(try Self.id(remoteId))/messaging/\(try Self.channel(channel))/send-file"
        let boundary = "closer-\(UUID().uuidString)"
        let safeName = fileName.filter { $0 != "\"" && $0 != "\r" && $0 != "\n" }
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(safeName)\"\r\n".utf8)
        body += Data("Content-Type: \(contentType)\r\n\r\n".utf8)
        body += data
        body += Data("\r\n--\(boundary)--\r\n".utf8)
        let request = HTTPClientRequest(method: "POST", url: client.url(path, []),
                                        headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)", "Accept": "application/json"],
                                        body: body)
        _ = try Self.value(try await client.perform(request, idempotent: false))
    }

    // MARK: - Transfer and archive

    public func transferTargets() async throws -> [TransferTarget] {
        let response = try await client.send("GET", "/prospects/transfer-targets", idempotent: true)
        guard let object = try Self.value(response) as? [String: Any] else {
            throw SyncError.malformedResponse("transfer targets are not an object")
        }
        var targets: [TransferTarget] = []
        for group in JSONReader.objects(object["groups"]) {
            if let id = JSONReader.text(group["id"]) { targets.append(.init(kind: .group, id: id, name: JSONReader.text(group["name"]) ?? id)) }
        }
        for user in JSONReader.objects(object["users"]) + JSONReader.objects(object["agents"]) {
            guard let id = JSONReader.text(user["id"]) else { continue }
            let name = [JSONReader.text(user["firstName"]), JSONReader.text(user["lastName"])].compactMap { $0 }.joined(separator: " ")
            targets.append(.init(kind: .agent, id: id, name: name.isEmpty ? (JSONReader.text(user["name"]) ?? id) : name))
        }
        return targets
    }

    public func transfer(remoteId: String, group: String?, agent: String?) async throws {
        var body: [String: Any] = [:]
        if let group { body["group"] = group }
        if let agent { body["user"] = agent }
        _ = try Self.value(try await client.send("POST", "/prospect/\(try Self.id(remoteId))/transfer", json: body, idempotent: true))
    }

    public func archive(remoteId: String, reason: String) async throws {
        _ = try Self.value(try await client.send("POST", "/prospect/\(try Self.id(remoteId))/archive",
                                                 json: ["archivingReason": reason], idempotent: true))
    }

    // MARK: - Decoding

    /// seed 004 ids: 24 lowercase hex characters (anything else would build a wrong path).
    static func id(_ text: String) throws -> String {
        guard text.utf8.count == 24, text.utf8.allSatisfy({ (48...57).contains($0) || (97...122).contains($0) }) else {
            throw SyncError.rejected(ValidationErrors(["request": ["Not a Zenvia prospect id: \(text)"]]))
        }
        return text
    }

    /// seed 004 channels for sending: whatsapp, facebook.
    static func channel(_ text: String) throws -> String {
        let lower = text.lowercased()
        guard ["whatsapp", "facebook"].contains(lower) else {
            throw SyncError.rejected(ValidationErrors(["channel": ["Channel must be whatsapp or facebook."]]))
        }
        return lower
    }

    /// The JSON of a success, or the error `{message, code}` means.
    static func value(_ response: HTTPClientResponse) throws -> Any {
        switch response.status {
        case 200..<300:
            if response.body.isEmpty { return [String: Any]() }
            return try VendorJSON.value(response)
        default:
            let message = VendorJSON.text(response, "message") ?? "HTTP \(response.status)"
            let code = VendorJSON.text(response, "code")
            switch response.status {
            case 401, 403: throw SyncError.credentialsRejected(message)
            case 400, 404, 409, 422:
                throw SyncError.rejected(ValidationErrors([code == "WINDOW_CLOSED" ? "window" : "request": [message]]))
            case 500...: throw SyncError.serverError(status: response.status)
            default: throw SyncError.unexpectedStatus(response.status)
            }
        }
    }

    static func object(_ response: HTTPClientResponse) throws -> [String: Any] {
        guard let object = try value(response) as? [String: Any] else { throw SyncError.malformedResponse("not a JSON object") }
        return object
    }
}
