import Core
import Store
import XCTest
@testable import ViewModels

/// What a plain OFFSET pager would show: absolute top and selection indices over the full id list.
struct OffsetPager {
    let count: Int
    let height: Int
    var top = 0
    var selected = 0

    mutating func down() { selected = min(selected + 1, count - 1); if selected >= top + height { top = selected - height + 1 } }
    mutating func up() { selected = max(selected - 1, 0); if selected < top { top = selected } }
    mutating func pageDown(_ n: Int) { top = min(top + n, max(0, count - height)); selected = min(selected + n, count - 1) }
    mutating func pageUp(_ n: Int) { top = max(top - n, 0); selected = max(selected - n, 0) }
    mutating func first() { top = 0; selected = 0 }
    mutating func last() { top = max(0, count - height); selected = count - 1 }
    mutating func scrollDown() { top = min(top + 1, max(0, count - height)); selected = max(selected, top) }
    mutating func scrollUp() { top = max(top - 1, 0); selected = min(selected, top + height - 1) }
}

final class LeadListMovementTests: ViewModelsTestCase {
    /// Runs a pseudo-random sequence of moves on the view model and the OFFSET reference and
    /// compares the window, the selected id and the position after every move.
    private func assertMovesMatchOffsetPaging(filter: LeadFilter, sort: LeadSort, height: Int, moves: Int,
                                              file: StaticString = #filePath, line: UInt = #line) throws {
        let ids = try allIds(filter: filter, sort: sort)
        XCTAssertGreaterThan(ids.count, height * 3, "the test needs several pages", file: file, line: line)
        var list = makeList(height: height, filter: filter, sort: sort)
        var pager = OffsetPager(count: ids.count, height: height)
        var rng = SeededRandom(seed: 7)
        let names = ["down", "up", "pageDown", "pageUp", "halfDown", "halfUp", "top", "bottom", "scrollDown", "scrollUp"]
        for step in 0..<moves {
            let move = rng.below(100) < 40 ? names[rng.below(2)] : names[rng.below(names.count)]
            switch move {
            case "down": list.cursorDown(); pager.down()
            case "up": list.cursorUp(); pager.up()
            case "pageDown": list.pageDown(); pager.pageDown(height)
            case "pageUp": list.pageUp(); pager.pageUp(height)
            case "halfDown": list.halfPageDown(); pager.pageDown(max(1, height / 2))
            case "halfUp": list.halfPageUp(); pager.pageUp(max(1, height / 2))
            case "top": list.cursorTop(); pager.first()
            case "bottom": list.cursorBottom(); pager.last()
            case "scrollDown": list.scrollDown(); pager.scrollDown()
            default: list.scrollUp(); pager.scrollUp()
            }
            let expected = Array(ids[pager.top..<min(pager.top + height, ids.count)])
            XCTAssertEqual(list.rows.map(\.id), expected, "window after move \(step) (\(move))", file: file, line: line)
            XCTAssertEqual(list.selectedId, ids[pager.selected], "selection after move \(step) (\(move))", file: file, line: line)
            if let index = list.selectedIndex {
                XCTAssertEqual(index, pager.selected, "position after move \(step) (\(move))", file: file, line: line)
            }
            if step % 25 == 0 {
                list.resolvePosition()
                XCTAssertEqual(list.selectedIndex, pager.selected, "resolved position at \(step)", file: file, line: line)
                XCTAssertEqual(list.positionText, "\(pager.selected + 1) of \(ids.count)", file: file, line: line)
            }
            if list.message != nil { XCTFail("unexpected message \(String(describing: list.message))", file: file, line: line) }
        }
    }

    func testMovesOverThreeThousandLeadsMatchOffsetPagingByName() throws {
        try seed(3000)
        try assertMovesMatchOffsetPaging(filter: .all, sort: .nameAscending, height: 17, moves: 400)
    }

    func testMovesMatchOffsetPagingWithStatusFilterAndCreatedDescending() throws {
        try seed(3000)
        try assertMovesMatchOffsetPaging(filter: LeadFilter(statuses: [.prospect, .contact]),
                                         sort: LeadSort(.created, ascending: false), height: 12, moves: 300)
    }

    func testNameOrderIsTheFoldedNameThenId() throws {
        try seed(500)
        var leads: [(String, Int64)] = []
        for lead in store.allLeads(batchSize: 200) { leads.append((SortKey.fold(lead.displayName), lead.id)) }
        let expected = leads.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map(\.1)
        XCTAssertEqual(try allIds(), expected)
    }

