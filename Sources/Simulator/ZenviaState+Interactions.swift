import Core
import Foundation

extension ZenviaState {
    /// GET /prospects/interactions with seed 004's filters (live prospects only).
    func listInteractions(_ query: ZenviaQuery) throws(ZenviaError) -> [[String: Any]] {
        try locked { () throws(ZenviaError) in
            let limit = try query.limit()
            let range = try query.createdRange(now: clock(), limited: limit != nil)
            let vias = try query.viaFilter()
            let agent = query.text("agent")
            let status = query.text("status")
            let matching = interactionOrder.filter { id in
                guard let item = interactions[id], prospects[item.prospectId]?.deleted == false,
                      ZenviaQuery.inRange(item.createdAt, range) else { return false }
                if let vias, !vias.contains(item.via) { return false }
                if let agent, item.agentId != agent { return false }
                if let status, item.status != status { return false }
                return true
            }
            let page = ZenviaQuery.page(matching, after: try query.id("after"), before: try query.id("before"),
                                        limit: limit ?? ZenviaQuery.maxLimit)
            return page.compactMap { interactions[$0].map(json) }
        }
    }

    /// GET /prospect/{id}/interactions: every interaction of one prospect, oldest first, filtered.
    func prospectInteractions(_ id: String, _ query: ZenviaQuery) throws(ZenviaError) -> [[String: Any]] {
        try locked { () throws(ZenviaError) in
            _ = try liveProspect(id)
            let range = (after: try query.date(["createdAfter", "start"]), before: try query.date(["createdBefore", "end"]))
            let vias = try query.viaFilter()
            let status = query.text("status")
            return interactions(of: id).filter { item in
                ZenviaQuery.inRange(item.createdAt, range) && (vias?.contains(item.via) ?? true) && (status.map { $0 == item.status } ?? true)
            }.map(json)
        }
    }

    /// GET /prospect/{id}/interaction/{interactionId}.
    func interactionJSON(prospect id: String, interaction interactionId: String) throws(ZenviaError) -> [String: Any] {
        try locked { () throws(ZenviaError) in
            _ = try liveProspect(id)
            guard ZenviaVocabulary.isId(interactionId) else { throw .invalid("interactionId must match ^[a-z0-9]{24}$.") }
            guard let item = interactions[interactionId], item.prospectId == id else {
                throw ZenviaError(status: 404, message: "Interaction not found.", code: "NOT_FOUND")
            }
            return json(item)
        }
    }

    /// GET /prospect/{id}/messaging/channels.
    func prospectChannels(_ id: String) throws(ZenviaError) -> [[String: Any]] {
        try locked { () throws(ZenviaError) in openChannels(for: try liveProspect(id)).map(channelJSON) }
    }

    /// The prospect and the `via` of a send on `channel`, after the channel checks (lock held).
    private func sendTarget(_ id: String, channel: String) throws(ZenviaError) -> (ZenviaProspect, String) {
        guard let via = ZenviaVocabulary.channels[channel] else { throw .invalid("channel must be whatsapp or facebook.") }
        let prospect = try liveProspect(id)
        guard openChannels(for: prospect).contains(channel) else {
            throw ZenviaError(status: 400, message: "The \(channel) channel is not available for this prospect.", code: "CHANNEL_UNAVAILABLE")
        }
        return (prospect, via)
    }

    /// The 24 h rule (README §2, chosen) for conversational sends (lock held).
    private func requireOpenWindow(_ prospect: ZenviaProspect) throws(ZenviaError) {
        guard let closes = windowCloses(for: prospect.id), clock() < closes else {
            throw ZenviaError(
                status: 400, message: "The 24-hour conversation window is closed: the prospect has not written in the last 24 hours. Send a template instead.",
                code: "WINDOW_CLOSED")
        }
    }

