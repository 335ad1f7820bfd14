import Foundation
import Sync
import XCTest

/// Several `[remote "NAME"]` sections of every kind: push policy, chatbot id, which secrets a kind
/// needs, and the providers (capabilities, not names) the factory builds for them.
final class MultiRemoteConfigTests: XCTestCase {
    let five = """
        [remote "crm"]
            kind = leads-crm
            url = http://127.0.0.1:8700/api/v1
            api_key_env = CRM_KEY
            token_env = CRM_TOKEN
        [remote "zenvia"]
            kind = zenvia
            url = http://127.0.0.1:8700/zenvia/v1
            api_key_env = ZEN_KEY
        [remote "clever"]
            kind = cleverapp
            url = http://127.0.0.1:8700/cleverapp
            api_key_cmd = echo ca_live.key
        [remote "cd"]
            kind = closingdealz
            url = http://127.0.0.1:8700/closingdealz
            api_key_env = CD_KEY
            push = new-leads
        [remote "bot"]
            kind = chatbot
            url = http://127.0.0.1:8700/chatbot
            chatbot_id = cb_123
            api_key_env = BOT_KEY
            push = none
        """

    func testFiveRemotesWithPushPoliciesAndTheChatbotId() throws {
        let file = try RemoteConfigFile(text: five, path: "cfg")
        XCTAssertEqual(file.remotes.map(\.name), ["crm", "zenvia", "clever", "cd", "bot"])
        XCTAssertEqual(file.remotes.map(\.forwardsNewLeads), [true, false, false, true, false],
                       "leads-crm takes new leads by default, destinations only with push = new-leads")
        XCTAssertEqual(file.remotes[4].chatbotId, "cb_123")
        XCTAssertEqual(file.remotes[3].push, .newLeads)
    }

    func testOnlyLeadsCRMNeedsAToken() throws {
        let file = try RemoteConfigFile(text: five, path: "cfg")
        let resolver = SecretResolver(environment: ["CD_KEY": "cdz_x", "CRM_KEY": "k"])
        let cd = try resolver.credentials(for: file.remote(named: "cd"))
        XCTAssertEqual(cd.apiKey.reveal(), "cdz_x")
        XCTAssertTrue(cd.token.isEmpty)
        XCTAssertThrowsError(try resolver.credentials(for: file.remote(named: "crm"))) { error in
            XCTAssertEqual("\(error)", "remote \"crm\": token: environment variable CRM_TOKEN is not set")
        }
    }

    func testBadPushValueAndMissingChatbotIdNameTheLine() {
        XCTAssertThrowsError(try RemoteConfigFile(text: "[remote \"cd\"]\nkind = closingdealz\nurl = http://h/x\npush = always\n", path: "cfg")) {
            XCTAssertEqual("\($0)", "cfg:4: push must be new-leads or none, not \"always\"")
        }
        XCTAssertThrowsError(try RemoteConfigFile(text: "[remote \"bot\"]\nkind = chatbot\nurl = http://h/x\n", path: "cfg")) {
            XCTAssertEqual("\($0)", "cfg:1: remote \"bot\" (kind chatbot) needs chatbot_id")
        }
    }

    func testTheFactoryBuildsAProviderPerKindThatDeclaresWhatItCanDo() throws {
        let file = try RemoteConfigFile(text: five, path: "cfg")
        let credentials = RemoteCredentials(apiKey: Secret("k"), token: Secret("t"))
        let providers = try file.remotes.map { try RemoteProviderFactory.make($0, credentials: credentials) }
        XCTAssertEqual(providers.map(\.providerKey), ["crm", "zenvia", "clever", "cd", "bot"])
        let crm = providers[0].capabilities, zenvia = providers[1].capabilities, clever = providers[2].capabilities
        let cd = providers[3].capabilities, bot = providers[4].capabilities
        XCTAssertTrue(crm.can([.pullLeads, .editLeads, .notes, .appointments, .overview]))
        XCTAssertFalse(crm.isDestination)
        XCTAssertTrue(zenvia.can([.conversationRead, .sendTemplate, .sendText, .sendFile, .transfer, .archive, .pushLeads]))
        XCTAssertTrue(clever.can([.followUpEmail, .editLeads, .pushLeads]))
        XCTAssertTrue(cd.can(.bulkCreate))
        XCTAssertEqual(cd.bulkCreateLimit, 100)
        XCTAssertTrue(bot.can(.createWithMetadata))
        XCTAssertEqual([crm, zenvia, clever, cd, bot].map(\.createRecovery), [.lookUp, .idempotent, .none, .none, .idempotent])
        XCTAssertEqual([zenvia, clever, cd, bot].map(\.isDestination), [true, true, true, true])
        XCTAssertNotNil(providers[1] as? any ConversationProvider)
        XCTAssertNil(providers[3] as? any LeadUpdatingProvider, "ClosingDealz cannot edit a lead")
    }
}
