import Core
import Foundation
import Simulator
import Store
import Sync

/// `closer demo`: an embedded simulator of the Leads & CRM API on a free loopback port, a fresh
/// local database in a temporary workspace, background sync as the simulator's first user, and
/// the terminal UI on top — sync works out of the box with no account.
enum DemoCommand: Command {
    static let spec = CommandSpec(
        name: "demo", summary: "Open the terminal UI on a demo workspace synced with an embedded simulator.",
        options: [
            OptionSpec("leads", value: "N", help: "leads on the simulated server (default 2000)"),
            OptionSpec("users", value: "N", help: "users on the simulated server (default 3)"),
            OptionSpec("seed", value: "N", help: "seed of the demo data (default 1)"),
            OptionSpec("port", value: "P", help: "loopback port of the embedded simulator (default: a free one); its /_sim/state shows the server side"),
            OptionSpec("keymap", value: "NAME|PATH", help: "key bindings: default, vim, emacs or a file"),
            OptionSpec("theme", value: "NAME|PATH", help: "colours: default, light, mono, high-contrast or a file"),
            OptionSpec("no-sync", help: "no simulator, no network: the same demo data is written straight into an empty database (fixed clock); for deterministic runs and benchmarks"),
        ],
        details: """
            Without --db the database lives in a temporary directory that is removed on exit.
            The simulator's credentials stay in memory: they are never written to the database or shown.
            """)

    static func run(_ arguments: CommandLineArguments, context: CommandContext) async throws -> Int32 {
        let leads = try arguments.integer("leads", in: 0...1_000_000) ?? 2000
        let users = try arguments.integer("users", in: 1...100) ?? 3
        let seed = try arguments.integer("seed", in: 0...Int(Int32.max)) ?? 1
        let port = try arguments.integer("port", in: 0...65_535) ?? 0
        guard TerminalSession.hasTerminal else { return TerminalSession.noTerminal("closer demo") }
        let workspace: URL?
        let databasePath: String
        if let explicit = context.explicitDatabase {
            workspace = nil
            databasePath = explicit
        } else {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("closer-demo-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            workspace = directory
            databasePath = directory.appendingPathComponent("closer.db").path
        }
        defer { if let workspace { try? FileManager.default.removeItem(at: workspace) } }
        if arguments.flag("no-sync") {
            return try await runOffline(arguments, context: context, databasePath: databasePath, leads: leads, users: users, seed: seed)
        }
        let server: SimulatorServer
        do {
            server = try SimulatorServer.start(SimulatorConfiguration(port: UInt16(port), leadCount: leads, seed: UInt64(seed),
                                                                   userCount: users))
        } catch {
            throw CommandFailure(spec.name, "cannot start the embedded simulator: \(error)")
        }
        defer { server.stop() }
        guard let user = server.users.first else { throw CommandFailure(spec.name, "the simulator has no users") }
        let store = try CommandContext(database: databasePath, environment: context.environment).openStore(for: spec.name)
        for simUser in server.users {
            try? store.upsertUser(User(username: simUser.username, displayName: simUser.displayName))
        }
        let sync: WorkerSync
        do {
            let remote = RemoteConfig(name: "demo", kind: .leadsCRM, url: server.baseURL, apiKey: nil, token: nil,
                                      username: user.username)
            let credentials = RemoteCredentials(apiKey: Secret(user.apiKey), token: Secret(user.token))
            let provider = try RemoteProviderFactory.make(remote, credentials: credentials)
            var remotes = [SyncCoordinator.Remote(config: remote, provider: provider)]
            remotes += try DemoRemotes.vendors(of: server)
            let workerStore = try LeadStore(path: databasePath)
            sync = WorkerSync(coordinator: SyncCoordinator(store: workerStore, remotes: remotes, options: SyncOptions(interval: 30, detailRefreshCycles: 20)))
        }
        let configuration = uiConfiguration(arguments, context: context)
        return try await TerminalSession.run(store: store, user: user.username, configuration: configuration,
                                             environment: context.environment, sync: sync, offlineReason: "")
    }

    /// The demo's `--keymap` / `--theme` (else the ones given before the command), being read.
    static func uiConfiguration(_ arguments: CommandLineArguments, context: CommandContext) -> PendingUIConfiguration {
        PendingUIConfiguration(keymap: arguments.value("keymap") ?? context.keymap,
                               theme: arguments.value("theme") ?? context.theme, environment: context.environment)
    }

    /// The clock of `--no-sync` demo data: 2026-11-15 12:00 UTC, so every run draws the same screen.
    static let offlineDataNow: Int64 = 1_795_262_400

    /// `--no-sync`: the demo data of `seed` seeded locally (only into an empty database), no sync.
    static func runOffline(_ arguments: CommandLineArguments, context: CommandContext, databasePath: String, leads: Int, users: Int,
                           seed: Int) async throws -> Int32 {
        let store = try CommandContext(database: databasePath, environment: context.environment).openStore(for: spec.name)
        let generator = DemoDataGenerator(seed: UInt64(seed), now: offlineDataNow, userCount: users)
        if try store.countLeads(filter: .all) == 0 {
            try DemoSeeder(store: store, generator: generator).seed(leads: leads)
            try DemoConversationSeeder(store: store, generator: generator).seed(firstLeads: 3_000)  // conversation pane
        }
        let user = generator.users.first?.username ?? "demo"
        let configuration = uiConfiguration(arguments, context: context)
        return try await TerminalSession.run(store: store, user: user, configuration: configuration,
                                             environment: context.environment, sync: nil, offlineReason: "sync off")
    }
}
