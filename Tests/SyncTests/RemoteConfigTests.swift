import Foundation
import Sync
import XCTest

final class RemoteConfigTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("closer-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func write(_ text: String, mode: Int) throws -> String {
        let path = directory.appendingPathComponent("config").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    func testParsesRemotesWithCommentsQuotesAndOtherSections() throws {
        let text = """
        # Closer configuration
        [ui]
            theme = dark
        [remote "crm"]
            kind = leads-crm      ; the primary backend
            url = "http://127.0.0.1:8700/api/v1"
            api_key_cmd = "pass show crm/key # not a comment"
            token_env = CRM_TOKEN
            username = alice
        [remote "zen"]
            kind = zenvia
            url = https://api.example.com/v1
        """
        let file = try RemoteConfigFile(text: text, path: "cfg")
        XCTAssertEqual(file.remotes.map(\.name), ["crm", "zen"])
        let crm = try file.remote(named: "crm")
        XCTAssertEqual(crm.kind, .leadsCRM)
        XCTAssertEqual(crm.url.absoluteString, "http://127.0.0.1:8700/api/v1")
        XCTAssertEqual(crm.apiKey, .command("pass show crm/key # not a comment"))
        XCTAssertEqual(crm.token, .environment("CRM_TOKEN"))
        XCTAssertEqual(crm.username, "alice")
        XCTAssertFalse(file.holdsInlineSecrets)
        XCTAssertEqual(try file.remote(named: nil).name, "crm", "without --remote the remote named crm is chosen")
    }

    func testErrorsNameFileAndLine() {
        let cases: [(String, String)] = [
            ("[remote \"crm\"]\nkind = leads-crm\nurl = ftp://x\n", "cfg:3: url must be an http:// or https:// URL with a host"),
            ("[remote \"crm\"]\nkind = salesforce\n", "cfg:2: unknown kind \"salesforce\""),
            ("[remote \"crm\"]\nkind = leads-crm\nurl = http://a\npassword = x\n", "cfg:4: unknown key \"password\""),
            ("kind = leads-crm\n", "cfg:1: a key outside any [section]"),
            ("[remote \"crm\"\n", "cfg:1: unterminated section header"),
            ("\n[remote \"crm\"]\nurl = http://a\n", "cfg:2: remote \"crm\" has no kind"),
            ("[remote \"crm\"]\nkind = leads-crm\nurl = \"http://a\n", "cfg:3: unterminated quoted value"),
            ("[remote \"crm\"]\nkind=leads-crm\nurl=http://a\napi_key_env=A\napi_key_cmd=b\n", "cfg:5: api_key_cmd: the credential is already given"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try RemoteConfigFile(text: text, path: "cfg"), text) { error in
                XCTAssertTrue("\(error)".hasPrefix(expected), "\(error) should start with \(expected)")
            }
        }
    }

    func testRefusesAGroupReadableFileThatHoldsAnInlineKey() throws {
        let path = try write("[remote \"crm\"]\nkind = leads-crm\nurl = http://a\napi_key = SUPERSECRET\n", mode: 0o644)
        XCTAssertThrowsError(try RemoteConfigFile.load(path: path)) { error in
            XCTAssertTrue("\(error)".contains("readable by group or others"))
            XCTAssertTrue("\(error)".contains("chmod 600"))
            XCTAssertFalse("\(error)".contains("SUPERSECRET"))
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let file = try RemoteConfigFile.load(path: path)
        XCTAssertTrue(file.holdsInlineSecrets)
        XCTAssertEqual(try SecretResolver(environment: [:]).resolve(file.remotes[0].apiKey, what: "api_key", remote: "crm").reveal(),
                       "SUPERSECRET")
    }

    func testAReadableFileWithoutInlineSecretsIsAccepted() throws {
        let path = try write("[remote \"crm\"]\nkind = leads-crm\nurl = http://a\napi_key_env = K\ntoken_env = T\n", mode: 0o644)
        XCTAssertEqual(try RemoteConfigFile.load(path: path).remotes.count, 1)
    }

    func testCommandsRunThroughTheShellAndEnvironmentVariablesAreRead() throws {
        let remote = RemoteConfig(
            name: "crm", kind: .leadsCRM, url: URL(string: "http://a")!,
            apiKey: .command("printf 'key-%s\\nsecond line' \"$SUFFIX\""), token: .environment("TOK"))
        let credentials = try SecretResolver(environment: ["SUFFIX": "42", "TOK": "tok-1"]).credentials(for: remote)
        XCTAssertEqual(credentials.apiKey.reveal(), "key-42")
        XCTAssertEqual(credentials.token.reveal(), "tok-1")
    }

    func testAFailingCommandReportsItsStatusButNotItsOutput() {
        let remote = RemoteConfig(name: "crm", kind: .leadsCRM, url: URL(string: "http://a")!,
                                  apiKey: .command("echo LEAKED; exit 3"), token: .environment("TOK"))
        XCTAssertThrowsError(try SecretResolver(environment: ["TOK": "x"]).credentials(for: remote)) { error in
            XCTAssertEqual("\(error)", "remote \"crm\": api_key_cmd failed (exit status 3)")
        }
        let missing = RemoteConfig(name: "crm", kind: .leadsCRM, url: URL(string: "http://a")!,
                                   apiKey: .environment("NOPE"), token: nil)
        XCTAssertThrowsError(try SecretResolver(environment: [:]).credentials(for: missing)) { error in
            XCTAssertEqual("\(error)", "remote \"crm\": api_key: environment variable NOPE is not set")
        }
    }

    func testEnvironmentRemoteForScriptsAndTests() throws {
        let remote = try XCTUnwrap(try RemoteConfig.fromEnvironment(["CLOSER_REMOTE_URL": "http://127.0.0.1:1/api/v1"]))
        XCTAssertEqual(remote.apiKey, .environment("CLOSER_API_KEY"))
        XCTAssertNil(try RemoteConfig.fromEnvironment([:]))
        XCTAssertThrowsError(try RemoteConfig.fromEnvironment(["CLOSER_REMOTE_URL": "nope"]))
    }
}
