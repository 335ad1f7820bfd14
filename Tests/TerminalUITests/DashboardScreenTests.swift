import Core
import Foundation
import Store
import ViewModels
import XCTest
@testable import TerminalUI

/// The dashboard drawn from a real SQLite file of seeded demo data (fixed clock, UTC), compared
/// with text snapshots at 80×24, 120×40 and 250×60, in colour, `mono` and `NO_COLOR`, in ASCII.
final class DashboardScreenTests: XCTestCase {
    /// Wednesday 2026-11-18 12:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_795_003_200)

    static func store(serverDiffers: Bool = true) throws -> LeadStore {
        let store = try LeadStore.inMemory()
        try DemoSeeder(store: store, generator: DemoDataGenerator(seed: 42, now: Int64(now.timeIntervalSince1970)))
            .seed(leads: 600)
        let counts = try store.countsByStatus()
        let statuses = LeadStatus.allCases.map { status in
            ServerOverview.Status(status: status.rawValue, count: (counts[status] ?? 0) + (serverDiffers && status == .prospect ? 3 : 0),
                                  description: status.summary, color: status == .customer ? "#00d75f" : status.colorName)
        }
        try store.saveServerOverview(ServerOverview(provider: "crm", total: statuses.map(\.count).reduce(0, +),
                                                    statuses: statuses, syncedAt: now.addingTimeInterval(-600)))
        return store
    }

    static func model(_ store: LeadStore) -> DashboardViewModel {
        DashboardViewModel(store: store, timeZone: TimeZone(identifier: "UTC")!, now: { now })
    }

    static func render(_ model: inout DashboardViewModel, size: Size, theme: Theme = ThemeLoader.builtinDefault(),
                       ascii: Bool = false) -> GridCanvas {
        let canvas = GridCanvas(size: size)
        DashboardScreen.prepare(&model, width: size.columns)
        DashboardScreen.draw(model, in: Rect(size: size), canvas: canvas, theme: theme, glyphs: .init(ascii: ascii))
        return canvas
    }

    func testAt80x24EverySectionFitsOnOneScreen() throws {
        var model = Self.model(try Self.store())
        let canvas = Self.render(&model, size: Size(rows: 24, columns: 80))
        TestSupport.assertSnapshot(canvas, named: "dashboard-80x24")
        TestSupport.assertNoControlCharacters(canvas)
        let text = canvas.snapshot()
        for part in ["Dashboard · this week · whole team", "Pipeline", "Source", "Owner", "Speed to lead", "Stale 14d", "New/week"] {
            XCTAssertTrue(text.contains(part), "missing \(part)")
        }
        XCTAssertTrue(canvas.line(0).contains("Δ-3"), "the server difference is shown: \(canvas.line(0))")
        XCTAssertTrue(text.contains(where: { "▁▂▃▄▅▆▇█".contains($0) }), "sparkline")
    }

    /// The speed line never runs into the separator of the two halves ("13h32m│" read as one
    /// word): when the left half is one column short it drops the double spaces.
    func testSpeedLineKeepsABlankBeforeTheSeparator() throws {
        var model = Self.model(try Self.store())
        for columns in [78, 80] {
            let canvas = Self.render(&model, size: Size(rows: 24, columns: columns))
            let line = try XCTUnwrap((0..<24).map { canvas.line($0) }.first { $0.hasPrefix("Speed to lead") })
            let beforeSeparator = try XCTUnwrap(line.firstIndex(of: "│").map { line[line.index(before: $0)] }, line)
            XCTAssertEqual(beforeSeparator, " ", "at \(columns) columns: \(line)")
            XCTAssertTrue(line.contains("7h4m") && line.contains("13h32m"), line)
        }
    }

    /// At a million leads the tables' counts outgrew their cells and ran together ("45911,128" for
    /// 459 new and 11,128 customers): in a table a long count is shortened so a column stays free.
    func testLongCountsInTablesAreShortenedSoNeighboursStaySeparate() {
        XCTAssertEqual(DashboardFormat.count(459, fitting: 6, gap: true), "459")
        XCTAssertEqual(DashboardFormat.count(11_128, fitting: 6, gap: true), "11.1k")
        XCTAssertEqual(DashboardFormat.count(111_254, fitting: 6, gap: true), "111k")
        XCTAssertEqual(DashboardFormat.count(125_340, fitting: 7, gap: true), "125.3k")
        XCTAssertEqual(DashboardFormat.count(1_000_240, fitting: 7, gap: true), "1.0M")
        XCTAssertEqual(DashboardFormat.count(3_312, fitting: 4, gap: true), "3k")
        XCTAssertEqual(DashboardFormat.count(350_616, fitting: 7), "350,616", "outside tables an exact fit stays exact")
        XCTAssertEqual(DashboardFormat.count(1_000_240, fitting: 7), "1.0M")
        for value in [0, 7, 999, 1_000, 9_999, 10_000, 99_999, 100_000, 999_999, 1_000_000, 12_345_678] {
            for width in 4...8 {
                let text = DashboardFormat.count(value, fitting: width, gap: true)
                XCTAssertLessThanOrEqual(text.count, width, "\(value) in \(width): \(text)")
            }
        }
    }

