import Core
import Foundation
import Simulator
import Store
import Sync
import XCTest

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `SyncTestCase` with helpers for the vendors beside seed 001: remotes on the simulator's
/// endpoints, a coordinator over several of them, local leads to push, and the vendors' state.
class DestinationTestCase: SyncTestCase {
    /// A remote config for the simulator's `kind` named `name`.
    func remoteConfig(_ kind: VendorKind, name: String, push: PushPolicy? = nil) -> RemoteConfig {
        let endpoint = sim.endpoint(kind)
        return RemoteConfig(name: name, kind: RemoteKind(rawValue: kind.rawValue)!, url: endpoint.url, apiKey: nil, token: nil,
                            chatbotId: endpoint.chatbotId, push: push)
    }

    /// The provider of the simulator's `kind` (the right key unless `key` says otherwise).
    func vendorProvider(_ kind: VendorKind, name: String, key: String? = nil) throws -> any RemoteProvider {
        try RemoteProviderFactory.make(
            remoteConfig(kind, name: name),
            credentials: RemoteCredentials(apiKey: Secret(key ?? sim.endpoint(kind).apiKey), token: Secret("")),
            transport: SocketHTTPClient(timeout: 5), retryPolicy: fastRetry)
    }

    /// A coordinator over seed 001 ("crm") and the given vendor remotes.
    func coordinator(_ vendors: [(VendorKind, String, PushPolicy?)], crm: Bool = true) throws -> SyncCoordinator {
        var remotes: [SyncCoordinator.Remote] = []
        if crm {
            remotes.append(.init(config: RemoteConfig(name: providerKey, kind: .leadsCRM, url: sim.baseURL, apiKey: nil, token: nil,
                                                      username: ana.username), provider: makeProvider()))
        }
        for (kind, name, push) in vendors {
            remotes.append(.init(config: remoteConfig(kind, name: name, push: push), provider: try vendorProvider(kind, name: name)))
        }
        return SyncCoordinator(store: store, remotes: remotes, options: SyncOptions(pageSize: 50, concurrency: 3, interval: 1),
                               retryPolicy: fastRetry)
    }

    /// `count` local leads (not queued for seed 001: imported as pushes only when queued).
    func localLeads(_ count: Int, prefix: String = "push") throws -> [Int64] {
        var leads: [Lead] = []
        for n in 0..<count {
            leads.append(Lead(firstName: "Push", lastName: "Test\(n)", email: "\(prefix).\(n)@example.com",
                              phone: "+1555\(String(2_000_000 + n))", company: "Acme \(n)", owner: ana.username,
                              createdAt: Date(timeIntervalSince1970: 1_790_000_000 + TimeInterval(n))))
        }
        let ids = try store.importLeads(leads)
        // The creates would go to seed 001; these tests are about the destination alone.
        for entry in try store.outboxEntries(limit: 100_000) where entry.op == .create { try store.markOutboxDone(entry.id) }
        return ids
    }

    /// `/_sim/state`'s object for one vendor.
    func vendorState(_ kind: VendorKind) async throws -> [String: Any] {
        let (data, _) = try await URLSession.shared.data(from: sim.origin.appendingPathComponent("_sim").appendingPathComponent("state"))
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try XCTUnwrap(object[kind.rawValue] as? [String: Any], "no \(kind.rawValue) in /_sim/state")
    }

    /// The vendor's stored leads.
    func vendorLeads(_ kind: VendorKind) async throws -> [[String: Any]] {
        try await vendorState(kind)["leads"] as? [[String: Any]] ?? []
    }

    /// Fault settings for one vendor.
    func setVendorFaults(_ kind: VendorKind, _ form: [String: String]) async throws {
        var form = form
        form["vendor"] = kind.rawValue
        try await setFaults(form)
    }
}
