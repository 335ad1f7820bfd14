import Core
import Foundation
import Simulator
import Store
import Sync
import ViewModels
import XCTest

/// `:transfer`'s picker over the simulator: the conversation cycle caches Zenvia's
/// `/prospects/transfer-targets` through the provider, the view model offers them (names
/// sanitised, groups first), a picked agent or group is queued like `:transfer ID` and reaches
/// Zenvia once; a typed id or name still works for scripts.
final class ConversationTransferPickerTests: DestinationTestCase {
    override func configuration() -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration(leadCount: 20, seed: 11, userCount: 3)
        configuration.zenviaProspects = 6
        return configuration
    }

    private func zenvia() throws -> ZenviaProvider {
        try XCTUnwrap(try vendorProvider(.zenvia, name: "zenvia") as? ZenviaProvider)
    }

    private func prospect(_ index: Int) async throws -> (lead: Int64, prospect: String) {
        let prospects = try await vendorState(.zenvia)["prospects"] as? [[String: Any]] ?? []
        let email = try XCTUnwrap((prospects[index]["emails"] as? [String])?.first)
        let lead = try store.createLead(Lead(firstName: "Picker", lastName: "Lead\(index)", email: email, phone: "+15550000\(300 + index)",
                                             owner: ana.username)).id
        return (lead, try XCTUnwrap(prospects[index]["id"] as? String))
    }

    func testTheCycleCachesTheTransferTargetsAndThePickedAgentReachesZenviaOnce() async throws {
        let provider = try zenvia()
        let sync = ConversationSync(store: store, messaging: provider, followUps: nil)
        let (lead, prospectId) = try await prospect(2)
        var model = ConversationViewModel(store: store, leadId: lead)
        XCTAssertTrue(model.transferChoices.isEmpty, "nothing cached before the first cycle")

        await sync.runCycle()
        let served = try await provider.transferTargets()
        model = ConversationViewModel(store: store, leadId: lead)
        let choices = model.transferChoices
        XCTAssertEqual(Set(choices.map(\.id)), Set(served.map(\.id)), "every group and agent of /prospects/transfer-targets")
        XCTAssertEqual(choices.first?.isGroup, true, "groups first")
        XCTAssertFalse(choices.contains { $0.name.isEmpty })
        let cached = try await sync.refreshTransferTargets()
        XCTAssertEqual(cached, 0, "read at most every 10 minutes")

        // The picker: filter by part of an agent's name, pick it.
        let agent = try XCTUnwrap(choices.first { !$0.isGroup })
        let labels = ConversationViewModel.transferLabels(choices)
        var picker = FilteredChoices(options: labels)
        for character in String(agent.name.split(separator: " ").last ?? "") { picker.type(character) }
        XCTAssertTrue(picker.matches.count < labels.count && !picker.matches.isEmpty, "\(picker.matches)")
        let index = try XCTUnwrap(picker.matches.first { choices[$0].id == agent.id })
        model.transfer(to: choices[index])
        XCTAssertEqual(model.message?.text, "Transfer to \(agent.name) queued")
        let queued = try XCTUnwrap(try store.queuedSends().first)
        XCTAssertEqual(queued.kind, .transfer)
        XCTAssertTrue(queued.payload.contains("\"user\":\"\(agent.id)\""), queued.payload)

        let sent = await sync.sendQueued()
        let problems = try store.unsentSends().map(\.sendMessage)
        XCTAssertEqual(sent, 1, "\(problems)")
        let prospects = try await vendorState(.zenvia)["prospects"] as? [[String: Any]] ?? []
        let moved = try XCTUnwrap(prospects.first { $0["id"] as? String == prospectId })
        XCTAssertEqual(moved["agent"] as? String ?? (moved["agent"] as? [String: Any])?["id"] as? String, agent.id, "\(moved)")
        XCTAssertEqual(try store.queuedSends().count, 0, "sent once")
    }

    func testTypedTransferResolvesACachedNameOrIdAndRefusesAnUnknownName() async throws {
        let sync = ConversationSync(store: store, messaging: try zenvia(), followUps: nil)
        let (lead, _) = try await prospect(3)
        try await sync.refreshTransferTargets(force: true)
        var model = ConversationViewModel(store: store, leadId: lead)
        let group = try XCTUnwrap(model.transferChoices.first { $0.isGroup })

        model.transfer(typed: group.name.uppercased())
        var send = try XCTUnwrap(try store.queuedSends().last)
        XCTAssertTrue(send.payload.contains("\"group\":\"\(group.id)\""), send.payload)
        XCTAssertEqual(send.text, group.name)

        model.transfer(typed: "nobody by that name")
        XCTAssertEqual(try store.queuedSends().count, 1, "nothing queued for an unknown name")
        XCTAssertTrue(model.message?.text.contains("No group or agent named") == true, "\(String(describing: model.message))")

        let id = String(repeating: "a", count: 24)
        model.transfer(typed: id)
        send = try XCTUnwrap(try store.queuedSends().last)
        XCTAssertTrue(send.payload.contains("\"group\":\"\(id)\""), "an unknown id goes as before: \(send.payload)")
    }

    func testHostileTargetNamesAreSanitisedAndDuplicatesGetTheirId() throws {
        let hostile = #"[{"id":"aaaaaaaaaaaaaaaaaaaaaaaa","kind":"group","name":"Ventas\u001b[31m\u202e"},{"id":"bbbbbbbbbbbbbbbbbbbbbbbb","kind":"agent","name":"Ana"},{"id":"cccccccccccccccccccccccc","kind":"agent","name":"Ana"}]"#
        try store.setSyncState(provider: LeadStore.transferTargetCacheProvider, key: LeadStore.transferTargetCacheKey, value: hostile)
        let lead = try store.createLead(Lead(firstName: "H", lastName: "X", email: "h@x.test", phone: "+15550001111", owner: ana.username)).id
        let model = ConversationViewModel(store: store, leadId: lead)
        let choices = model.transferChoices
        XCTAssertEqual(choices.count, 3)
        XCTAssertFalse(choices[0].name.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E }, choices[0].name)
        let labels = ConversationViewModel.transferLabels(choices)
        XCTAssertEqual(Set(labels).count, 3, "\(labels)")
        XCTAssertTrue(labels.contains("Ana (agent) · cccccccccccccccccccccccc"), "\(labels)")
    }
}
