import Foundation
import Store
import Sync
import XCTest

/// The sync worker's connection keeps a small SQLite page cache (a 100k-lead pull stays under
/// 60 MB resident); a store the coordinator does not own keeps the default.
final class SyncMemoryTests: XCTestCase {
    func testCoordinatorCapsItsStoresPageCache() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("closer-mem-\(UUID().uuidString).db").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let ui = try LeadStore(path: path)
        let worker = try LeadStore(path: path)
        _ = SyncCoordinator(store: worker, remotes: [])
        XCTAssertEqual(try worker.pageCacheKibibytes(), SyncCoordinator.pageCacheKibibytes)
        XCTAssertEqual(try ui.pageCacheKibibytes(), 64 * 1024)
    }
}
