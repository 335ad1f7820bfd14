import Foundation
import Sync
import XCTest

final class RetryPolicyTests: XCTestCase {
    func testCeilingDoublesFromBaseAndStopsAtCap() {
        let policy = RetryPolicy(base: 0.5, cap: 5, maxAttempts: 10, random: { 0.5 })
        XCTAssertEqual((0..<6).map { policy.ceiling(retry: $0) }, [0.5, 1, 2, 4, 5, 5])
        XCTAssertEqual(policy.ceiling(retry: 500), 5, "huge retry counts must not overflow past the cap")
    }

    func testDelayIsFullJitterBetweenZeroAndTheCeiling() {
        XCTAssertEqual(RetryPolicy(base: 1, cap: 30, random: { 0 }).delay(retry: 3), 0)
        XCTAssertEqual(RetryPolicy(base: 1, cap: 30, random: { 0.25 }).delay(retry: 3), 2)
        XCTAssertEqual(RetryPolicy(base: 1, cap: 30, random: { 0.999 }).delay(retry: 3), 7.992, accuracy: 1e-9)
        XCTAssertEqual(RetryPolicy(base: 1, cap: 30, random: { 7 }).delay(retry: 10), 30, "a bad random source is clamped")
    }

    func testMaxAttemptsCountsTheFirstSend() {
        let policy = RetryPolicy(maxAttempts: 3)
        XCTAssertTrue(policy.allowsAnotherAttempt(after: 1))
        XCTAssertTrue(policy.allowsAnotherAttempt(after: 2))
        XCTAssertFalse(policy.allowsAnotherAttempt(after: 3))
    }
}
