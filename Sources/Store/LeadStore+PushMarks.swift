import Foundation

/// A point in the sequence of pushes this file has recorded. Read one before sending a request
/// whose answer will be applied (a list page, a lead detail): a record pushed after that point
/// may hold newer values than the answer, which the server read before the push reached it.
public struct PushMark: Sendable, Equatable, Comparable {
    /// The highest push sequence number recorded when the mark was read (0: none yet).
    public var sequence: Int64

    /// A mark at `sequence`.
    public init(sequence: Int64) { self.sequence = sequence }

    public static func < (a: PushMark, b: PushMark) -> Bool { a.sequence < b.sequence }
}

/// Push marks: "the server got our values of this record after mark M", so an answer read before
/// M never puts older values back over what was pushed (the pull skips it; the next read is fresh).
extension LeadStore {
    /// The current mark (one indexed read). Read it just before the request whose answer it guards.
    public func pushMark() throws -> PushMark {
        try locked {
            PushMark(sequence: try db.cached("SELECT seq FROM sqlite_sequence WHERE name = 'push_marks'")
                .firstRow([]) { $0.int64(0) } ?? 0)
        }
    }

    /// Records that a push of the record reached the server (call it in the transaction that
    /// settles the push). `.lead` marks guard the lead's fields and its notes in later pulls.
    public func markPushed(provider: String, kind: RecordKind, localId: Int64) throws {
        try locked {
            try db.cached("INSERT OR REPLACE INTO push_marks (provider, kind, local_id) VALUES (?, ?, ?)")
                .run([.text(provider), .text(kind.rawValue), .integer(localId)])
        }
    }

    /// Whether the record was pushed after `mark` (an answer read at `mark` may be older than it).
    public func wasPushed(provider: String, kind: RecordKind, localId: Int64, after mark: PushMark) throws -> Bool {
        try locked {
            let seq = try db.cached("SELECT seq FROM push_marks WHERE provider = ? AND kind = ? AND local_id = ?")
                .firstRow([.text(provider), .text(kind.rawValue), .integer(localId)]) { $0.int64(0) }
            return (seq ?? 0) > mark.sequence
        }
    }
}
