internal import CSQLite
import Foundation

/// Several reads as one read transaction (calendar speed): a frame's dozen statements start one
/// WAL read (one set of locks, one check whether another connection committed) instead of one
/// each, and all see the same snapshot.
extension LeadStore {
    /// Runs `body`, which must only read, in one read transaction (holding the store's lock);
    /// inside a transaction already open it just runs `body`.
    public func reading<T>(_ body: () throws -> T) throws -> T {
        try locked {
            guard !db.inTransaction, sqlite3_get_autocommit(db.handle) != 0 else { return try body() }
            try db.execute("BEGIN DEFERRED")
            do {
                let result = try body()
                try db.execute("COMMIT")
                return result
            } catch {
                try? db.execute("ROLLBACK")
                throw error
            }
        }
    }
}
