import Core
import Foundation
import Store
import XCTest
@testable import ViewModels

/// Counting the leads before a selected one ("n of N") gives way to a waiting key: the count is
/// abandoned, the position stays unknown, and a later idle turn finds it.
final class PositionGivesWayTests: ViewModelsTestCase {
    func testAWaitingKeyLeavesThePositionUnknownUntilALaterTurn() throws {
        try seed(3000)
        let ids = try allIds()
        var list = makeList()
        XCTAssertTrue(list.select(leadId: ids[2500]))
        XCTAssertNil(list.topIndex, "a jump leaves the position unknown")

        var asked = 0
        list.resolvePosition(stopWhen: { asked += 1; return true })
        XCTAssertGreaterThan(asked, 0, "the count asked whether a key waits")
        XCTAssertNil(list.topIndex, "abandoned for the key")
        XCTAssertNil(list.message, "giving way is not an error")

        list.resolvePosition(stopWhen: { false })
        XCTAssertEqual(list.topIndex.map { $0 + list.selectedRow }, 2500)
        XCTAssertEqual(list.total, 3000)
    }

    func testAnAbandonedReadLeavesTheStoreAsItWas() throws {
        try seed(3000)
        let ids = try allIds()
        XCTAssertNil(try store.interruptible(stopWhen: { true }) { try store.position(ofLead: ids[2900]) })
        XCTAssertEqual(try store.interruptible(stopWhen: { false }) { try store.position(ofLead: ids[2900]) }, 2900)
        XCTAssertEqual(try store.position(ofLead: ids[2900]), 2900, "no handler is left behind")
        XCTAssertEqual(try store.leads(limit: 3).map(\.id), Array(ids.prefix(3)))
    }
}
