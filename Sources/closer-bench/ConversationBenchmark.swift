import Core
import Foundation
import Store
import TerminalUI
import ViewModels

/// Part of `closer-bench ui`: opening the conversation pane of a lead with 10,000 events and
/// scrolling it (view model + screen drawn into a canvas, 80×24 and 250×60), p50/p99/max in ms.
@MainActor
enum ConversationBenchmark {
    /// Events the benchmark lead carries.
    static let eventCount = 10_000

    static func run(store: LeadStore, iterations: Int) throws {
        let leadId = try benchLead(store)
        let now = BenchClock.date
        let theme = ThemeLoader.builtinDefault()
        var tables: [[UITimings.Row]] = []
        let sizes = [Size(rows: 24, columns: 80), Size(rows: 60, columns: 250)]
        var capture = ""
        for size in sizes {
            let canvas = GridCanvas(size: size)
            let rect = Rect(size: size)
            func timed(_ body: () -> Void) -> Double {
                let start = UITimings.now()
                body()
                return UITimings.milliseconds(since: start)
            }
            var opens: [Double] = []
            for _ in 0..<max(20, iterations / 5) {
                opens.append(timed {
                    let model = ConversationViewModel(store: store, leadId: leadId, now: { now })
                    var screen = ConversationScreen()
                    screen.draw(model, in: rect, canvas: canvas, theme: theme, focused: true)
                })
            }
            var model = ConversationViewModel(store: store, leadId: leadId, now: { now })
            var screen = ConversationScreen()
            screen.draw(model, in: rect, canvas: canvas, theme: theme, focused: true)
            if size.columns == 80 { capture = canvas.snapshot() }
            var lines: [Double] = []
            for _ in 0..<max(500, iterations * 4) {  // crosses several page loads going up
                lines.append(timed { model.move(by: -1); screen.draw(model, in: rect, canvas: canvas, theme: theme, focused: true) })
            }
            var pages: [Double] = []
            for _ in 0..<max(100, iterations) {
                pages.append(timed { model.move(by: -20); screen.draw(model, in: rect, canvas: canvas, theme: theme, focused: true) })
            }
            var ends: [Double] = [], starts: [Double] = []
            for _ in 0..<max(20, iterations / 10) {
                ends.append(timed { model.jumpToEnd(); screen.draw(model, in: rect, canvas: canvas, theme: theme, focused: true) })
                starts.append(timed { model.jumpToStart(); screen.draw(model, in: rect, canvas: canvas, theme: theme, focused: true) })
            }
            var searches: [Double] = []
            for _ in 0..<max(20, iterations / 10) {
                searches.append(timed { model.search("presupuesto"); screen.draw(model, in: rect, canvas: canvas, theme: theme, focused: true) })
            }
            tables.append([
                UITimings.Row(name: "open (10,000 events)", samples: opens),
                UITimings.Row(name: "previous entry (k)", samples: lines),
                UITimings.Row(name: "20 entries up (<C-u>)", samples: pages),
                UITimings.Row(name: "jump to newest (G)", samples: ends),
                UITimings.Row(name: "jump to oldest (g g)", samples: starts),
                UITimings.Row(name: "search (/ presupuesto)", samples: searches),
            ])
        }
        print("")
        print("conversation pane: lead with \(try store.timelineCount(leadId: leadId)) timeline entries, ms (p50 / p99 / max)")
        print("| Operation | n | 80×24 p50 | 80×24 p99 | 80×24 max | 250×60 p50 | 250×60 p99 | 250×60 max |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for index in tables[0].indices {
            var line = "| \(tables[0][index].name) | \(tables[0][index].samples.count) |"
            for table in tables {
                let row = table[index]
                line += " \(UITimings.ms(row.percentile(50))) | \(UITimings.ms(row.percentile(99))) | \(UITimings.ms(row.maximum)) |"
            }
            print(line)
        }
        print("")
        print("conversation pane at 80×24:")
        print(capture)
    }

    /// The first lead, given `eventCount` conversation events once (kept in the benchmark file).
    static func benchLead(_ store: LeadStore) throws -> Int64 {
        guard let leadId = try store.leads(limit: 1).first?.id else { throw UIBenchmarkError(message: "no leads to benchmark") }
        if try store.timelineCount(leadId: leadId) >= eventCount { return leadId }
        let texts = ["¿Me envía el presupuesto?", "Claro, se lo envío hoy.", "見積もりをお願いします。", "Thanks, talk tomorrow 👍",
                     String(repeating: "Detalles del pedido, línea por línea. ", count: 40), "مرحبا، شكرا لك"]
        let start = BenchClock.seconds - Int64(eventCount) * 300
        let events = (0..<eventCount).map { i in
            ConversationEvent(leadId: leadId, provider: "bench", remoteId: "bench-\(i)", kind: .message, via: "whatsApp",
                              direction: i % 2 == 0 ? .inbound : .outbound, agent: i % 2 == 0 ? "" : "Marcos García",
                              text: texts[i % texts.count], delivered: i % 2 == 0 ? nil : true,
                              createdAt: Date(timeIntervalSince1970: TimeInterval(start + Int64(i) * 300)))
        }
        try store.transaction { _ = try store.applyRemoteEvents(events) }
        return leadId
    }
}
