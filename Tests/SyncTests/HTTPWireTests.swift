import Foundation
import XCTest
@testable import Sync

/// The socket client's byte-level request writer and response-head reader.
final class HTTPWireTests: XCTestCase {
    private func firstLine(_ url: String, method: String = "GET") throws -> String {
        let request = HTTPClientRequest(method: method, url: try XCTUnwrap(URL(string: url)), headers: ["B": "2", "A": "1\r\nX-Evil: 1"])
        let text = String(decoding: SocketHTTPClient.serialize(request, host: "h", port: 8), as: UTF8.self)
        return text
    }

    func testRequestTargetIsThePercentEncodedPathAndQuery() throws {
        XCTAssertTrue(try firstLine("http://127.0.0.1:8/api/v1/leads/list/?offset=0&limit=5").hasPrefix(
            "GET /api/v1/leads/list/?offset=0&limit=5 HTTP/1.1\r\nHost: h:8\r\n"))
        XCTAssertTrue(try firstLine("http://127.0.0.1:8").hasPrefix("GET / HTTP/1.1\r\n"))
        XCTAssertTrue(try firstLine("http://127.0.0.1:8?x=1").hasPrefix("GET /?x=1 HTTP/1.1\r\n"))
        XCTAssertTrue(try firstLine("http://127.0.0.1:8/a%20b?q=%C3%BC#frag").hasPrefix("GET /a%20b?q=%C3%BC HTTP/1.1\r\n"))
    }

    func testHeadersAreSortedAndCannotInjectLines() throws {
        let text = try firstLine("http://127.0.0.1:8/x", method: "POST")
        XCTAssertTrue(text.contains("\r\nA: 1X-Evil: 1\r\nB: 2\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n"), text)
    }

    func testHeadNamesAreLowerCasedTrimmedAndRepeatedOnesJoined() throws {
        let head = Array("HTTP/1.1 201 Created\r\nContent-Type:  application/json \r\nSet-Cookie: a\r\nset-cookie: b\r\nConnection: Close".utf8)
        let parsed = try HTTPWireParser.parseHead(head)
        XCTAssertEqual(parsed.status, 201)
        XCTAssertEqual(parsed.headers["content-type"], "application/json")
        XCTAssertEqual(parsed.headers["set-cookie"], "a, b")
        XCTAssertFalse(parsed.keepAlive)
        XCTAssertTrue(try HTTPWireParser.parseHead(Array("HTTP/1.1 200 OK\r\nA: 1".utf8)).keepAlive)
        XCTAssertFalse(try HTTPWireParser.parseHead(Array("HTTP/1.0 200 OK".utf8)).keepAlive)
        XCTAssertTrue(try HTTPWireParser.parseHead(Array("HTTP/1.0 200 OK\r\nConnection: keep-alive".utf8)).keepAlive)
        XCTAssertThrowsError(try HTTPWireParser.parseHead(Array("HTTP/2 200 OK".utf8)))
        XCTAssertThrowsError(try HTTPWireParser.parseHead(Array("HTTP/1.1 200 OK\r\nno colon".utf8)))
        XCTAssertThrowsError(try HTTPWireParser.parseHead(Array("HTTP/1.1 999 Nope".utf8)))
    }

    func testResponsesFramedEveryWayArriveWhole() throws {
        var parser = HTTPWireParser()
        XCTAssertEqual(try parser.feed(Array("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhe".utf8)), .needMore)
        guard case .done(let response, true) = try parser.feed(Array("llo".utf8)) else { return XCTFail("not done") }
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "hello")
        var chunked = HTTPWireParser()
        let text = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"
        guard case .done(let whole, _) = try chunked.feed(Array(text.utf8)) else { return XCTFail("not done") }
        XCTAssertEqual(String(decoding: whole.body, as: UTF8.self), "abcde")
    }
}
