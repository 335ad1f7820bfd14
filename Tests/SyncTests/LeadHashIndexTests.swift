import Foundation
import Store
import XCTest
@testable import Sync

/// `LeadHashIndex`: the re-scan's in-memory copy of every lead link's LIST hash.
final class LeadHashIndexTests: XCTestCase {
    private var directory: URL!
    private var store: LeadStore!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("closer-hash-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try LeadStore(path: directory.appendingPathComponent("closer.db").path)
    }

    override func tearDown() {
        store = nil
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    private func link(_ provider: String, _ slug: String, hash: String) throws {
        _ = try store.applyRemoteLead(provider: provider, RemoteLead(
            remoteId: slug, fields: ["first_name": slug, "last_name": "Lee", "email": "\(slug)@example.com", "status": "prospect"],
            contentHash: hash))
    }

    func testMatchesTheStoredListPartOfEveryLinkOfItsProviderOnly() throws {
        try link("crm", "ann-1", hash: "r00000000000000a1/-")
        try link("crm", "bo-2", hash: "r00000000000000b2/detail-hash")  // a fetched detail: DETAIL part set
        try link("other", "cy-3", hash: "r00000000000000c3/-")
        let index = try LeadHashIndex(store: store, provider: "crm")
        XCTAssertEqual(index.count, 2)
        XCTAssertTrue(index.matches(remoteId: "ann-1", listHash: "r00000000000000a1/-"))
        XCTAssertTrue(index.matches(remoteId: "bo-2", listHash: "r00000000000000b2/-"), "only the LIST part is compared")
        XCTAssertFalse(index.matches(remoteId: "ann-1", listHash: "r00000000000000a2/-"), "a changed row")
        XCTAssertFalse(index.matches(remoteId: "bo-2", listHash: "r00000000000000a1/-"), "another lead's hash")
        XCTAssertFalse(index.matches(remoteId: "cy-3", listHash: "r00000000000000c3/-"), "another provider's link")
        XCTAssertFalse(index.matches(remoteId: "dee-4", listHash: "r00000000000000a1/-"), "no link yet")
    }

    func testAnUpdatedRowMatchesItsNewHash() throws {
        try link("crm", "ann-1", hash: "r00000000000000a1/-")
        var index = try LeadHashIndex(store: store, provider: "crm")
        index.update(remoteId: "ann-1", listHash: "r00000000000000a9/-")
        XCTAssertTrue(index.matches(remoteId: "ann-1", listHash: "r00000000000000a9/-"))
        XCTAssertFalse(index.matches(remoteId: "ann-1", listHash: "r00000000000000a1/-"))
        index.update(remoteId: "new-5", listHash: "r00000000000000e5/-")  // not linked at the start: stays out
        XCTAssertFalse(index.matches(remoteId: "new-5", listHash: "r00000000000000e5/-"))
    }

    /// A first pull's rows need no link query: the index knows which remote ids no link held.
    func testKnowsWhichRemoteIdsNoLinkHoldsUntilTheScanAppliesThem() throws {
        try link("crm", "ann-1", hash: "r00000000000000a1/-")
        try link("crm", "bo-2", hash: "r00000000000000b2/detail-hash")
        try link("other", "cy-3", hash: "r00000000000000c3/-")
        var index = try LeadHashIndex(store: store, provider: "crm")
        XCTAssertFalse(index.isUnlinked(remoteId: "ann-1"))
        XCTAssertFalse(index.isUnlinked(remoteId: "bo-2"))
        XCTAssertTrue(index.isUnlinked(remoteId: "cy-3"), "only another provider links it")
        XCTAssertTrue(index.isUnlinked(remoteId: "dee-4"))
        index.update(remoteId: "dee-4", listHash: "r00000000000000d4/-")  // inserted by the scan
        XCTAssertFalse(index.isUnlinked(remoteId: "dee-4"), "a lead the scan applied is linked now")
        XCTAssertTrue(index.isUnlinked(remoteId: "eve-5"))
    }
}
