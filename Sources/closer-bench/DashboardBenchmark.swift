import Core
import Foundation
import Store
import TerminalUI
import ViewModels

/// The manager dashboard's timings: `closer-bench dashboard [--leads N] [--db PATH] [--now SECONDS]`
/// (the `ui` benchmark's options and seeded file; `--now`: the "now" the file was seeded at, when
/// it is not the benchmarks' `BenchClock`), also run at the end of `closer-bench store` and `ui`.
///
/// - cold: a new connection's first `dashboard()` (empty statement and page caches);
/// - warm: the same query again;
/// - after a sync: another connection commits a pulled lead and a note, then the UI's connection
///   reads again (SQLite drops its page cache when another connection wrote);
/// - pane: `4` → finished frame, `p` → frame, Enter (drill-down) and Esc at 80×24 and 250×60.
enum DashboardBenchmark {
    static func run(_ args: [String]) throws {
        let options = try UIBenchmark.parse(args)
        let store = try UISeeding.open(options)
        try storeScenarios(store: store, now: options.now)
        try MainActor.assumeIsolated { try paneScenarios(store: store, now: options.now) }
    }

    /// Store-level timings (cold, warm, after a sync) per period and scope.
    static func storeScenarios(store: LeadStore, now: Date = BenchClock.date) throws {
        let path = store.path
        print("dashboard (store, \(try store.countLeads()) leads):")
        for period in DashboardPeriod.allCases {
            for owner in [nil, "ana"] as [String?] {
                let query = DashboardQuery(period: period, owner: owner, now: now, timeZone: TimeZone(identifier: "UTC")!)
                let fresh = try LeadStore(path: path)
                let cold = try time { _ = try fresh.dashboard(query) }
                let repeats = cold > 500 ? 1 : 3  // "all" sorts every touched lead: measure it once
                var warm: [Double] = []
                for _ in 0..<repeats { warm.append(try time { _ = try fresh.dashboard(query) }) }
                let writer = try LeadStore(path: path)
                var afterSync: [Double] = []
                for i in 0..<repeats {
                    try writeLikeASync(writer, index: i, now: now)
                    afterSync.append(try time { _ = try fresh.dashboard(query) })
                }
                let label = "  \(period.rawValue) \(owner.map { "owner " + $0 } ?? "team")"
                print(String(format: "%@%@cold %7.2f ms   warm %7.2f ms   after a sync %7.2f ms", label,
                             String(repeating: " ", count: max(1, 22 - label.count)), cold, median(warm), median(afterSync)))
            }
        }
    }

    /// What a pull page does to the file: a new lead and a note on an old one, committed.
    static func writeLikeASync(_ store: LeadStore, index: Int, now: Date) throws {
        let stamp = Int(Date().timeIntervalSince1970 * 1000) % 1_000_000_000
        try store.applyRemoteLead(provider: "bench-dashboard", RemoteLead(remoteId: "dash-\(stamp)-\(index)", fields: [
            "first_name": "Bench", "last_name": "Sync\(index)", "email": "bench.sync.\(stamp).\(index)@example.com",
            "status": "prospect", "source": "website", "assignee": "ana",
        ]))
        _ = try store.addNote(toLead: Int64(1 + index * 1000), text: "bench note", author: "ana", at: now)
    }

    /// Key → finished frame through the real app's dashboard pane.
    @MainActor
    static func paneScenarios(store: LeadStore, now: Date = BenchClock.date) throws {
        for size in [Size(rows: 24, columns: 80), Size(rows: 60, columns: 250)] {
            let configuration = UIConfiguration.load(environment: [:])
            let setup = CloserApp.Setup(currentUser: "ana", keymap: configuration.keymap, theme: configuration.theme,
                                        themeLoader: configuration.themeLoader, diagnostics: [], environment: ["LANG": "C.UTF-8"])
            let app = CloserApp(session: AppSession(store: store, currentUser: "ana", now: { now }), setup: setup, size: size, sync: nil)
            let canvas = GridCanvas(size: size)
            app.draw(on: canvas)
            func frame(_ notation: String) -> Double {
                let keys = (try? KeyNotation.parseSequence(notation).get()) ?? []
                let start = UITimings.now()
                for key in keys { _ = app.handle(.key(key)) }
                app.draw(on: canvas)
                return UITimings.milliseconds(since: start)
            }
            let open = frame("4")
            var periods: [Double] = []
            for _ in 0..<10 { periods.append(frame("p")) }
            var moves: [Double] = []
            for _ in 0..<20 { moves.append(frame("j")) }
            let drill = frame("<Enter>")
            let back = frame("<Esc>")
            print(String(format: "dashboard pane %d×%d: open (4) %.2f ms · p median %.2f max %.2f ms · j median %.2f ms · Enter %.2f ms · Esc %.2f ms",
                         size.columns, size.rows, open, median(periods), periods.max() ?? 0, median(moves), drill, back))
        }
    }

    static func time(_ body: () throws -> Void) throws -> Double {
        let start = UITimings.now()
        try body()
        return UITimings.milliseconds(since: start)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
