import Core
import Foundation

/// The simulated vendor's whole in-memory database: users, leads (soft-deleted ones kept),
/// notes, activities and appointments. Thread-safe: every public method takes one lock, so each
/// request sees and leaves a consistent state.
///
/// Memory: leads sit in one array indexed by `id - 1` with only seed 001's own fields; notes and
/// activities in per-lead arrays. 100,000 seeded leads take well under 100 MB.
public final class SimulatorState: @unchecked Sendable {
    let lock = NSLock()
    /// "Now" in Unix seconds (appointment rules, timestamps, overview filters).
    let clock: @Sendable () -> Int64

    var users: [SimUser] = []
    var userByAPIKey: [String: Int] = [:]
    /// Index = id - 1.
    var leads: [SimLead] = []
    var leadBySlug: [String: Int] = [:]
    var liveLeadCount = 0
    var notesByLead: [Int64: [Note]] = [:]
    var noteLead: [Int64: Int64] = [:]
    var activitiesByLead: [Int64: [Activity]] = [:]
    /// Sorted by id (ids only grow).
    var appointments: [SimAppointment] = []
    var nextNoteId: Int64 = 1
    var nextActivityId: Int64 = 1
    var nextAppointmentId: Int64 = 1

    /// An empty state with the given users.
    public init(users: [SimUser], clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }) {
        self.clock = clock
        self.users = users
        for (index, user) in users.enumerated() { userByAPIKey[user.apiKey] = index }
    }

    /// A state seeded from Core's `DemoDataGenerator`: `leadCount` leads with their notes,
    /// activities and appointments, and `userCount` users with deterministic credentials.
    public convenience init(
        seed: UInt64, leadCount: Int, userCount: Int, now: Int64? = nil,
        clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }
    ) {
        let generator = DemoDataGenerator(seed: seed, now: now ?? clock(), userCount: userCount)
        let users = generator.users.enumerated().map { index, user in
            SimulatorState.credentials(for: user, index: index, seed: seed)
        }
        self.init(users: users, clock: clock)
        seedLeads(from: generator, count: leadCount)
    }

    /// Deterministic credentials for user `index` of a seed.
    static func credentials(for user: User, index: Int, seed: UInt64) -> SimUser {
        var rng = SeededRandom(seed: seed ^ 0x5EED_A11C_E5, index: index)
        func hex() -> String {
            let text = String(rng.next(), radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }
        return SimUser(
            username: user.username, displayName: user.displayName,
            apiKey: "ak_" + hex(), token: "tk_" + hex() + hex())
    }

    private func seedLeads(from generator: DemoDataGenerator, count: Int) {
        leads.reserveCapacity(count)
        leadBySlug.reserveCapacity(count)
        for index in 0..<max(0, count) {
            let lead = generator.lead(index)
            let id = Int64(index + 1)
            let stored = SimLead(
                id: id, slug: SimLead.makeSlug(firstName: lead.firstName, lastName: lead.lastName, id: id),
                firstName: lead.firstName, lastName: lead.lastName, email: lead.email, phone: lead.phone,
                location: lead.location, message: lead.message, status: lead.status, source: lead.source,
                owner: lead.owner, createdAt: Int64(lead.createdAt.timeIntervalSince1970),
                updatedAt: Int64(lead.updatedAt.timeIntervalSince1970), deleted: false)
            insert(stored)
            let notes = generator.notes(forLead: index, leadId: id)
            if !notes.isEmpty {
                notesByLead[id] = notes.map { note in
                    var note = note
                    note.id = nextNoteId
                    noteLead[nextNoteId] = id
                    nextNoteId += 1
                    return note
                }
            }
            activitiesByLead[id] = generator.activities(forLead: index, leadId: id).map { activity in
                var activity = activity
                activity.id = nextActivityId
                nextActivityId += 1
                return activity
            }
            for appointment in generator.appointments(forLead: index, leadId: id) {
                appointments.append(SimAppointment(
                    id: nextAppointmentId, leadId: id,
                    start: Int64(appointment.start.timeIntervalSince1970),
                    end: Int64(appointment.end.timeIntervalSince1970),
                    note: appointment.note, status: appointment.status, createdBy: lead.owner))
                nextAppointmentId += 1
            }
        }
    }

    /// Runs `body` with the lock held, passing its typed error through.
    func locked<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    // MARK: - Lookups (call with the lock held)

    /// Appends a lead whose id is `leads.count + 1`.
    func insert(_ lead: SimLead) {
        leadBySlug[lead.slug] = leads.count
        leads.append(lead)
        if !lead.deleted { liveLeadCount += 1 }
    }

    func leadIndex(slug: String) -> Int? { leadBySlug[slug] }

    func leadIndex(id: Int64) -> Int? {
        id >= 1 && id <= Int64(leads.count) ? Int(id - 1) : nil
    }

    func appointmentIndex(id: Int64) -> Int? {
        var low = 0
        var high = appointments.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if appointments[mid].id == id { return mid }
            if appointments[mid].id < id { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }

    func userExists(_ username: String) -> Bool { users.contains { $0.username == username } }

    func addActivity(leadId: Int64, type: String, text: String, at time: Int64) {
        let activity = Activity(
            id: nextActivityId, leadId: leadId, type: type, text: text,
            createdAt: Date(timeIntervalSince1970: TimeInterval(time)))
        nextActivityId += 1
        activitiesByLead[leadId, default: []].append(activity)
    }

    // MARK: - Public reads

    /// The user whose `apikey` and bearer token both match, or nil.
    public func user(apiKey: String, token: String) -> SimUser? {
        lock.withLock {
            guard let index = userByAPIKey[apiKey], users[index].token == token else { return nil }
            return users[index]
        }
    }

    /// Gives `username` fresh random credentials: the old ones answer 401 "auth" from now on
    /// (a revoked key). Nil for an unknown user.
    public func rotateCredentials(username: String) -> SimUser? {
        lock.withLock {
            guard let index = users.firstIndex(where: { $0.username == username }) else { return nil }
            var generator = SystemRandomNumberGenerator()
            func hex() -> String {
                let text = String(generator.next() as UInt64, radix: 16)
                return String(repeating: "0", count: 16 - text.count) + text
            }
            userByAPIKey[users[index].apiKey] = nil
            users[index].apiKey = "ak_" + hex()
            users[index].token = "tk_" + hex() + hex()
            userByAPIKey[users[index].apiKey] = index
            return users[index]
        }
    }

    /// All users with their credentials.
    public var allUsers: [SimUser] { lock.withLock { users } }

    /// A lead by slug, deleted or not.
    public func lead(slug: String) -> SimLead? {
        lock.withLock { leadIndex(slug: slug).map { leads[$0] } }
    }

    /// Number of leads not deleted.
    public var liveLeads: Int { lock.withLock { liveLeadCount } }

    /// Current time of the simulated server.
    public var now: Int64 { clock() }
}
