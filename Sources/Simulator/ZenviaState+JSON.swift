import Core
import Foundation

extension ZenviaState {
    /// A value or JSON null.
    static func orNull(_ value: Any?) -> Any { value ?? NSNull() }

    static func time(_ seconds: Int64?) -> Any { seconds.map { WireDate.formatTimestamp($0) as Any } ?? NSNull() }

    /// The seed's `agent` object.
    static func json(_ agent: ZenviaAgent) -> [String: Any] {
        ["id": agent.id, "firstName": agent.firstName, "lastName": agent.lastName, "email": agent.email,
         "phone": agent.phone, "legacyId": agent.username, "externalId": [String: Any]()]
    }

    /// The seed's group object (lock held).
    func json(_ group: ZenviaGroup) -> [String: Any] {
        var ancestors: [String] = []
        var parent = group.parent
        while let id = parent, let up = self.group(id) {
            ancestors.insert(id, at: 0)
            parent = up.parent
        }
        return [
            "id": group.id, "displayName": group.name, "name": group.name, "parent": Self.orNull(group.parent),
            "ancestors": ancestors, "descendants": Array(groupAndDescendants(group.id).subtracting([group.id])).sorted(),
            "type": ["sales"], "timezone": "UTC",
        ]
    }

    static func json(_ lead: ZenviaLeadEntry) -> [String: Any] {
        var item: [String: Any] = [
            "priority": lead.priority, "created": WireDate.formatTimestamp(lead.created), "source": lead.source,
            "utmSource": lead.utmSource, "comments": orNull(lead.comments), "company": orNull(lead.company),
            "store": orNull(lead.store), "agent": orNull(lead.agent), "providerKey": orNull(lead.provider),
            "type": "retail", "product": [String: Any](),
        ]
        if let medium = lead.utmMedium { item["utmMedium"] = medium }
        if let campaign = lead.utmCampaign { item["utmCampaign"] = campaign }
        if let id = lead.providerLeadId { item["providerLeadId"] = id }
        if let history = lead.history, let events = try? JSONSerialization.jsonObject(with: Data(history)) { item["history"] = events }
        return item
    }

    /// The seed's prospect object, `emails` added (README §2); `leads` replaced when given (lock held).
    func json(_ prospect: ZenviaProspect, leads: [ZenviaLeadEntry]? = nil) -> [String: Any] {
        let group = self.group(prospect.groupId)
        let agent = self.agent(prospect.agentId)
        return [
            "id": prospect.id, "created": WireDate.formatTimestamp(prospect.created),
            "account": "Closer demo", "accountId": rootGroupId,
            "group": Self.orNull(group?.name), "groupId": prospect.groupId,
            "initialGroup": Self.orNull(self.group(prospect.initialGroupId)?.name), "initialGroupId": prospect.initialGroupId,
            "firstName": prospect.firstName, "lastName": prospect.lastName, "label": Self.orNull(prospect.label),
            "category": prospect.category, "status": prospect.status, "nin": [Any](), "userMade": false,
            "archivingReason": Self.orNull(prospect.archivingReason), "phones": prospect.phones, "emails": prospect.emails,
            "additionalData": [String: Any](), "merged": false, "absenceMessage": NSNull(),
            "leads": (leads ?? prospect.leads).map(Self.json), "agent": Self.orNull(agent.map(Self.json)),
            "claimedBy": Self.orNull(agent?.id), "assigned": Self.time(prospect.assigned), "nextReminder": NSNull(),
            "firstContactedAt": Self.time(prospect.firstContactedAt), "sentWorkingHourMessage": NSNull(),
        ]
    }

    /// The seed's interaction object (lock held).
    func json(_ interaction: ZenviaInteraction) -> [String: Any] {
        var output: [String: Any] = [:]
        if let comment = interaction.comment { output["comment"] = comment }
        if let message = interaction.message {
            var item: [String: Any] = [
                "template": Self.orNull(message.template), "body": Self.orNull(message.body), "content": Self.orNull(message.content),
                "delivered": message.delivered, "sender": message.sender, "recipient": message.recipient, "via": message.via,
            ]
            if let type = message.attachmentType, let url = message.attachmentURL { item["attachment"] = ["type": type, "url": url] }
            output["message"] = item
        }
        return [
            "id": interaction.id, "agentId": Self.orNull(interaction.agentId),
            "agent": Self.orNull(agent(interaction.agentId).map(Self.json)), "prospectId": interaction.prospectId,
            "createdAt": WireDate.formatTimestamp(interaction.createdAt), "startedAt": WireDate.formatTimestamp(interaction.createdAt),
            "finishedAt": WireDate.formatTimestamp(interaction.createdAt), "dueAt": NSNull(),
            "status": interaction.status, "proactive": interaction.proactive, "via": interaction.via, "output": output,
        ]
    }

    /// A channel with its templates.
    func channelJSON(_ channel: String) -> [String: Any] {
        ["channel": channel, "channelId": channelIds[channel] ?? channel,
         "templates": (templates[channel] ?? []).map { ["key": $0.key, "name": $0.name, "body": $0.body, "template": $0.template] }]
    }

    /// `/_sim/state` part: everything, deleted prospects with `"deleted": true`.
    func stateJSON() -> [String: Any] {
        lock.withLock {
            [
                "prospects": prospectOrder.compactMap { id -> [String: Any]? in
                    guard let prospect = prospects[id] else { return nil }
                    var item = json(prospect)
                    item["deleted"] = prospect.deleted
                    item["transferred"] = Self.time(prospect.transferred)
                    return item
                },
                "interactions": interactionOrder.compactMap { interactions[$0].map(json) },
                "agents": agents.map { agent -> [String: Any] in
                    var item = Self.json(agent)
                    item["groupId"] = agent.groupId
                    return item
                },
                "groups": groups.map(json),
                "channels": ["whatsapp", "facebook"].map(channelJSON),
                "subscriptions": subscriptions.map { item -> [String: Any] in
                    var entry = Self.json(item)
                    entry["active"] = item.active
                    return entry
                },
                "files": fileOrder.compactMap { files[$0] }.map { file -> [String: Any] in
                    ["id": file.id, "interactionId": file.interactionId, "filename": file.filename,
                     "contentType": file.contentType, "size": file.size, "kept": !file.bytes.isEmpty]
                },
            ]
        }
    }
}