    /// POST …/send-template `{key, parameters}`: a transactional message, allowed at any time.
    func sendTemplate(_ id: String, channel: String, body: [String: Any]) throws(ZenviaError) -> [[String: Any]] {
        guard case .value(let key) = JSONBody.text(body, "key"), !key.isEmpty else { throw .missing("key is required.") }
        var parameters: [String: String] = [:]
        if let raw = body["parameters"], !(raw is NSNull) {
            guard let object = raw as? [String: Any] else { throw .invalid("parameters must be an object.") }
            for (name, value) in object {
                guard let text = value as? String else { throw .invalid("parameters.\(name) must be a string.") }
                // seed 004: "must not contain four consecutive spaces, carriage return, new line or tabulations".
                if text.contains("    ") || text.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\t" || $0 == "\r\n" }) {
                    throw .invalid("parameters.\(name) must not contain four consecutive spaces, carriage returns, new lines or tabs.")
                }
                parameters[name] = text
            }
        }
        return try locked { () throws(ZenviaError) in
            let (prospect, via) = try sendTarget(id, channel: channel)
            guard let template = templates[channel]?.first(where: { $0.key == key }) else {
                throw ZenviaError(status: 404, message: "Template \(key) not found for \(channel).", code: "TEMPLATE_NOT_FOUND")
            }
            let agent = self.agent(prospect.agentId)
            var defaults = ["prospect.firstName": prospect.firstName, "prospect.lastName": prospect.lastName]
            if let agent { defaults["user.firstName"] = agent.firstName } else { defaults["user.firstName"] = "our team" }
            let text = try Self.render(template.body, parameters.merging(defaults) { given, _ in given })
            let item = message(prospect, agent: agent, via: via, inbound: false, at: clock(), template: template.key, body: text)
            insert(item)
            return [json(item)]
        }
    }

    /// `{{name}}` placeholders filled from `values`; a placeholder with no value is a 400.
    static func render(_ body: String, _ values: [String: String]) throws(ZenviaError) -> String {
        var output = ""
        var rest = Substring(body)
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let name = String(rest[open.upperBound..<close.lowerBound])
            guard let value = values[name] else { throw .missing("parameters.\(name) is required by this template.") }
            output += value
            rest = rest[close.upperBound...]
        }
        return output + rest
    }

    /// POST …/send `{content}`: conversational, only inside the 24 h window.
    func send(_ id: String, channel: String, body: [String: Any]) throws(ZenviaError) -> [[String: Any]] {
        guard case .value(let content) = JSONBody.text(body, "content"), !content.isEmpty else { throw .missing("content is required.") }
        guard content.count <= 4096 else { throw .invalid("content must be at most 4096 characters.") }
        return try locked { () throws(ZenviaError) in
            let (prospect, via) = try sendTarget(id, channel: channel)
            try requireOpenWindow(prospect)
            let item = message(prospect, agent: agent(prospect.agentId), via: via, inbound: false, at: clock(), content: content)
            insert(item)
            return [json(item)]
        }
    }

    /// POST …/send-file (multipart `file`): conversational too, so inside the window; at most `maxFileBytes`.
    func sendFile(_ id: String, channel: String, file: MultipartPart?, base: String) throws(ZenviaError) -> [[String: Any]] {
        guard let file, let filename = file.filename else { throw .missing("A multipart part named file, with a filename, is required.") }
        guard file.data.count <= maxFileBytes else {
            throw ZenviaError(status: 413, message: "The file is larger than \(maxFileBytes) bytes.", code: "FILE_TOO_LARGE")
        }
        guard !file.data.isEmpty else { throw .invalid("The file is empty.") }
        return try locked { () throws(ZenviaError) in
            let (prospect, via) = try sendTarget(id, channel: channel)
            try requireOpenWindow(prospect)
            let now = clock()
            let fileId = makeId(at: now)
            let type = file.contentType ?? "application/octet-stream"
            let item = message(prospect, agent: agent(prospect.agentId), via: via, inbound: false, at: now,
                               attachment: (type, base + "/files/" + fileId))
            insert(item)
            files[fileId] = ZenviaFile(id: fileId, interactionId: item.id, filename: filename, contentType: type, bytes: file.data,
                                     size: file.data.count)
            fileOrder.append(fileId)
            if fileOrder.count > Self.keptFiles, let oldest = files[fileOrder[fileOrder.count - Self.keptFiles - 1]] {
                // Bounded memory under a flood of uploads: the oldest bytes go (its URL then answers 404).
                files[oldest.id] = ZenviaFile(id: oldest.id, interactionId: oldest.interactionId, filename: oldest.filename,
                                              contentType: oldest.contentType, bytes: [], size: oldest.size)
            }
            return [json(item)]
        }
    }

    /// The files whose bytes are kept (at most 512 KiB each: 64 MiB in all).
    static let keptFiles = 128

    /// A sent file's bytes and type (nil once evicted).
    func file(_ id: String) -> ZenviaFile? { lock.withLock { files[id].flatMap { $0.bytes.isEmpty ? nil : $0 } } }

    /// `/_sim/zenvia/inbound`: the prospect writes in (opens the 24 h window).
    func addInbound(prospect reference: String, via: String, content: String) throws(ZenviaError) -> [String: Any] {
        guard ZenviaVocabulary.messageVias.contains(via) else {
            throw .invalid("via must be one of \(ZenviaVocabulary.messageVias.sorted().joined(separator: ", ")).")
        }
        return try locked { () throws(ZenviaError) in
            let prospect: ZenviaProspect
            if ZenviaVocabulary.isId(reference) {
                prospect = try liveProspect(reference)
            } else if let found = matchingProspect(emails: [reference], phones: [reference]) {
                prospect = found
            } else {
                throw .prospectNotFound
            }
            let item = message(prospect, agent: agent(prospect.agentId), via: via, inbound: true, at: clock(), content: content)
            insert(item)
            return json(item)
        }
    }
}
