import Core
import Simulator
import XCTest

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

final class BodyFormatTests: SimulatorTestCase {
    func testMultipartAndURLEncodedCreatesAreBothStored() async throws {
        let encoded = try await call("POST", "leads/create/lead", form: validLeadForm(email: "form@example.com", assignee: ana.username), as: ana)
        let multipart = try await call(
            "POST", "leads/create/lead", form: validLeadForm(email: "multi@example.com", assignee: ana.username),
            multipart: true, as: ana)
        XCTAssertEqual(encoded.status, 200)
        XCTAssertEqual(multipart.status, 200)
        for email in ["form@example.com", "multi@example.com"] {
            let found = try await call("GET", "leads/list", query: ["email": email], as: ana)
            XCTAssertEqual(found.results.count, 1, email)
            XCTAssertEqual(found.results.first?["first_name"] as? String, "Zoë", "UTF-8 survives both encodings")
            XCTAssertEqual(found.results.first?["last_name"] as? String, "Müller")
        }
    }

    func testMultipartValidationReportsFieldMessages() async throws {
        var form = validLeadForm(assignee: ana.username)
        form["phone"] = "abc"
        let reply = try await call("POST", "leads/create/lead", form: form, multipart: true, as: ana)
        XCTAssertEqual(reply.errors["phone"], [VendorMessages.invalidPhone])
    }

    func testFormDecoderHandlesPlusPercentAndRepeatedFields() {
        XCTAssertEqual(FormDecoder.urlEncoded("a=1+2&b=%C3%A9%26&a=3"), ["a": "3", "b": "é&"])
        XCTAssertNil(FormDecoder.urlEncoded("a=%ZZ"))
    }

    func testMalformedMultipartIsNilNotACrash() {
        let body = [UInt8]("--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--\r\n".utf8)
        XCTAssertNil(FormDecoder.multipart(body, contentType: "multipart/form-data; boundary=b"), "a part without a name")
        XCTAssertNil(FormDecoder.multipart([UInt8]("garbage".utf8), contentType: "multipart/form-data; boundary=b"))
        XCTAssertNil(FormDecoder.multipart([], contentType: "multipart/form-data"))
    }

    func testUndecodableBodyIsBodyDataNotFound() async throws {
        var request = URLRequest(url: sim.baseURL.appendingPathComponent("leads/create/lead/"))
        request.httpMethod = "POST"
        request.setValue(ana.apiKey, forHTTPHeaderField: "apikey")
        request.setValue("Bearer \(ana.token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data("first_name=%E0%A4%A".utf8)
        let reply = try await send(request)
        XCTAssertEqual(reply.status, 401)
        XCTAssertEqual(reply.errors["request"], [VendorMessages.bodyDataNotFound])
    }
}
