import Core
import Foundation

/// Link lookups for a whole scanned list at once (the appointment scan of every cycle): a few
/// queries of up to 500 ids instead of one or two per record, and no base decoding.
extension LeadStore {
    /// The local id linked to each of `remoteIds` (unlinked ids are absent).
    public func linkedLocalIds(provider: String, kind: RecordKind, remoteIds: [String]) throws -> [String: Int64] {
        var result: [String: Int64] = [:]
        try forEachLink(provider: provider, kind: kind, remoteIds: remoteIds, column: "local_id") {
            result[$0.text(0)] = $0.int64(1)
        }
        return result
    }

    /// Calls `body` with each link of `provider`/`kind` whose remote id is among `remoteIds`, as a
    /// row of `remote_id` and `column`, in chunks of 500 ids (under the lock). INDEXED BY: without
    /// statistics the planner scanned every link of the provider (the primary key's prefix) and
    /// tested the IN list per row: 100k links × 200 pages ≈ 10 CPU s.
    func forEachLink(provider: String, kind: RecordKind, remoteIds: [String], column: String,
                     _ body: (Statement) throws -> Void) throws {
        try forEachChunk(of: remoteIds) { chunk, marks in
            let sql = """
                SELECT remote_id, \(column) FROM remote_ids INDEXED BY remote_ids_remote
                WHERE provider = ? AND kind = ? AND remote_id IN (\(marks))
                """
            // A full chunk's SQL is the same every time (a list page): kept prepared.
            let statement = chunk.count == Self.linkChunk ? try db.cached(sql) : try db.prepare(sql)
            try statement.forEachRow([.text(provider), .text(kind.rawValue)] + chunk.map { .text($0) }, body)
        }
    }

    /// The local appointment linked to each of `remoteIds`, by remote id (unlinked ids and links
    /// whose appointment is gone are absent).
    public func linkedAppointments(provider: String, remoteIds: [String]) throws -> [String: Appointment] {
        var result: [String: Appointment] = [:]
        try forEachChunk(of: remoteIds) { chunk, marks in
            try db.prepare("""
                SELECT a.id, a.lead_id, a.start, a.end, a.note, a.status, r.remote_id
                FROM remote_ids r INDEXED BY remote_ids_remote JOIN appointments a ON a.id = r.local_id
                WHERE r.provider = ? AND r.kind = 'appointment' AND r.remote_id IN (\(marks))
                """).forEachRow([.text(provider)] + chunk.map { .text($0) }) { row in
                result[row.text(6)] = Self.readAppointment(row)
            }
        }
        return result
    }

    /// Whether any outbox entry creates a record of `kind` (any state).
    public func hasQueuedCreates(kind: RecordKind) throws -> Bool {
        try locked {
            try db.scalarInt("SELECT EXISTS (SELECT 1 FROM outbox WHERE kind = ? AND op = 'create')", [.text(kind.rawValue)]) == 1
        }
    }

    /// Ids per lookup query (SQLite's default limit of host parameters is far above).
    static let linkChunk = 500

    /// Calls `body` under the lock with chunks of at most `linkChunk` ids and their `?` list.
    private func forEachChunk(of ids: [String], _ body: ([String], String) throws -> Void) throws {
        guard !ids.isEmpty else { return }
        try locked {
            for start in stride(from: 0, to: ids.count, by: Self.linkChunk) {
                let chunk = Array(ids[start..<min(start + Self.linkChunk, ids.count)])
                try body(chunk, Array(repeating: "?", count: chunk.count).joined(separator: ","))
            }
        }
    }
}