    func testWiderRectsShowMoreColumnsAndTheUntouchedList() throws {
        let store = try Self.store()
        for size in [Size(rows: 40, columns: 120), Size(rows: 60, columns: 250)] {
            var model = Self.model(store)
            let canvas = Self.render(&model, size: size)
            TestSupport.assertSnapshot(canvas, named: "dashboard-\(size.columns)x\(size.rows)")
            XCTAssertTrue(canvas.snapshot().contains("ApW"), "appointment columns for sources")
            XCTAssertEqual(model.sourceColumns.count, 7)
        }
    }

    func testBarsUseTheVendorColourAndMonoOrNoColorDropsIt() throws {
        let store = try Self.store()
        var model = Self.model(store)
        let canvas = Self.render(&model, size: Size(rows: 24, columns: 80))
        let row = (0..<24).first { canvas.line($0).hasPrefix("customer") }!
        let column = canvas.line(row).distance(from: canvas.line(row).startIndex, to: canvas.line(row).firstIndex(of: "█")!)
        XCTAssertEqual(canvas.style(row: row, column: column).foreground, .rgb(0, 0xd7, 0x5f), "the vendor's Color")

        let loader = ThemeLoader(searchDirectories: [TestSupport.themesDirectory])
        for (name, theme) in [("mono", loader.load("mono", noColor: false).theme), ("nocolor", ThemeLoader.builtinDefault(noColor: true))] {
            var plain = Self.model(store)
            let canvas = Self.render(&plain, size: Size(rows: 24, columns: 80), theme: theme, ascii: name == "nocolor")
            TestSupport.assertSnapshot(canvas, named: "dashboard-80x24-\(name)")
            for r in 0..<24 {
                for cell in canvas.cells[r] {
                    XCTAssertEqual(cell.style.foreground, .default, "\(name): no colour at row \(r)")
                }
            }
            let selected = canvas.cells.joined().filter { $0.style.attributes.contains(.reverse) }
            XCTAssertFalse(selected.isEmpty, "\(name): the cursor shows in reverse")
        }
    }

    func testASCIIGlyphsUnderVT100LinuxOrANonUTF8Locale() throws {
        XCTAssertTrue(DashboardScreen.Glyphs.forEnvironment(["TERM": "vt100", "LANG": "C.UTF-8"]).ascii)
        XCTAssertTrue(DashboardScreen.Glyphs.forEnvironment(["TERM": "linux", "LANG": "en_US.UTF-8"]).ascii)
        XCTAssertTrue(DashboardScreen.Glyphs.forEnvironment(["TERM": "xterm-256color", "LANG": "C"]).ascii)
        XCTAssertTrue(DashboardScreen.Glyphs.forEnvironment(["TERM": "xterm", "LC_ALL": "POSIX", "LANG": "en_US.UTF-8"]).ascii)
        XCTAssertFalse(DashboardScreen.Glyphs.forEnvironment(["TERM": "xterm-256color", "LANG": "en_US.UTF-8"]).ascii)
        var model = Self.model(try Self.store())
        let text = Self.render(&model, size: Size(rows: 24, columns: 80), ascii: true).snapshot()
        XCTAssertFalse(text.contains(where: { "▁▂▃▄▅▆▇█│".contains($0) }), text)
        XCTAssertTrue(text.contains("#"))
    }

    func testCursorMovesOverDrawnNumbersAndIsDrawnSelected() throws {
        var model = Self.model(try Self.store())
        _ = Self.render(&model, size: Size(rows: 24, columns: 80))
        XCTAssertEqual(model.selection, .status(.prospect))
        for _ in 0..<7 { model.moveDown() }
        XCTAssertEqual(model.selection, .untouched)
        model.moveRight()
        XCTAssertEqual(model.selection, .stale)
        model.nextBlock()
        let firstOwner = try XCTUnwrap(model.summary?.byOwner.first?.owner)
        XCTAssertEqual(model.selection, .owner(firstOwner, .leads))
        model.moveRight()
        model.moveDown()
        let second = model.summary!.byOwner[1].owner
        XCTAssertEqual(model.selection, .owner(second, .new), "down keeps the column")
        let canvas = Self.render(&model, size: Size(rows: 24, columns: 80))
        let row = (0..<24).first { canvas.line($0).hasPrefix(second) }!
        XCTAssertTrue(canvas.cells[row].contains { $0.style == ThemeLoader.builtinDefault().style("list.selected") && $0.grapheme != " " })
    }
}
