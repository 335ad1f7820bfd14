import Foundation
import Store
@testable import Sync
import XCTest

/// The sync connection's page cache grows while a scan writes new leads and is put back after.
final class FirstPullCacheTests: SyncTestCase {
    func testTheCacheIsRaisedOnceNeverLoweredAndPutBack() throws {
        try store.limitPageCache(kibibytes: 8 * 1024)
        var cache = FirstPullCache(store: store)
        cache.raise()
        XCTAssertEqual(try store.pageCacheKibibytes(), FirstPullCache.kibibytes)
        try store.limitPageCache(kibibytes: 9 * 1024)  // raise is once per scan: this one stays
        cache.raise()
        XCTAssertEqual(try store.pageCacheKibibytes(), 9 * 1024)
        cache.restore()
        XCTAssertEqual(try store.pageCacheKibibytes(), 8 * 1024)

        try store.limitPageCache(kibibytes: 64 * 1024)  // the UI's connection: never lowered
        var larger = FirstPullCache(store: store)
        larger.raise()
        larger.restore()
        XCTAssertEqual(try store.pageCacheKibibytes(), 64 * 1024)
    }

    func testAFirstPullPutsTheWorkersCacheBack() async throws {
        try store.limitPageCache(kibibytes: 8 * 1024)
        await syncUntilSettled(makeWorker())
        XCTAssertEqual(store.allLeads().map(\.id).count, 30)
        XCTAssertEqual(try store.pageCacheKibibytes(), 8 * 1024)
    }
}
