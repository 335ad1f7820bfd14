import CursesBackend
import Foundation
import Store
import TerminalUI
import ViewModels

/// Draws the real app through ncurses into a file (xterm-256color, 80×24) and counts the bytes
/// each "next line" keystroke sends.
@MainActor
struct UIByteCounter {
    struct Result {
        var samples: [Int] = []
        var firstFrame = 0
        var average: Double { samples.isEmpty ? 0 : Double(samples.reduce(0, +)) / Double(samples.count) }
        var maximum: Int { samples.max() ?? 0 }
        var p99: Int {
            let sorted = samples.sorted()
            guard !sorted.isEmpty else { return 0 }
            return sorted[min(sorted.count - 1, max(0, Int((0.99 * Double(sorted.count)).rounded(.up)) - 1))]
        }
    }

    let store: LeadStore
    let presses: Int

    func run() throws -> Result {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("closer-bench-bytes-\(getpid()).out").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let terminal = try CursesTerminal.recording(to: path)
        defer { terminal.shutdown() }
        let configuration = UIConfiguration.load(environment: [:])
        let setup = CloserApp.Setup(currentUser: "ana", keymap: configuration.keymap, theme: configuration.theme,
                                    themeLoader: configuration.themeLoader, diagnostics: configuration.diagnostics, environment: [:])
        let app = CloserApp(session: AppSession(store: store, currentUser: "ana"), setup: setup, size: terminal.canvas.size, sync: nil)
        func frame() -> Int {
            app.draw(on: terminal.canvas)
            terminal.present()
            CursesTerminal.flushOutput()
            return (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        }
        var result = Result()
        result.firstFrame = frame()
        var written = result.firstFrame
        let total = try store.countLeads()
        let dump = ProcessInfo.processInfo.environment["CLOSER_BENCH_DUMP"]
        for start in [0, total / 2] {
            if start > 0, let cursor = try store.cursor(atPosition: start, sort: .nameAscending),
               let lead = try store.leads(sort: .nameAscending, after: cursor, limit: 1).first {
                app.selectLead(id: lead.id)
                written = frame()
            }
            for _ in 0..<max(1, presses / 2) {
                _ = app.handle(.key(Key.char("j")))
                let now = frame()
                result.samples.append(now - written)
                if let dump, result.samples.count == 3, let data = FileManager.default.contents(atPath: path) {
                    try? data.suffix(now - written).write(to: URL(fileURLWithPath: dump))
                }
                written = now
            }
        }
        return result
    }
}
