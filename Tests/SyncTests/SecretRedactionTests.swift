import Foundation
import Sync
import XCTest

final class SecretRedactionTests: XCTestCase {
    func testEveryPrintedFormOfASecretIsRedacted() {
        let secret = Secret("sk-live-0123456789")
        var dumped = ""
        dump(secret, to: &dumped)
        let credentials = RemoteCredentials(apiKey: secret, token: Secret("tok-abcdef"))
        var dumpedCredentials = ""
        dump(credentials, to: &dumpedCredentials)
        let remote = RemoteConfig(name: "crm", kind: .leadsCRM, url: URL(string: "http://a")!,
                                  apiKey: .inline(secret), token: .inline(Secret("tok-abcdef")))
        for text in ["\(secret)", String(describing: secret), String(reflecting: secret), dumped,
                     "\(credentials)", String(reflecting: credentials), dumpedCredentials, "\(remote)", String(reflecting: remote)] {
            XCTAssertFalse(text.contains("sk-live"), text)
            XCTAssertFalse(text.contains("tok-abc"), text)
        }
        XCTAssertEqual("\(secret)", "<redacted>")
        XCTAssertEqual(secret.reveal(), "sk-live-0123456789")
    }

    func testTransportErrorsDoNotCarryRequestHeaders() {
        let errors: [SyncError] = [.timedOut, .connectionLost, .unreachable("cannot connect to 127.0.0.1"),
                                   .serverError(status: 503), .credentialsRejected("Invalid apikey or access token.")]
        for error in errors {
            XCTAssertFalse(error.description.contains("Bearer"), error.description)
        }
    }
}
