import Foundation
import Sync

/// A clock for tests: `sleep` advances time at once and records how long it was asked to wait.
final class ManualClock: SyncClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    private var recorded: [TimeInterval] = []

    init(start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { current = start }

    func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func sleep(seconds: TimeInterval) async throws {
        lock.withLock {
            recorded.append(seconds)
            if seconds > 0 { current = current.addingTimeInterval(seconds) }
        }
    }

    func advance(_ seconds: TimeInterval) {
        lock.lock()
        current = current.addingTimeInterval(seconds)
        lock.unlock()
    }

    var sleeps: [TimeInterval] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}

/// A transport for pure tests: answers from a script and records what was sent, with the clock's time.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    enum Step {
        case respond(Int, String, [String: String])
        case fail(SyncError)
    }

    private let lock = NSLock()
    private var steps: [Step]
    private(set) var sent: [(request: HTTPClientRequest, at: Date)] = []
    let clock: ManualClock

    init(clock: ManualClock, _ steps: [Step]) {
        self.clock = clock
        self.steps = steps
    }

    func send(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        let now = clock.now()
        let step: Step = lock.withLock {
            sent.append((request, now))
            return steps.isEmpty ? .respond(200, #"{"status_code":200,"errors":{},"data":{}}"#, [:]) : steps.removeFirst()
        }
        switch step {
        case .respond(let status, let body, let headers):
            return HTTPClientResponse(status: status, headers: headers, body: Data(body.utf8))
        case .fail(let error):
            throw error
        }
    }

    var requests: [HTTPClientRequest] {
        lock.lock()
        defer { lock.unlock() }
        return sent.map(\.request)
    }

    var sendTimes: [Date] {
        lock.lock()
        defer { lock.unlock() }
        return sent.map(\.at)
    }
}
