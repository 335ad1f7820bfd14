import Foundation

/// What the simulated ClosingDealz workspace (seed 002) holds: the leads it was sent, with the
/// seed's field names (keys matched case-insensitively and stored in the seed's spelling).
final class ClosingDealzState: @unchecked Sendable {
    /// seed 002: "Can not have more than 5 leads on the Free Plan."
    static let freePlanLimit = 5
    /// seed 002: "Only 100 leads is allowed to be created at once."
    static let maxBatch = 100
    /// The Lead Request Object's fields of the seed's sample, in its spelling.
    static let knownFields = ["company", "contactPerson", "jobTitle", "email", "phoneNumber", "notes"]
    private static let canonical = Dictionary(uniqueKeysWithValues: knownFields.map { ($0.lowercased(), $0) })

    private let lock = NSLock()
    private var leads: [[String: String]] = []
    let plan: ClosingDealzPlan

    init(plan: ClosingDealzPlan) { self.plan = plan }

    /// A refused batch: the seed's message (always HTTP 400).
    struct Refusal: Error, Equatable { let message: String }

    /// Stores a whole batch or nothing. `batch` is the decoded JSON body.
    func create(_ batch: Any?) throws(Refusal) {
        guard let items = batch as? [Any] else { throw Refusal(message: "The request body must be a JSON array of leads.") }
        guard items.count <= Self.maxBatch else {
            throw Refusal(message: "The maximum amount of leads to create at once is 100, but was \(items.count).")
        }
        guard !items.isEmpty else { throw Refusal(message: "The request body must contain at least one lead.") }
        var decoded: [[String: String]] = []
        for (index, item) in items.enumerated() {
            guard let object = item as? [String: Any] else { throw Refusal(message: "Lead \(index) must be a JSON object.") }
            var lead: [String: String] = [:]
            for key in object.keys.sorted() {  // sorted: of two spellings of one field, the same one wins every time
                let value = object[key]
                if value is NSNull { continue }
                guard let text = value as? String else { throw Refusal(message: "Lead \(index): \(key) must be a string.") }
                lead[Self.canonical[key.lowercased()] ?? key] = text
            }
            decoded.append(lead)
        }
        lock.lock()
        defer { lock.unlock() }
        if plan == .free {
            if leads.count >= Self.freePlanLimit {
                throw Refusal(message: "Reached the maximum limit of leads on the free plan.")
            }
            if leads.count + decoded.count > Self.freePlanLimit {
                throw Refusal(message: "Can not have more than 5 leads on the free plan.")
            }
        }
        leads.append(contentsOf: decoded)
    }

    /// Every stored lead, oldest first.
    var all: [[String: String]] { lock.withLock { leads } }

    /// `/_sim/state` part.
    func json() -> [String: Any] { ["plan": plan.rawValue, "leads": all] }
}
