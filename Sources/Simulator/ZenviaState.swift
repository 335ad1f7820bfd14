import Core
import Foundation

/// The simulated Zenvia Sales account (seed 004): agents and groups, prospects, their
/// interactions (the conversation), channels, templates and sent files. Thread-safe: every
/// entry point takes the one lock. Prospects and interactions are kept in id order, and ids start
/// with their creation time in hex (as ObjectIds do), so id order is creation order.
final class ZenviaState: @unchecked Sendable {
    let lock = NSLock()
    let seed: UInt64
    /// "Now" in Unix seconds (windows, 31-day defaults, new records).
    let clock: @Sendable () -> Int64
    let maxFileBytes: Int

    var agents: [ZenviaAgent] = []
    var groups: [ZenviaGroup] = []
    /// The group of the API key (the root of the tree).
    var rootGroupId = ""
    var prospects: [String: ZenviaProspect] = [:]
    var prospectOrder: [String] = []
    var interactions: [String: ZenviaInteraction] = [:]
    var interactionOrder: [String] = []
    var interactionsByProspect: [String: [String]] = [:]
    var files: [String: ZenviaFile] = [:]
    var fileOrder: [String] = []
    /// channel → channelId.
    var channelIds: [String: String] = [:]
    var templates: [String: [ZenviaTemplate]] = [:]
    var subscriptions: [ZenviaSubscription] = []
    private var sequence = 0

    init(seed: UInt64, maxFileBytes: Int, clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }) {
        self.seed = seed
        self.maxFileBytes = maxFileBytes
        self.clock = clock
    }

    /// Runs `body` with the lock held, passing its typed error through.
    func locked<T>(_ body: () throws(ZenviaError) -> T) throws(ZenviaError) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    // MARK: - Ids and inserts (lock held)

    /// A fresh id: 8 hex digits of `time`, then 16 deterministic ones.
    func makeId(at time: Int64) -> String {
        sequence += 1
        let stamp = String(UInt32(truncatingIfNeeded: max(0, time)), radix: 16)
        return String(repeating: "0", count: 8 - stamp.count) + stamp
            + VendorKeys.hex(seed: seed, salt: 0x2E7F_1A00, index: sequence, count: 16)
    }

    func insert(_ prospect: ZenviaProspect) {
        prospects[prospect.id] = prospect
        prospectOrder.insert(prospect.id, at: Self.insertionPoint(prospect.id, in: prospectOrder))
    }

    func insert(_ interaction: ZenviaInteraction) {
        interactions[interaction.id] = interaction
        interactionOrder.insert(interaction.id, at: Self.insertionPoint(interaction.id, in: interactionOrder))
        var list = interactionsByProspect[interaction.prospectId] ?? []
        list.insert(interaction.id, at: Self.insertionPoint(interaction.id, in: list))
        interactionsByProspect[interaction.prospectId] = list
        if interaction.proactive, var prospect = prospects[interaction.prospectId], prospect.firstContactedAt == nil {
            prospect.firstContactedAt = interaction.createdAt
            prospects[prospect.id] = prospect
        }
    }

    static func insertionPoint(_ id: String, in sorted: [String]) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < id { low = mid + 1 } else { high = mid }
        }
        return low
    }

    // MARK: - Lookups (lock held)

    /// A live prospect by id: 400 for a malformed id, 404 for an unknown or deleted one.
    func liveProspect(_ id: String) throws(ZenviaError) -> ZenviaProspect {
        guard ZenviaVocabulary.isId(id) else { throw .invalid("prospectId must match ^[a-z0-9]{24}$.") }
        guard let prospect = prospects[id], !prospect.deleted else { throw .prospectNotFound }
        return prospect
    }

    func agent(_ id: String?) -> ZenviaAgent? {
        guard let id else { return nil }
        return agents.first { $0.id == id }
    }

    /// An agent named by id, e-mail or phone (seed 004 `agent`: "indicate it's email, phone or id").
    func agent(matching reference: String) -> ZenviaAgent? {
        let digits = Self.digits(reference)
        return agents.first { $0.id == reference || $0.email.lowercased() == reference.lowercased()
            || (!digits.isEmpty && Self.digits($0.phone) == digits) }
    }

    func group(_ id: String) -> ZenviaGroup? { groups.first { $0.id == id } }

    /// `id` and the ids of every group below it.
    func groupAndDescendants(_ id: String) -> Set<String> {
        var found: Set<String> = [id]
        var changed = true
        while changed {
            changed = false
            for group in groups where group.parent.map(found.contains) == true && !found.contains(group.id) {
                found.insert(group.id)
                changed = true
            }
        }
        return found
    }

    /// The prospect with one of these e-mails (case-insensitive) or phones (same digits).
    func matchingProspect(emails: [String], phones: [String]) -> ZenviaProspect? {
        let mails = Set(emails.map { $0.lowercased() })
        let numbers = Set(phones.map(Self.digits).filter { !$0.isEmpty })
        for id in prospectOrder {
            guard let prospect = prospects[id], !prospect.deleted else { continue }
            if prospect.emails.contains(where: { mails.contains($0.lowercased()) })
                || prospect.phones.contains(where: { numbers.contains(Self.digits($0)) }) { return prospect }
        }
        return nil
    }

    /// The prospect's interactions, oldest first.
    func interactions(of prospectId: String) -> [ZenviaInteraction] {
        (interactionsByProspect[prospectId] ?? []).compactMap { interactions[$0] }
    }

    /// When the conversational window closes (24 h after the last `proactive: false`), or nil when never opened.
    func windowCloses(for prospectId: String) -> Int64? {
        interactions(of: prospectId).last { !$0.proactive }.map { $0.createdAt + ZenviaVocabulary.windowSeconds }
    }

    /// Channels open for a prospect: WhatsApp when it has a phone, Facebook once it wrote through it.
    func openChannels(for prospect: ZenviaProspect) -> [String] {
        var open: [String] = []
        if !prospect.phones.isEmpty { open.append("whatsapp") }
        if interactions(of: prospect.id).contains(where: { $0.via == "facebook" }) { open.append("facebook") }
        return open
    }

    static func digits(_ text: String) -> String { String(text.unicodeScalars.filter { $0.value >= 48 && $0.value <= 57 }.map(Character.init)) }
}
