import Foundation
import Store

/// How a create is sent when the server returns no id: look first if it may have been sent
/// already (crash, lost answer), send it, then find the new record and link it. A transient
/// failure is followed by a look before the next send, so a retry never creates a duplicate.
struct CreateProtocol {
    let context: SyncContext

    func run<Found>(
        entry: OutboxEntry,
        find: () async throws -> Found?,
        create: () async throws -> Void,
        link: (Found) throws -> Void
    ) async throws {
        let policy = context.retryPolicy
        var mayExist = context.mayHaveBeenSent(entry)
        var failures = 0
        while true {
            try Task.checkCancellation()
            if mayExist, let found = try await find() {
                try link(found)
                return
            }
            do {
                try await create()
            } catch let error as SyncError where error.isTransient {
                failures += 1
                context.progress { $0.retries += 1 }
                guard policy.allowsAnotherAttempt(after: failures) else { throw error }
                try await context.clock.sleep(seconds: policy.delay(retry: failures - 1))
                mayExist = true
                continue
            }
            guard let found = try await find() else {
                // Accepted but not visible yet: try again later, looking first.
                throw SyncError.malformedResponse("the new record was not found after it was created")
            }
            try link(found)
            return
        }
    }
}
