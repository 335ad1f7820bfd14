import Store

/// Turns errors from the Store into one short line for the status bar (never SQL text).
enum ErrorText {
    /// A user-facing line for `error`, prefixed with what was being done.
    static func describe(_ error: Error, doing action: String) -> String {
        let detail: String
        switch error {
        case let store as StoreError: detail = store.description
        case let db as DatabaseError: detail = "database error \(db.code): \(db.message)"
        default: detail = String(describing: error)
        }
        return TextSanitizerBridge.line("\(action) failed: \(detail)")
    }
}
