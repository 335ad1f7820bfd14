/// Runs a list of requests at most `width` at a time (the pull's detail fetches), handing each
/// result to the caller as it arrives. `start` is called in order on the caller's side, so it can
/// capture what it reads at that moment (the push mark a detail is guarded by).
enum BoundedRequests {
    /// Starts request `i` for `i` in `0..<count` through `start`, keeping `width` in flight, and
    /// calls `received` with each result in completion order.
    static func run<Result: Sendable>(count: Int, width: Int,
                                      start: (Int) throws -> @Sendable () async throws -> Result,
                                      received: (Result) throws -> Void) async throws {
        guard count > 0 else { return }
        try await withThrowingTaskGroup(of: Result.self) { group in
            var next = 0
            var running = 0
            while next < count || running > 0 {
                while next < count && running < max(1, width) {
                    group.addTask(operation: try start(next))
                    next += 1
                    running += 1
                }
                guard let result = try await group.next() else { break }
                running -= 1
                try received(result)
            }
        }
    }
}
