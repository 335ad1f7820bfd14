import Core
import Foundation
import Sync
import XCTest

/// The seed 001 client against a scripted transport: wire format and error classification.
final class LeadsCRMAPITests: XCTestCase {
    let ok = #"{"status_code":200,"errors":{},"data":{}}"#

    func makeAPI(_ clock: ManualClock, _ steps: [ScriptedTransport.Step], attempts: Int = 5) -> (LeadsCRMAPI, ScriptedTransport) {
        let transport = ScriptedTransport(clock: clock, steps)
        let api = LeadsCRMAPI(
            baseURL: URL(string: "http://127.0.0.1:9/api/v1")!,
            credentials: RemoteCredentials(apiKey: Secret("KEY-123"), token: Secret("TOKEN-456")),
            transport: transport, retryPolicy: RetryPolicy(base: 1, cap: 8, maxAttempts: attempts, random: { 0.5 }),
            clock: clock)
        return (api, transport)
    }

    func testEveryCallCarriesBothAuthHeadersAndPostsAreFormEncoded() async throws {
        let (api, transport) = makeAPI(ManualClock(), [])
        try await api.createNote(slug: "ana-lima", text: "Called & left a message: 50% off?")
        let request = try XCTUnwrap(transport.requests.first)
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.url.absoluteString, "http://127.0.0.1:9/api/v1/leads/create/leadnote/")
        XCTAssertEqual(request.headers["apikey"], "KEY-123")
        XCTAssertEqual(request.headers["Authorization"], "Bearer TOKEN-456")
        XCTAssertEqual(request.headers["Content-Type"], "application/x-www-form-urlencoded")
        let body = String(decoding: request.body ?? Data(), as: UTF8.self)
        XCTAssertEqual(body, "note=Called%20%26%20left%20a%20message%3A%2050%25%20off%3F&slug=ana-lima")
    }

    func testListDecodesRowsCountAndNext() async throws {
        let body = #"""
        {"status_code":200,"errors":{},"data":{"results":[
          {"id":7,"slug":"ana-lima-7","first_name":"Ana","last_name":"Lima","name":"Ana Lima","phone":"+5511999999999",
           "email":"ana@example.com","added_on":"2026-01-02T03:04:05Z","status":"prospect","source":"website","owner":"alice"},
          {"id":8,"first_name":"no slug"}],
         "count":41,"previous":null,"next":"http://127.0.0.1:9/api/v1/leads/list/?offset=20&limit=20"}}
        """#
        let (api, transport) = makeAPI(ManualClock(), [.respond(200, body, [:])])
        let page = try await api.listLeads(offset: 0, limit: 20, filters: ["list_type": "assigned"])
        XCTAssertEqual(page.count, 41)
        XCTAssertTrue(page.hasNext)
        XCTAssertEqual(page.results.count, 1, "a row without a slug is skipped, not a crash")
        let lead = try XCTUnwrap(page.results.first)
        XCTAssertEqual(lead.id, "7")
        XCTAssertEqual(lead.slug, "ana-lima-7")
        XCTAssertEqual(lead.fields["assignee"], "alice")
        XCTAssertEqual(lead.fields["status"], "prospect")
        XCTAssertEqual(lead.addedOn, Date(timeIntervalSince1970: TimeInterval(WireDate.parseTimestamp("2026-01-02T03:04:05Z")!)))
        XCTAssertEqual(transport.requests.first?.url.query, "offset=0&limit=20&list_type=assigned")
    }

    func testAuthErrorKeyMeansCredentialsRejectedAndIsNotRetried() async {
        let body = #"{"status_code":401,"errors":{"auth":["Invalid apikey or access token."]},"data":{}}"#
        let (api, transport) = makeAPI(ManualClock(), [.respond(401, body, [:])])
        await assertThrows(try await api.listLeads(offset: 0, limit: 10),
                           .credentialsRejected("Invalid apikey or access token."))
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testRequestErrorKeyIsARejectionOfThatChangeWithTheServerMessage() async {
        let body = #"{"status_code":401,"errors":{"request":["You are not owner of this lead."]},"data":{}}"#
        let (api, _) = makeAPI(ManualClock(), [.respond(401, body, [:])])
        await assertThrows(try await api.updateLead(slug: "x", fields: [:]),
                           .rejected(ValidationErrors(["request": ["You are not owner of this lead."]])))
    }

    func testValidationErrorKeepsEveryFieldMessage() async {
        let body = #"{"status_code":400,"errors":{"email":["Invalid email."],"phone":"bad"},"data":{}}"#
        let (api, _) = makeAPI(ManualClock(), [.respond(400, body, [:])])
        await assertThrows(try await api.createLead(["email": "nope"]),
                           .rejected(ValidationErrors(["email": ["Invalid email."], "phone": ["bad"]])))
    }

    func testA429WaitsForTheResetThenSendsAgain() async throws {
        let clock = ManualClock()
        let limited = #"{"status_code":429,"errors":{},"data":{}}"#
        let (api, transport) = makeAPI(clock, [.respond(429, limited, ["Retry-After": "4"]), .respond(200, ok, [:])])
        try await api.deleteNote(id: "3")
        let times = transport.sendTimes
        XCTAssertEqual(times.count, 2)
        XCTAssertGreaterThanOrEqual(times[1].timeIntervalSince(times[0]), 4, "sent again before the 429's reset")
        XCTAssertEqual(api.metrics.snapshot.rateLimited, 1)
    }

    func testServerErrorsAndDropsAreRetriedWithBackoffForReads() async throws {
        let clock = ManualClock()
        let (api, transport) = makeAPI(clock, [
            .respond(503, "", [:]), .fail(.connectionLost), .respond(200, "{not json", [:]),
            .respond(200, #"{"status_code":200,"errors":{},"data":{"results":[],"count":0,"next":null}}"#, [:]),
        ])
        let page = try await api.listAppointments(offset: 0, limit: 50)
        XCTAssertEqual(page.results, [])
        XCTAssertEqual(transport.requests.count, 4)
        XCTAssertEqual(clock.sleeps, [0.5, 1, 2], "full jitter with random 0.5 over ceilings 1, 2, 4")
    }

    func testRetriesStopAtMaxAttempts() async {
        let (api, transport) = makeAPI(ManualClock(), Array(repeating: .respond(500, "", [:]), count: 10), attempts: 3)
        await assertThrows(try await api.leadDetail(slug: "a"), .serverError(status: 500))
        XCTAssertEqual(transport.requests.count, 3)
    }

    func testACreateIsNotResentBlindlyAfterADroppedConnection() async {
        let (api, transport) = makeAPI(ManualClock(), [.fail(.connectionLost), .respond(200, ok, [:])])
        await assertThrows(try await api.createLead(["first_name": "A"]), .connectionLost)
        XCTAssertEqual(transport.requests.count, 1, "a create must be looked up before it is sent again")
    }

    func testMalformedEnvelopeIsATypedError() async {
        let (api, _) = makeAPI(ManualClock(), [.respond(200, #"{"status_code":200}"#, [:])], attempts: 1)
        await assertThrows(try await api.overview(), .malformedResponse("no \"data\" in the envelope"))
    }

    func testOverviewDecodesCountsAndTotal() async throws {
        let body = #"""
        {"status_code":200,"errors":{},"data":{"LeadsData":{"status":[{"status":"prospect","count":3,"Description":"New","Color":"blue"}],
         "source":[{"source":"website","count":2}]},"TotalLeads":3,"appointments":[{"appointment_note":"Demo","appointment_status":"pending",
         "appointment_date":"2026-12-01 10:00","appointment_to":"2026-12-01 11:00"}]}}
        """#
        let (api, transport) = makeAPI(ManualClock(), [.respond(200, body, [:])])
        let overview = try await api.overview(appointment: "week")
        XCTAssertEqual(overview.totalLeads, 3)
        XCTAssertEqual(overview.statuses.first?.color, "blue")
        XCTAssertEqual(overview.sources["website"], 2)
        XCTAssertEqual(overview.appointments.first?["appointment_note"], "Demo")
        XCTAssertEqual(transport.requests.first?.url.query, "appointment=week")
    }

    func testLeadDetailDecodesActivitiesNotesAndConversion() async throws {
        let body = #"""
        {"status_code":200,"errors":{},"data":{"id":1,"slug":"s","first_name":"A","last_name":"B","name":"A B","phone":"123456789",
         "email":"a@b.co","status":"closed","source":"other","message":"hi","added_on":"2026-01-01T00:00:00Z",
         "recent_activities":[{"id":5,"activity_type":"call","created":"2026-01-01T01:00:00Z","activity":"Called"}],
         "notes":[{"id":"9","note":"n","note_created":"2026-01-01T02:00:00Z","user":"alice"}],"conversion":42.5}}
        """#
        let (api, _) = makeAPI(ManualClock(), [.respond(200, body, [:])])
        let detail = try await api.leadDetail(slug: "s")
        XCTAssertEqual(detail.lead.fields["message"], "hi")
        XCTAssertEqual(detail.activities.map(\.text), ["Called"])
        XCTAssertEqual(detail.notes.map(\.id), ["9"])
        XCTAssertEqual(detail.conversion, 42.5)
    }

    func assertThrows<T>(_ body: @autoclosure () async throws -> T, _ expected: SyncError,
                         file: StaticString = #filePath, line: UInt = #line) async {
        do {
            _ = try await body()
            XCTFail("expected \(expected)", file: file, line: line)
        } catch let error as SyncError {
            XCTAssertEqual(error, expected, file: file, line: line)
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
        }
    }
}
