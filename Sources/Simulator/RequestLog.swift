import Foundation

/// One API request as `/_sim/stats` reports it (the user's name, never the key).
public struct RequestRecord: Sendable {
    /// When the request was read, in epoch seconds.
    public var time: Double
    public var method: String
    public var path: String
    public var status: Int
    public var user: String?
    /// "rate_limit", "error", "drop" or "malformed" when a fault was injected.
    public var fault: String?
    /// For a 429: the epoch second its window resets (the `X-RateLimit-Reset` value).
    public var resetAt: Double?
    /// The vendor kind that served it (`leads-crm`, `zenvia`, ...).
    public var vendor: String = VendorKind.leadsCRM.rawValue
}

/// Counts and records every `/api/v1` request (up to `capacity` records; counts never stop).
public final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private let capacity: Int
    private var records: [RequestRecord] = []
    private var dropped = 0
    private var total = 0
    private var perPath: [String: Int] = [:]
    private var perStatus: [Int: Int] = [:]
    private var perFault: [String: Int] = [:]
    private var perVendor: [String: Int] = [:]

    public init(capacity: Int = 200_000) { self.capacity = capacity }

    func add(_ record: RequestRecord) {
        lock.withLock {
            total += 1
            perPath[record.path, default: 0] += 1
            perStatus[record.status, default: 0] += 1
            if let fault = record.fault { perFault[fault, default: 0] += 1 }
            perVendor[record.vendor, default: 0] += 1
            if records.count >= capacity {
                records.removeFirst(capacity / 10)
                dropped += capacity / 10
            }
            records.append(record)
        }
    }

    /// Forgets everything.
    public func reset() {
        lock.withLock {
            records = []
            dropped = 0
            total = 0
            perPath = [:]
            perStatus = [:]
            perFault = [:]
            perVendor = [:]
        }
    }

    /// Every kept record, oldest first.
    public var all: [RequestRecord] { lock.withLock { records } }

    /// Total requests counted since the last reset.
    public var count: Int { lock.withLock { total } }

    /// The `/_sim/stats` body; `since` skips the first records (by absolute index) to page the log.
    func json(since: Int) -> [String: Any] {
        lock.withLock {
            let start = max(0, since - dropped)
            let slice = start < records.count ? records[start...] : []
            let list = slice.map { record -> [String: Any] in
                var item: [String: Any] = [
                    "time": record.time, "method": record.method, "path": record.path, "status": record.status,
                    "user": record.user ?? NSNull(), "fault": record.fault ?? NSNull(), "vendor": record.vendor,
                ]
                if let reset = record.resetAt { item["reset"] = reset }
                return item
            }
            return [
                "total": total, "per_path": perPath,
                "per_status": Dictionary(uniqueKeysWithValues: perStatus.map { (String($0.key), $0.value) }),
                "faults": perFault, "per_vendor": perVendor, "rate_limited": perStatus[429] ?? 0,
                "first_index": dropped + start, "requests": list,
            ]
        }
    }
}
