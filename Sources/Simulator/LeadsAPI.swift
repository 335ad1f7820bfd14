import Core
import Foundation

/// The seed 001 "Leads & CRM" endpoints under `/api/v1`: authentication by `apikey` plus
/// `Authorization: Bearer`, routing, paging, and the JSON shapes of the vendor's samples.
///
/// Choices where the seed is silent (also in the final report):
/// - Trailing slashes are optional; unknown paths answer 404, wrong methods 405 (both enveloped).
/// - `/leads/list/` without `list_type` lists every live lead of the workspace; `list_type=assigned`
///   only the caller's. Text filters are case-insensitive exact matches; `campaign_slug` matches nothing.
/// - An undecodable POST body answers 401 "Body data not found."
/// - Offset/limit: default 20, max 500 (clamped), negatives → 0, limit 0 → 20, non-integers → 400.
struct LeadsAPI: Sendable {
    static let basePath = "/api/v1"
    static let defaultLimit = 20
    static let maxLimit = 500

    let state: SimulatorState

    /// One authenticated call, routed; `origin` is `http://host:port` for paging URLs.
    func handle(_ request: HTTPRequest, origin: String) -> HTTPResponse {
        let route = Self.route(of: request.path)
        guard let endpoint = Endpoint(rawValue: route) else {
            return Envelope.error(404, key: "request", "Not found.")
        }
        guard request.method == endpoint.method else {
            return Envelope.error(405, key: "request", "Method \(request.method) not allowed.", headers: [("Allow", endpoint.method)])
        }
        guard let user = authenticate(request) else { return Envelope.authFailure() }
        var form: [String: String] = request.query
        if endpoint.method == "POST" {
            guard let fields = request.formFields() else { return Envelope.failure(.request(VendorMessages.bodyDataNotFound)) }
            form = fields
        }
        let call = Call(user: user, form: form, request: request, origin: origin)
        do {
            return try dispatch(endpoint, call)
        } catch {
            return Envelope.failure(error)
        }
    }

    /// The path below `/api/v1` without slashes at either end (e.g. "leads/list").
    static func route(of path: String) -> String {
        guard path.hasPrefix(basePath + "/") else { return "" }
        return String(path.dropFirst(basePath.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
    }

    /// Both headers must name the same user (seed 001: `apikey` and `Authorization: Bearer`).
    func authenticate(_ request: HTTPRequest) -> SimUser? {
        guard let key = request.header("apikey"), let authorization = request.header("authorization") else { return nil }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return state.user(apiKey: key, token: parts[1].trimmingCharacters(in: .whitespaces))
    }

    private func dispatch(_ endpoint: Endpoint, _ call: Call) throws(SimFailure) -> HTTPResponse {
        switch endpoint {
        case .listLeads: return try listLeads(call)
        case .viewLead: return try viewLead(call)
        case .createLead: return try createLead(call)
        case .updateLead: return try updateLead(call)
        case .deleteLead: return try deleteLead(call)
        case .createNote: return try createNote(call)
        case .deleteNote: return try deleteNote(call)
        case .listAppointments: return try listAppointments(call)
        case .createAppointment: return try createAppointment(call)
        case .updateAppointment: return try updateAppointment(call)
        case .deleteAppointment: return try deleteAppointment(call)
        case .overview: return try overview(call)
        }
    }

    /// The endpoints of seed 001, by route.
    enum Endpoint: String, CaseIterable {
        case overview = "leads/overview"
        case listLeads = "leads/list"
        case listAppointments = "leads/appointments/list"
        case viewLead = "leads/view/lead"
        case createLead = "leads/create/lead"
        case updateLead = "leads/update/lead"
        case deleteLead = "leads/delete/lead"
        case createNote = "leads/create/leadnote"
        case deleteNote = "leads/delete/leadnote"
        case createAppointment = "leads/create/appointment"
        case updateAppointment = "leads/update/appointment"
        case deleteAppointment = "leads/delete/appointment"

        var method: String {
            switch self {
            case .overview, .listLeads, .listAppointments, .viewLead: return "GET"
            default: return "POST"
            }
        }
    }

    /// What a handler needs: the caller, the fields (query for GET, body for POST) and the request.
    struct Call {
        let user: SimUser
        let form: [String: String]
        let request: HTTPRequest
        let origin: String
    }
}
