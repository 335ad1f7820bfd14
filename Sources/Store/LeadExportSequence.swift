import Core

/// All leads not deleted, in id order, read a batch at a time (never the whole table at once).
public struct LeadExportSequence: Sequence {
    let store: LeadStore
    let batchSize: Int

    /// Iterates in batches of `batchSize` rows.
    public func makeIterator() -> Iterator { Iterator(store: store, batchSize: Swift.max(1, batchSize)) }

    /// Reads the next batch when the current one runs out. A read error ends the sequence and is kept in `error`.
    public struct Iterator: IteratorProtocol {
        let store: LeadStore
        let batchSize: Int
        var lastId: Int64 = 0
        var batch: [Lead] = []
        var index = 0
        var finished = false
        /// The error that ended the iteration early, if any.
        public private(set) var error: Error?

        init(store: LeadStore, batchSize: Int) {
            self.store = store
            self.batchSize = batchSize
        }

        /// The next lead, or nil at the end.
        public mutating func next() -> Lead? {
            if index == batch.count {
                guard !finished else { return nil }
                do {
                    batch = try store.leadBatch(afterId: lastId, limit: batchSize)
                } catch {
                    self.error = error
                    batch = []
                }
                index = 0
                if batch.count < batchSize { finished = true }
                guard let last = batch.last else { return nil }
                lastId = last.id
            }
            defer { index += 1 }
            return batch[index]
        }
    }
}

extension LeadStore {
    /// Every lead not deleted, in id order, streamed in batches (for export).
    public func allLeads(batchSize: Int = 1000) -> LeadExportSequence {
        LeadExportSequence(store: self, batchSize: batchSize)
    }

    /// Up to `limit` leads not deleted with id greater than `afterId`, in id order.
    public func leadBatch(afterId: Int64, limit: Int) throws -> [Lead] {
        try locked {
            try db.cached("SELECT \(LeadColumns.select) FROM leads WHERE id > ? AND deleted = 0 ORDER BY id LIMIT ?")
                .rows([.integer(afterId), .integer(Int64(limit))], LeadColumns.read)
        }
    }
}
