import Foundation

/// Deterministic, realistic demo data shared by `closer seed` and the simulator: item `i` of a
/// given seed is always the same lead, so data can be generated in any order or in parallel.
public struct DemoDataGenerator: Sendable {
    public let seed: UInt64
    /// "Now" for the data, in Unix seconds: leads were created in the year before it, appointments
    /// fall in the three weeks before and four weeks after it.
    public let now: Int64
    public let users: [User]

    public init(seed: UInt64, now: Int64, userCount: Int = 8) {
        self.seed = seed
        self.now = now
        let count = max(1, userCount)
        users = (0..<count).map { i in
            let base = DemoNames.users[i % DemoNames.users.count]
            let round = i / DemoNames.users.count
            return round == 0
                ? User(username: base.0, displayName: base.1)
                : User(username: "\(base.0)\(round + 1)", displayName: "\(base.1) \(round + 1)")
        }
    }

    /// Lead number `index` (0-based); e-mail addresses are unique by index.
    public func lead(_ index: Int) -> Lead {
        var rng = SeededRandom(seed: seed, index: index)
        let first = rng.pick(DemoNames.firstNames)
        let last = rng.pick(DemoNames.lastNames)
        let domain = ["example.com", "mail.test", "corp.example", "inbox.test"][rng.below(4)]
        let phone = "+" + String(10_000_000_000 + UInt64(rng.below(89_999_999_999)))
        let created = now - Int64(rng.below(365 * 86_400)) - 3600
        let updated = min(now, created + Int64(rng.below(60 * 86_400)))
        let status = LeadStatus.allCases[weightedStatusIndex(&rng)]
        let source = LeadSource.allCases[rng.below(LeadSource.allCases.count)]
        return Lead(
            firstName: first.0, lastName: last.0,
            email: "\(first.1).\(last.1).\(index)@\(domain)",
            phone: phone,
            company: rng.pick(DemoNames.companies),
            jobTitle: rng.pick(DemoNames.jobTitles),
            location: rng.pick(DemoNames.cities),
            message: rng.pick(DemoNames.messages),
            source: source, status: status,
            owner: users[rng.below(users.count)].username,
            label: rng.below(10) == 0 ? "vip" : "",
            createdAt: Date(timeIntervalSince1970: TimeInterval(created)),
            updatedAt: Date(timeIntervalSince1970: TimeInterval(updated)))
    }

    /// 0–3 notes for lead `index`, stored under `leadId`.
    public func notes(forLead index: Int, leadId: Int64) -> [Note] {
        var rng = SeededRandom(seed: seed &+ 1, index: index)
        let lead = self.lead(index)
        return (0..<rng.below(4)).map { n in
            let at = lead.createdAt.addingTimeInterval(TimeInterval(3600 * (n + 1) + rng.below(86_400)))
            return Note(leadId: leadId, text: rng.pick(DemoNames.noteTexts), author: lead.owner, createdAt: at)
        }
    }

    /// 1–3 activities for lead `index`, the first always its creation.
    public func activities(forLead index: Int, leadId: Int64) -> [Activity] {
        var rng = SeededRandom(seed: seed &+ 2, index: index)
        let lead = self.lead(index)
        var items = [Activity(leadId: leadId, type: "created", text: "Lead created", createdAt: lead.createdAt)]
        for n in 0..<rng.below(3) {
            let kind = rng.pick(DemoNames.activityKinds)
            let at = lead.createdAt.addingTimeInterval(TimeInterval(7200 * (n + 1) + rng.below(86_400)))
            items.append(Activity(leadId: leadId, type: kind.0, text: kind.1, createdAt: at))
        }
        return items
    }

    /// About one lead in five has an appointment, between three weeks ago and four weeks ahead,
    /// on a quarter hour, 30 to 90 minutes long.
    public func appointments(forLead index: Int, leadId: Int64) -> [Appointment] {
        var rng = SeededRandom(seed: seed &+ 3, index: index)
        guard rng.below(5) == 0 else { return [] }
        let quarter: Int64 = 900
        let offset = Int64(rng.below(49 * 96) - 21 * 96) * quarter
        let start = (now / quarter) * quarter + offset
        let end = start + Int64(2 + rng.below(5)) * quarter
        let status: AppointmentStatus = start < now
            ? [.fullfilled, .cancelled, .fullfilled][rng.below(3)]
            : [.pending, .confirmed, .rescheduled][rng.below(3)]
        let notes = [Appointment.defaultNote, "Demo call", "Contract review", "Site visit", "Pricing discussion"]
        return [Appointment(
            leadId: leadId, start: Date(timeIntervalSince1970: TimeInterval(start)),
            end: Date(timeIntervalSince1970: TimeInterval(end)), note: rng.pick(notes), status: status)]
    }

    /// More prospects and contacts than customers, as in a real pipeline.
    private func weightedStatusIndex(_ rng: inout SeededRandom) -> Int {
        let roll = rng.below(100)
        switch roll {
        case 0..<35: return 0  // prospect
        case 35..<50: return 1  // tentative
        case 50..<65: return 2  // potential
        case 65..<75: return 3  // closed
        case 75..<90: return 4  // contact
        default: return 5  // customer
        }
    }
}
