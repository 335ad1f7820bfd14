import Core
import Foundation

extension ZenviaState {
    /// Seeds the directory (groups, one agent per seed 001 user), channels and templates, and
    /// `prospectCount` prospects: the demo leads 0, 3, 6… of `generator` (same names, e-mail and
    /// phone as seed 001's data, so clients can match them), each with 2–5 interactions before
    /// the last day; every third prospect also wrote a WhatsApp message within the last 24 h.
    func seed(from generator: DemoDataGenerator, leadCount: Int, prospectCount: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = generator.now
        seedDirectory(generator.users, now: now)
        var counter = 0  // rotates `via` so every kind appears once ten interactions exist
        for number in 0..<max(0, prospectCount) {
            let index = number * 3
            guard index < leadCount else { break }
            seedProspect(generator.lead(index), number: number, now: now, counter: &counter)
        }
    }

    private func seedDirectory(_ users: [User], now: Int64) {
        let start = now - 400 * 86_400
        rootGroupId = makeId(at: start)
        let inbound = makeId(at: start + 1)
        let field = makeId(at: start + 2)
        groups = [
            ZenviaGroup(id: rootGroupId, name: "Sales", parent: nil),
            ZenviaGroup(id: inbound, name: "Inbound", parent: rootGroupId),
            ZenviaGroup(id: field, name: "Field", parent: rootGroupId),
        ]
        agents = users.enumerated().map { index, user in
            let words = user.displayName.split(separator: " ", maxSplits: 1).map(String.init)
            return ZenviaAgent(
                id: makeId(at: start + 10 + Int64(index)), username: user.username, firstName: words.first ?? user.username,
                lastName: words.count > 1 ? words[1] : "", email: "\(user.username)@sales.example",
                phone: "+1555" + String(1_000_000 + index * 7919), groupId: index % 2 == 0 ? inbound : field)
        }
        channelIds = ["whatsapp": "wa-" + VendorKeys.hex(seed: seed, salt: 0xC7A2, count: 8),
                      "facebook": "fb-" + VendorKeys.hex(seed: seed, salt: 0xFB00, count: 8)]
        let welcome = ZenviaTemplate(
            key: "welcome", name: "Welcome",
            body: "Hi {{prospect.firstName}}, thanks for your interest! I'm {{user.firstName}} and I'll be glad to help.",
            template: "welcome_v1")
        templates = [
            "whatsapp": [
                welcome,
                ZenviaTemplate(key: "follow_up", name: "Follow-up",
                               body: "Hi {{prospect.firstName}}, are you still interested? Reply to this message to talk with us.",
                               template: "follow_up_v2"),
                ZenviaTemplate(key: "appointment_reminder", name: "Appointment reminder",
                               body: "Hi {{prospect.firstName}}, a reminder of your appointment on {{appointment.date}}.",
                               template: "appointment_reminder_v1"),
            ],
            "facebook": [welcome],
        ]
    }

    private func seedProspect(_ lead: Lead, number: Int, now: Int64, counter: inout Int) {
        var rng = SeededRandom(seed: seed ^ 0x2E7F_5EED, index: number)
        let created = Int64(lead.createdAt.timeIntervalSince1970)
        let agent = agents.first { $0.username == lead.owner }
        let archived = lead.status == .closed
        let prospect = ZenviaProspect(
            id: makeId(at: created), created: created, firstName: lead.firstName, lastName: lead.lastName,
            label: lead.label.isEmpty ? nil : lead.label, category: "sales", status: archived ? "archived" : "followUp",
            phones: [lead.phone], emails: [lead.email],
            leads: [ZenviaLeadEntry(priority: 0, created: created, source: lead.source?.rawValue ?? "direct", utmSource: lead.source?.rawValue ?? "direct",
                                    comments: lead.message, company: lead.company.isEmpty ? nil : lead.company, agent: agent?.email)],
            agentId: agent?.id, groupId: agent?.groupId ?? rootGroupId, initialGroupId: rootGroupId,
            archivingReason: archived ? "closed" : nil, assigned: agent == nil ? nil : created + 600)
        insert(prospect)
        let lastOld = max(created + 60, now - 25 * 3600)
        let count = 2 + rng.below(4)
        var times = (0..<count).map { _ in created + 60 + Int64(rng.below(Int(max(1, lastOld - created - 60)))) }
        times.sort()
        for time in times {
            let via = ZenviaVocabulary.vias[counter % ZenviaVocabulary.vias.count]
            counter += 1
            insert(seededInteraction(prospect, agent: agent, via: via, at: time, rng: &rng))
        }
        if number % 3 == 0 {
            let time = now - 3600 - Int64(rng.below(20 * 3600))
            insert(message(prospect, agent: agent, via: "whatsApp", inbound: true, at: time,
                           content: rng.pick(ZenviaSeedTexts.inbound)))
        }
    }

    private func seededInteraction(
        _ prospect: ZenviaProspect, agent: ZenviaAgent?, via: String, at time: Int64, rng: inout SeededRandom
    ) -> ZenviaInteraction {
        if ZenviaVocabulary.messageVias.contains(via) {
            let inbound = rng.below(2) == 0
            return message(prospect, agent: agent, via: via, inbound: inbound, at: time,
                           content: rng.pick(inbound ? ZenviaSeedTexts.inbound : ZenviaSeedTexts.outbound))
        }
        // A walk-in or an inbound call is the prospect's doing; visits, test drives and outbound calls the agent's.
        let proactive = ["outboundCall", "visit", "testDrive"].contains(via) || (via == "phoneCall" && rng.below(2) == 0)
        return ZenviaInteraction(
            id: makeId(at: time), prospectId: prospect.id, agentId: agent?.id, createdAt: time, via: via, proactive: proactive,
            status: "completed", comment: rng.pick(ZenviaSeedTexts.comments), message: nil)
    }

    /// A message interaction: inbound from the prospect (`proactive: false`) or outbound from the agent.
    func message(
        _ prospect: ZenviaProspect, agent: ZenviaAgent?, via: String, inbound: Bool, at time: Int64, content: String? = nil,
        template: String? = nil, body: String? = nil, attachment: (type: String, url: String)? = nil
    ) -> ZenviaInteraction {
        let address = via == "email" ? (prospect.emails.first ?? "") : (prospect.phones.first ?? prospect.id)
        let ours = via == "email" ? (agent?.email ?? "sales@sales.example")
            : (channelIds[via == "facebook" ? "facebook" : "whatsapp"] ?? "channel")
        let message = ZenviaMessage(
            template: template, body: body, content: content, delivered: true, sender: inbound ? address : ours,
            recipient: inbound ? ours : address, attachmentType: attachment?.type, attachmentURL: attachment?.url, via: via)
        return ZenviaInteraction(
            id: makeId(at: time), prospectId: prospect.id, agentId: agent?.id, createdAt: time, via: via, proactive: !inbound,
            status: inbound ? "received" : "sent", comment: nil, message: message)
    }
}
