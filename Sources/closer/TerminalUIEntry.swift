import CursesBackend
import Foundation
import Store
import Sync
import TerminalUI
import ViewModels

/// What plain `closer` (no subcommand) is started with.
struct TerminalUIOptions: Sendable {
    /// The database file to open.
    var database: String
    /// `--keymap NAME|PATH`.
    var keymap: String?
    /// `--theme NAME|PATH`.
    var theme: String?
}

/// Opens the terminal UI on the database, syncing in the background with the configured remote
/// (config file or `CLOSER_REMOTE_URL`...), offline otherwise.
func runTerminalUI(_ options: TerminalUIOptions, context: CommandContext) async throws -> Int32 {
    guard TerminalSession.hasTerminal else { return TerminalSession.noTerminal("closer") }
    let environment = context.environment
    let configuration = PendingUIConfiguration(keymap: options.keymap, theme: options.theme, environment: environment)
    let store = try context.openStore(for: "closer")
    StartupTrace.mark("open + migration check")
    var remotes: [RemoteConfig] = []
    var offlineReason = "no remote configured"
    var sync: WorkerSync? = nil
    do {
        remotes = try ConfiguredRemotes.load(environment: environment)
        if !remotes.isEmpty {
            let resolver = SecretResolver(environment: environment)
            let providers = try remotes.map { remote in
                SyncCoordinator.Remote(config: remote, provider: try RemoteProviderFactory.make(
                    remote, credentials: try resolver.credentials(for: remote)))
            }
            let workerStore = try LeadStore(path: store.path)
            sync = WorkerSync(coordinator: SyncCoordinator(store: workerStore, remotes: providers, options: SyncOptions(interval: 60, detailRefreshCycles: SyncOptions.standardDetailRefreshCycles)))
        }
    } catch {
        offlineReason = "sync off: \(error)"
    }
    StartupTrace.mark("remote config")
    let user = CurrentUser.resolve(remotes: remotes, environment: environment)?.name ?? "me"
    return try await TerminalSession.run(store: store, user: user, configuration: configuration, environment: environment,
                                         sync: sync, offlineReason: offlineReason)
}

/// Runs the terminal UI on the real terminal and gives it back however it ends.
enum TerminalSession {
    /// Whether standard input and output are a terminal.
    static var hasTerminal: Bool { Platform.isTerminal(0) && Platform.isTerminal(1) }

    /// The one-line error for a run without a terminal (exit status 1).
    static func noTerminal(_ command: String) -> Int32 {
        Output.error("\(command): the terminal UI needs a terminal (standard input/output is not a TTY); see 'closer --help' for commands that work without one")
        return 1
    }

    /// Takes the keymap and theme (read meanwhile), draws the first frame, then starts background
    /// sync and installs the default views, runs the app until it quits; exit status.
    @MainActor
    static func run(store: LeadStore, user: String, configuration: PendingUIConfiguration, environment: [String: String],
                    sync: WorkerSync?, offlineReason: String) async throws -> Int32 {
        let loaded = await configuration.value
        StartupTrace.mark("keymap + theme (waited)")
        var terminalOptions = CursesTerminal.Options()
        terminalOptions.noColor = loaded.noColor
        terminalOptions.term = environment["TERM"]
        let terminal = try CursesTerminal(options: terminalOptions)
        defer { terminal.shutdown() }
        StartupTrace.mark("curses newterm")
        let adapted = loaded.adapted(to: terminal.colorDepth)
        var setup = CloserApp.Setup(currentUser: user, keymap: adapted.keymap, theme: adapted.theme,
                                    themeLoader: adapted.themeLoader, noColor: adapted.noColor,
                                    diagnostics: adapted.diagnostics, environment: environment)
        setup.offlineReason = offlineReason
        if setup.environment["CLOSER_STALE_DAYS"] == nil,
           let days = try? DashboardSettings.load(command: "closer", path: Paths.configFilePath(environment: environment)).staleDays {
            setup.environment["CLOSER_STALE_DAYS"] = String(days)  // dashboard: [dashboard] stale_days
        }
        let app = CloserApp(session: AppSession(store: store, currentUser: user), setup: setup, size: terminal.canvas.size, sync: sync)
        app.control = terminal
        StartupTrace.mark("app + first page")
        defer { sync?.stop() }
        // What the first frame does not show waits until it is on the screen (before any key is read).
        let exit = try await CursesRunLoop.run(app, on: terminal, afterFirstFrame: {
            StartupTrace.mark("first frame drawn")
            sync?.start()
            _ = try? DefaultViews.install(into: store, currentUser: user)
            StartupTrace.mark("sync start + default views")
            StartupTrace.flush()
        })
        if case .signal(let number) = exit { return 128 + number }
        return 0
    }
}