    func testBottomThenUpWalksBackFromTheLastLead() throws {
        try seed(1000)
        let ids = try allIds()
        var list = makeList(height: 10)
        list.cursorBottom()
        XCTAssertEqual(list.selectedId, ids.last)
        XCTAssertEqual(list.selectedRow, 9)
        XCTAssertEqual(list.positionText, "1000 of 1000")
        for _ in 0..<15 { list.cursorUp() }
        XCTAssertEqual(list.selectedId, ids[1000 - 16])
        XCTAssertEqual(list.rows.map(\.id), Array(ids[(1000 - 16)..<(1000 - 6)]))
        XCTAssertEqual(list.selectedRow, 0)
        XCTAssertEqual(list.selectedIndex, 1000 - 16)
    }

    func testPageBoundariesStopAtTheEnds() throws {
        try seed(25)
        let ids = try allIds()
        var list = makeList(height: 10)
        list.pageUp()
        XCTAssertEqual(list.selectedId, ids[0])
        list.pageDown()
        XCTAssertEqual(list.rows.map(\.id), Array(ids[10..<20]))
        XCTAssertEqual(list.selectedId, ids[10])
        list.pageDown()
        XCTAssertEqual(list.rows.map(\.id), Array(ids[15..<25]), "the last page is full, not 5 rows")
        XCTAssertEqual(list.selectedId, ids[20])
        list.pageDown()
        XCTAssertEqual(list.selectedId, ids[24], "a page down on the last page goes to the last lead")
        list.cursorDown()
        XCTAssertEqual(list.selectedId, ids[24])
        XCTAssertEqual(list.positionText, "25 of 25")
    }

    func testShortListShowsEverythingAndKnowsItsTotal() throws {
        try seed(4)
        var list = makeList(height: 10)
        XCTAssertEqual(list.rows.count, 4)
        list.pageDown()
        XCTAssertEqual(list.selectedRow, 3)
        XCTAssertEqual(list.positionText, "4 of 4")
    }

    func testEmptyListIsCalmAboutEveryMove() throws {
        var list = makeList(height: 5)
        list.cursorDown(); list.pageDown(); list.cursorBottom(); list.cursorUp(); list.pageUp(); list.scrollDown()
        XCTAssertNil(list.selectedId)
        XCTAssertEqual(list.positionText, "0 of 0")
        XCTAssertNil(list.message)
    }

    func testResizeKeepsTheSelectedLeadAndFillsTheWindow() throws {
        try seed(200)
        let ids = try allIds()
        var list = makeList(height: 10)
        for _ in 0..<30 { list.cursorDown() }
        XCTAssertEqual(list.selectedId, ids[30])
        list.resize(visibleRows: 4)
        XCTAssertEqual(list.rows.count, 4)
        XCTAssertEqual(list.selectedId, ids[30])
        XCTAssertEqual(list.selectedIndex, 30)
        list.resize(visibleRows: 25)
        XCTAssertEqual(list.rows.count, 25)
        XCTAssertEqual(list.selectedId, ids[30])
        XCTAssertEqual(list.selectedIndex, 30)
        let top = try XCTUnwrap(list.topIndex)
        XCTAssertEqual(list.rows.map(\.id), Array(ids[top..<(top + 25)]))
    }

    func testPositionIsUnknownAfterAJumpUntilResolved() throws {
        try seed(300)
        let ids = try allIds()
        var list = makeList(height: 10, filter: LeadFilter(statuses: [.prospect]))
        XCTAssertTrue(list.select(leadId: try XCTUnwrap(try allIds(filter: LeadFilter(statuses: [.prospect])).dropFirst(20).first)))
        XCTAssertTrue(list.positionText.hasPrefix("? of "), list.positionText)
        list.resolvePosition()
        XCTAssertEqual(list.selectedIndex, 20)
        XCTAssertFalse(list.positionText.contains("?"))
        XCTAssertTrue(ids.contains(try XCTUnwrap(list.selectedId)))
    }

    func testDisplayRowsAreSanitisedAndCarryTheSyncMark() throws {
        let hostile = try store.createLead(makeLead("Evil\u{1B}]52;c;aGk=\u{07}", "Name\u{1B}[31m", email: "e@example.com"))
        let list = makeList(height: 5)
        let row = try XCTUnwrap(list.displayRows.first { $0.id == hostile.id })
        XCTAssertFalse(row.name.unicodeScalars.contains { $0.value < 0x20 }, row.name)
        XCTAssertEqual(row.name, "Evil Name")
        XCTAssertEqual(row.syncMark, .pending)
        XCTAssertEqual(row.syncSymbol, "*")
        XCTAssertTrue(row.isSelected)
    }
}
