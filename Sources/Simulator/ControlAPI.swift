import Core
import Foundation

/// The loopback-only control endpoints under `/_sim/`: no auth, never faulted, never logged.
/// Bodies may be urlencoded, multipart or a JSON object; answers are plain JSON (no envelope).
/// Failures: 400 `{"errors": {field: [messages]}}` for validation, 409 `{"errors": {"request": [message]}}`.
///
/// | method | path | fields → answer |
/// |---|---|---|
/// | GET | /_sim/health | → `{"ok": true}` |
/// | GET | /_sim/users | → `{"users": [{username, display_name, apikey, token}]}` |
/// | POST | /_sim/users/rotate | username → `{"user": {...}}` with new credentials; the old ones get 401 "auth" |
/// | GET | /_sim/state | → `{now, users, leads (with deleted, updated_on), notes, activities, appointments}` |
/// | GET | /_sim/stats?since=N | → `{total, per_path, per_status, faults, rate_limited, first_index, requests: [{time, method, path, status, user, fault, reset?}]}` |
/// | POST | /_sim/stats/reset | → `{"ok": true}` |
/// | GET | /_sim/state | also one object per other vendor, keyed by kind (`zenvia`, `cleverapp`, `closingdealz`, `chatbot`) |
/// | GET | /_sim/vendors | → `{"vendors": [{kind, url, key, chatbot_id?}]}` |
/// | GET | /_sim/faults?vendor=K | → `{latency_ms, error_rate, drop_rate, malformed_rate, rate_limit}` of seed 001 plus `vendors` (kind → settings); with `vendor`, that vendor's |
/// | POST | /_sim/faults | any of latency_ms, error_rate, drop_rate, malformed_rate, rate_limit ("N/S" or "off"), reset=1, vendor (a kind or all, default all) → the settings |
/// | POST | /_sim/<kind>/... | a vendor's own control endpoints (e.g. `/_sim/zenvia/inbound`, see the vendor's API file) |
/// | POST | /_sim/leads/create | create-lead fields (assignee required), `as` = acting user → `{"lead": {...}}` |
/// | POST | /_sim/leads/update | slug + any subset of fields (no owner check) → `{"lead": {...}}` |
/// | POST | /_sim/leads/delete | slug → `{"ok": true}` |
/// | POST | /_sim/notes/create | slug, note, user (author; default the owner) → `{"note": {...}}` |
/// | POST | /_sim/notes/delete | note_id → `{"ok": true}` |
/// | POST | /_sim/appointments/create | slug, appointment_date, appointment_to, appointment_note, appointment_status (no owner, future or overlap rule) → `{"appointment": {...}}` |
/// | POST | /_sim/appointments/update | appointment_id + fields → `{"appointment": {...}}` |
/// | POST | /_sim/appointments/delete | appointment_id → `{"ok": true}` |
struct ControlAPI: Sendable {
    let state: SimulatorState
    let vendors: [any VendorAPI]
    let faults: FaultBoard
    let log: RequestLog
    /// The `closer-sim` vendor lines, set once the port is known.
    let endpoints = LockedValue<[VendorEndpoint]>([])

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        let route = request.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        var form = request.query
        if request.method == "POST" {
            guard let fields = request.formFields() else { return problem(400, "body", "Malformed body.") }
            form.merge(fields) { _, body in body }
        }
        switch (request.method, route) {
        case ("GET", "_sim/health"): return .json(200, ["ok": true])
        case ("GET", "_sim/users"): return .json(200, ["users": state.allUsers.map(SimulatorState.userJSON)])
        case ("POST", "_sim/users/rotate"):
            guard let user = state.rotateCredentials(username: form["username"] ?? "") else {
                return problem(404, "username", "No such user.")
            }
            return .json(200, ["user": SimulatorState.userJSON(user)])
        case ("GET", "_sim/state"):
            return HTTPResponse(status: 200, headers: [("Content-Type", "application/json")], body: stateDump())
        case ("GET", "_sim/vendors"):
            return .json(200, ["vendors": endpoints.get().map { endpoint -> [String: Any] in
                var item: [String: Any] = ["kind": endpoint.kind.rawValue, "url": endpoint.url.absoluteString, "key": endpoint.apiKey]
                if let id = endpoint.chatbotId { item["chatbot_id"] = id }
                return item
            }])
        case ("GET", "_sim/stats"): return .json(200, log.json(since: Int(form["since"] ?? "") ?? 0))
        case ("POST", "_sim/stats/reset"):
            log.reset()
            return ok
        case ("GET", "_sim/faults"), ("POST", "_sim/faults"):
            if request.method == "POST", let message = faults.apply(form) { return problem(400, "faults", message) }
            guard let body = faults.json(vendor: form["vendor"]) else {
                return problem(400, "faults", FaultBoard.unknownVendor(form["vendor"] ?? ""))
            }
            return .json(200, body)
        case (_, _) where route.hasPrefix("_sim/") && vendorControl(route) != nil:
            let (vendor, rest) = vendorControl(route) ?? (vendors[0], "")
            return vendor.control(request.method, rest, form) ?? problem(404, "request", "Unknown control endpoint \(request.method) \(request.path).")
        case ("POST", _): return perform(route, form)
        default: return problem(404, "request", "Unknown control endpoint \(request.method) \(request.path).")
        }
    }

    private var ok: HTTPResponse { .json(200, ["ok": true]) }

    /// seed 001's dump with every other vendor's state as one more top-level object.
    private func stateDump() -> [UInt8] {
        let parts = vendors.filter { $0.kind != .leadsCRM }.map { vendor -> (String, [UInt8]) in
            let data = (try? JSONSerialization.data(withJSONObject: vendor.stateJSON(), options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
            return (vendor.kind.rawValue, [UInt8](data))
        }
        return state.dumpJSON(vendors: parts)
    }

    /// `_sim/<kind>/<rest>` for a vendor other than seed 001.
    private func vendorControl(_ route: String) -> (any VendorAPI, String)? {
        let parts = route.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let kind = VendorKind(rawValue: String(parts[1])), kind != .leadsCRM,
              let vendor = vendors.first(where: { $0.kind == kind }) else { return nil }
        return (vendor, String(parts[2]))
    }

    /// The "another agent" writes.
    private func perform(_ route: String, _ form: [String: String]) -> HTTPResponse {
        do throws(SimFailure) {
            switch route {
            case "_sim/leads/create":
                let lead = try state.createLead(form, by: form["as"] ?? "another agent")
                return .json(200, ["lead": LeadsAPI.listJSON(lead)])
            case "_sim/leads/update":
                let lead = try state.updateLead(form, by: nil, partial: true)
                return .json(200, ["lead": LeadsAPI.listJSON(lead)])
            case "_sim/leads/delete":
                try state.deleteLead(slug: form["slug"], by: nil)
                return ok
            case "_sim/notes/create":
                let note = try state.addNote(slug: form["slug"], text: form["note"], by: nil, author: form["user"])
                return .json(200, ["note": [
                    "id": note.id, "lead_id": note.leadId, "note": note.text, "user": note.author,
                    "note_created": WireDate.formatTimestamp(note.createdAt),
                ]])
            case "_sim/notes/delete":
                try state.deleteNote(id: form["note_id"], by: nil)
                return ok
            case "_sim/appointments/create":
                return .json(200, ["appointment": Self.json(try state.createAppointment(form, by: nil))])
            case "_sim/appointments/update":
                return .json(200, ["appointment": Self.json(try state.updateAppointment(form, by: nil))])
            case "_sim/appointments/delete":
                try state.deleteAppointment(id: form["appointment_id"], by: nil)
                return ok
            default:
                return problem(404, "request", "Unknown control endpoint POST /\(route).")
            }
        } catch {
            switch error {
            case .validation(let errors): return .json(400, ["errors": errors.messages])
            case .request(let message): return problem(409, "request", message)
            }
        }
    }

    private func problem(_ status: Int, _ key: String, _ message: String) -> HTTPResponse {
        .json(status, ["errors": [key: [message]]])
    }

    static func json(_ appointment: SimAppointment) -> [String: Any] {
        [
            "id": appointment.id, "lead_id": appointment.leadId,
            "appointment_date": WireDate.formatAppointment(appointment.start),
            "appointment_to": WireDate.formatAppointment(appointment.end),
            "appointment_note": appointment.note, "appointment_status": appointment.status.rawValue,
        ]
    }
}
