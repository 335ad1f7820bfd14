import Foundation

extension ZenviaAPI {
    /// Routes one authenticated request by method and path segments (below `/zenvia/v1`).
    func route(_ request: HTTPRequest, _ path: [String], base: String) throws(ZenviaError) -> HTTPResponse {
        let query = ZenviaQuery(request)
        let method = request.method
        func body() throws(ZenviaError) -> [String: Any] {
            if request.body.isEmpty { return [:] }
            guard let object = JSONBody.object(request.body) else {
                throw ZenviaError(status: 400, message: "The body must be a JSON object.", code: "INVALID_BODY")
            }
            return object
        }
        func allow(_ methods: String...) throws(ZenviaError) {
            guard methods.contains(method) else {
                throw ZenviaError(status: 405, message: "Method \(method) not allowed.", code: "METHOD_NOT_ALLOWED")
            }
        }
        switch path {
        case ["lead"]:
            try allow("POST")
            return .json(200, try account.leadIn(try body()))
        case ["prospects"]:
            try allow("GET")
            return .json(200, try account.listProspects(query))
        case ["prospects", "search"]:
            try allow("GET")
            return .json(200, try account.searchProspect(email: query.text("email"), phone: query.text("phoneNumber")))
        case ["prospects", "transfer-targets"]:
            try allow("GET")
            return .json(200, account.transferTargets())
        case ["prospects", "interactions"]:
            try allow("GET")
            return .json(200, try account.listInteractions(query))
        case ["messaging", "channels"]:
            try allow("GET")
            return .json(200, account.lock.withLock { ["whatsapp", "facebook"].map(account.channelJSON) })
        case ["notifications", "topics"]:
            try allow("GET")
            return .json(200, ZenviaState.notificationTopics.map { ["name": $0] })
        case ["notifications", "subscriptions"]:
            try allow("GET", "POST")
            return .json(200, method == "GET" ? account.subscriptionsJSON() as Any : try account.subscribe(try body()) as Any)
        case let item where item.count == 3 && item[0] == "notifications" && item[1] == "subscription":
            try allow("GET", "DELETE")
            return .json(200, try account.subscription(item[2], deactivate: method == "DELETE"))
        case let files where files.count == 2 && files[0] == "files":
            try allow("GET")
            guard let file = account.file(path[1]) else { throw .notFound }
            return HTTPResponse(status: 200, headers: [("Content-Type", file.contentType)], body: file.bytes)
        default:
            break
        }
        if path.count >= 2, path[0] == "prospect" { return try prospectRoute(request, Array(path.dropFirst()), query: query, base: base, body: body) }
        return try directoryRoute(method, path, query: query)
    }

    /// `/prospect/{id}/…`.
    private func prospectRoute(
        _ request: HTTPRequest, _ path: [String], query: ZenviaQuery, base: String, body: () throws(ZenviaError) -> [String: Any]
    ) throws(ZenviaError) -> HTTPResponse {
        let id = path[0]
        let method = request.method
        func only(_ allowed: String) throws(ZenviaError) {
            guard method == allowed else { throw ZenviaError(status: 405, message: "Method \(method) not allowed.", code: "METHOD_NOT_ALLOWED") }
        }
        switch Array(path.dropFirst()) {
        case []:
            switch method {
            case "GET": return .json(200, try account.prospectJSON(id))
            case "PUT", "PATCH": return .json(200, try account.updateProspect(id, try body()))
            case "DELETE":
                try account.deleteProspect(id)
                return .json(200, ["success": true])
            default: throw ZenviaError(status: 405, message: "Method \(method) not allowed.", code: "METHOD_NOT_ALLOWED")
            }
        case ["archive"]:
            try only("POST")
            let fields = try body()
            guard case .value(let reason) = JSONBody.text(fields, "archivingReason") else {
                if fields["archivingReason"] == nil || fields["archivingReason"] is NSNull { return .json(200, try account.archiveProspect(id, reason: nil)) }
                throw .invalid("archivingReason must be a string.")
            }
            return .json(200, try account.archiveProspect(id, reason: reason))
        case ["transfer"]:
            try only("POST")
            let fields = try body()
            try account.transferProspect(id, group: fields["group"] as? String, user: fields["user"] as? String)
            return .json(200, ["success": true])
        case ["interactions"]:
            try only("GET")
            return .json(200, try account.prospectInteractions(id, query))
        case let rest where rest.count == 2 && rest[0] == "interaction":
            try only("GET")
            return .json(200, try account.interactionJSON(prospect: id, interaction: rest[1]))
        case ["messaging", "channels"]:
            try only("GET")
            return .json(200, try account.prospectChannels(id))
        case let rest where rest.count == 3 && rest[0] == "messaging":
            try only("POST")
            switch rest[2] {
            case "send-template": return .json(200, try account.sendTemplate(id, channel: rest[1], body: try body()))
            case "send": return .json(200, try account.send(id, channel: rest[1], body: try body()))
            case "send-file":
                guard let parts = MultipartPart.parse(request.body, contentType: request.header("content-type") ?? "") else {
                    throw ZenviaError(status: 400, message: "The body must be multipart/form-data with a file part.", code: "INVALID_BODY")
                }
                return .json(200, try account.sendFile(id, channel: rest[1], file: parts.first { $0.name == "file" }, base: base))
            default: throw .notFound
            }
        default:
            throw .notFound
        }
    }

    /// The groups and agents directory.
    private func directoryRoute(_ method: String, _ path: [String], query: ZenviaQuery) throws(ZenviaError) -> HTTPResponse {
        let known = path == ["groups"] || path == ["groups", "children"] || path == ["agents"]
            || (path.count == 2 && path[0] == "group") || (path.count == 4 && path[0] == "group" && path[2] == "agents" && path[3] == "online")
        guard known else { throw .notFound }
        guard method == "GET" else { throw ZenviaError(status: 405, message: "Method \(method) not allowed.", code: "METHOD_NOT_ALLOWED") }
        let state = account
        return try state.locked { () throws(ZenviaError) in
            func group(_ id: String) throws(ZenviaError) -> ZenviaGroup {
                guard ZenviaVocabulary.isId(id) else { throw .invalid("groupId must match ^[a-z0-9]{24}$.") }
                guard let found = state.group(id) else { throw ZenviaError(status: 404, message: "Group not found.", code: "NOT_FOUND") }
                return found
            }
            func agents(in id: String) -> [[String: Any]] {
                let scope = state.groupAndDescendants(id)
                return state.agents.filter { scope.contains($0.groupId) }.map(ZenviaState.json)
            }
            switch path.count {
            case 1 where path[0] == "groups":
                let parent = try query.id("parent")
                let scope = parent.map { state.groupAndDescendants($0).subtracting([$0]) }
                return .json(200, state.groups.filter { scope?.contains($0.id) ?? true }.map(state.json))
            case 2 where path[0] == "groups":
                let parent = try query.id("parent") ?? state.rootGroupId
                return .json(200, state.groups.filter { $0.parent == parent }.map(state.json))
            case 1:
                guard let id = query.text("group") else { throw .missing("group is required.") }
                return .json(200, agents(in: try group(id).id))
            case 2: return .json(200, state.json(try group(path[1])))
            default: return .json(200, ["officeHours": true, "agents": agents(in: try group(path[1]).id)])
            }
        }
    }
}
