import Foundation
import XCTest
@testable import Sync

/// A prepared request (the lead detail's head built once) writes the very bytes the per-request
/// writer writes for the same request, and falls back to it where it cannot.
final class PreparedRequestTests: XCTestCase {
    private let headers = ["apikey": "k", "Authorization": "Bearer t", "Accept": "application/json", "X": "a\r\nEvil: 1"]

    func testPreparedBytesEqualTheRequestWrittenInFull() throws {
        let url = try XCTUnwrap(URL(string: "http://127.0.0.1:8123/api/v1/leads/view/lead/"))
        let prepared = PreparedRequest(url: url, headers: headers)
        for slug in ["renee-1", "dubois-2", "élodie 3", "a&b=c", "ü/%?", ""] {
            let query = FormEncoding.encode([("slug", slug)])
            let request = try prepared.request(query: query)
            XCTAssertEqual(request.url.absoluteString, url.absoluteString + "?" + query)
            let full = SocketHTTPClient.serialize(request, host: "127.0.0.1", port: 8123)
            XCTAssertEqual(SocketHTTPClient.serialize(prepared, query: query), full, slug)
        }
        XCTAssertEqual(SocketHTTPClient.serialize(prepared, query: ""),
                       SocketHTTPClient.serialize(HTTPClientRequest(url: url, headers: headers), host: "127.0.0.1", port: 8123))
    }

    func testNoPreparedBytesForOtherURLsOrUnsafeQueries() throws {
        let https = PreparedRequest(url: try XCTUnwrap(URL(string: "https://crm.example.com/api/v1/leads/view/lead/")), headers: headers)
        XCTAssertNil(SocketHTTPClient.serialize(https, query: "slug=a"))
        XCTAssertEqual(try https.request(query: "slug=a").url.absoluteString, "https://crm.example.com/api/v1/leads/view/lead/?slug=a")
        let plain = PreparedRequest(url: try XCTUnwrap(URL(string: "http://h/x/")), headers: [:])
        XCTAssertNil(SocketHTTPClient.serialize(plain, query: "slug=a b"))
        XCTAssertNil(SocketHTTPClient.serialize(plain, query: "slug=a\r\nX: 1"))
        XCTAssertEqual(SocketHTTPClient.serialize(plain, query: "slug=a").map { String(decoding: $0, as: UTF8.self) },
                       "GET /x/?slug=a HTTP/1.1\r\nHost: h:80\r\nConnection: keep-alive\r\n\r\n")
    }

    func testNoPrintedFormOfARequestOrTheClientHoldingItShowsTheKeyOrToken() throws {
        let url = try XCTUnwrap(URL(string: "http://127.0.0.1:8123/api/v1/leads/view/lead/"))
        let secrets = ["apikey": "sk-live-0123456789", "Authorization": "Bearer tok-abcdef", "Accept": "application/json"]
        let prepared = PreparedRequest(url: url, headers: secrets)
        let wire = try XCTUnwrap(prepared.wire)
        let api = LeadsCRMAPI(baseURL: try XCTUnwrap(URL(string: "http://127.0.0.1:8123/api/v1")),
                              credentials: RemoteCredentials(apiKey: Secret("sk-live-0123456789"), token: Secret("tok-abcdef")))
        XCTAssertTrue(api.detailRequest.headers.values.contains("Bearer tok-abcdef"), "the client does hold the token")
        let plain = HTTPClientRequest(url: url, headers: secrets, body: Data("{}".utf8))
        var texts: [String] = []
        for value in [prepared, wire, api, plain] as [Any] {
            var dumped = ""
            dump(value, to: &dumped)
            texts += ["\(value)", String(describing: value), String(reflecting: value), dumped]
        }
        for text in texts {
            XCTAssertFalse(text.contains("sk-live"), text)
            XCTAssertFalse(text.contains("tok-abc"), text)
        }
        XCTAssertTrue(String(describing: prepared).contains("apikey"), "header names are shown")
        XCTAssertTrue(String(describing: prepared).contains("/leads/view/lead/"))
        XCTAssertTrue(String(describing: plain).contains("apikey"), "an ordinary request shows its header names too")
    }
}

/// The lead detail through the prepared head reaches the simulator as a request built in full.
final class PreparedDetailRequestTests: SyncTestCase {
    func testLeadDetailOverThePreparedHeadEqualsTheFullRequest() async throws {
        let api = makeProvider().api
        let transport = SocketHTTPClient(timeout: 5)
        let page = try await api.listLeads(offset: 0, limit: 5)
        XCTAssertEqual(page.results.count, 5)
        for lead in page.results {
            let query = FormEncoding.encode([("slug", lead.slug)])
            let fast = try await transport.send(api.detailRequest, query: query)
            let full = try await transport.send(try api.detailRequest.request(query: query))
            XCTAssertEqual(fast.status, 200)
            // The same lead, notes and activities (the bytes differ: the server stamps its answer).
            XCTAssertEqual(try LeadsCRMDetailDecoding.detail(of: fast) { _ in nil }, try LeadsCRMDetailDecoding.detail(of: full) { _ in nil })
            let detail = try await api.leadDetail(slug: lead.slug)
            XCTAssertEqual(detail.lead.slug, lead.slug)
        }
        let missing = try await transport.send(api.detailRequest, query: FormEncoding.encode([("slug", "no such lead")]))
        let missingInFull = try await transport.send(try api.detailRequest.request(query: "slug=no%20such%20lead"))
        XCTAssertEqual(missing.status, missingInFull.status)
        XCTAssertThrowsError(try LeadsCRMDetailDecoding.detail(of: missing) { _ in nil })
    }
}
