import Foundation
import Sync
import XCTest

final class RateLimitGateTests: XCTestCase {
    func testRetryAfterSecondsClosesTheGateUntilTheResetPlusMargin() async throws {
        let clock = ManualClock()
        let start = clock.now()
        let gate = RateLimitGate(clock: clock, margin: 0.05)
        XCTAssertNil(gate.reopensAt)
        let until = gate.closeAfter429(headers: ["Retry-After": "3"])
        XCTAssertEqual(until, start.addingTimeInterval(3.05))
        XCTAssertEqual(gate.reopensAt, until)
        try await gate.waitUntilOpen()
        XCTAssertGreaterThanOrEqual(clock.now(), until, "waitUntilOpen returned before the reset")
        XCTAssertNil(gate.reopensAt)
    }

    func testXRateLimitResetAcceptsUnixSecondsAndDeltas() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        XCTAssertEqual(RateLimitGate.reset(from: ["X-RateLimit-Reset": "1800000042"], now: now),
                       Date(timeIntervalSince1970: 1_800_000_042))
        XCTAssertEqual(RateLimitGate.reset(from: ["x-ratelimit-reset": "12"], now: now), now.addingTimeInterval(12))
    }

    func testTheLaterOfBothHeadersWins() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let reset = RateLimitGate.reset(from: ["Retry-After": "2", "X-RateLimit-Reset": "1800000009"], now: now)
        XCTAssertEqual(reset, Date(timeIntervalSince1970: 1_800_000_009))
    }

    func testRetryAfterAsHTTPDate() {
        let now = Date(timeIntervalSince1970: 0)
        XCTAssertEqual(RateLimitGate.reset(from: ["Retry-After": "Sun, 06 Nov 1994 08:49:37 GMT"], now: now),
                       Date(timeIntervalSince1970: 784_111_777))
    }

    func testA429WithoutHeadersWaitsTheDefault() {
        let clock = ManualClock()
        let gate = RateLimitGate(clock: clock, margin: 0, defaultWait: 1.5)
        XCTAssertEqual(gate.closeAfter429(headers: [:]), clock.now().addingTimeInterval(1.5))
        XCTAssertNil(RateLimitGate.reset(from: ["Retry-After": "soon"], now: clock.now()))
    }

    func testAnEarlierResetNeverReopensAGateClosedLonger() {
        let clock = ManualClock()
        let gate = RateLimitGate(clock: clock, margin: 0)
        gate.closeAfter429(headers: ["Retry-After": "10"])
        gate.closeAfter429(headers: ["Retry-After": "1"])
        XCTAssertEqual(gate.reopensAt, clock.now().addingTimeInterval(10))
        clock.advance(10)
        XCTAssertNil(gate.reopensAt)
    }
}
