import Foundation

/// Demo conversations (Zenvia-style interactions) for `closer demo --no-sync` and benchmarks:
/// deterministic per (seed, lead index), like the rest of the demo data.
extension DemoDataGenerator {
    static let inboundTexts = [
        "Hola, ¿tienen disponibilidad para una demo esta semana?",
        "Olá! Gostaria de receber a proposta por e-mail.",
        "Can you send me the pricing for 20 seats?",
        "¿El precio incluye la instalación?",
        "見積もりをお願いします。",
        "Obrigado, vou falar com meu sócio e retorno.",
        "We are comparing you with two other vendors 🙂",
        "مرحبا، هل يمكنكم الاتصال بي غدا؟",
        "Perfecto, quedo atento.",
        "Is there a discount for a yearly plan?",
    ]
    static let outboundTexts = [
        "¡Hola! Gracias por escribirnos. ¿Le viene bien el martes a las 10?",
        "Claro, le envío la propuesta hoy mismo.",
        "Thanks! I have attached our pricing sheet.",
        "Perfeito, fico no aguardo.",
        "Sure — a yearly plan comes with two months free.",
    ]

    /// Lead `index`'s conversation (every third lead has one): 2–7 WhatsApp messages and calls,
    /// oldest first, the newest inbound one within the last day for about half of them.
    /// `remoteId` is unique per (seed, lead index, message).
    public func conversation(forLead index: Int, leadId: Int64) -> [ConversationEvent] {
        guard index % 3 == 0 else { return [] }
        var rng = SeededRandom(seed: seed &+ 7, index: index)
        let count = 2 + rng.below(6)
        let recent = rng.below(2) == 0
        let agent = users[rng.below(users.count)].displayName
        var at = now - Int64(recent ? 3 * 3600 + rng.below(18 * 3600) : 3 * 86_400 + rng.below(20 * 86_400))
        var events: [ConversationEvent] = []
        for n in 0..<count {
            let inbound = n % 2 == 0 || n == count - 1
            let isCall = rng.below(8) == 0
            let text = inbound ? rng.pick(Self.inboundTexts) : rng.pick(Self.outboundTexts)
            events.append(ConversationEvent(
                leadId: leadId, provider: ConversationRole.messaging.rawValue,
                remoteId: String(format: "%08x%08x%08x", UInt32(truncatingIfNeeded: seed), UInt32(index), UInt32(n)),
                kind: isCall ? .call : .message, via: isCall ? (inbound ? "inboundCall" : "outboundCall") : "whatsApp",
                direction: inbound ? .inbound : .outbound, agent: inbound ? "" : agent,
                status: isCall ? "answered" : "", text: isCall ? "" : text, delivered: inbound ? nil : true,
                createdAt: Date(timeIntervalSince1970: TimeInterval(at))))
            at += Int64(60 + rng.below(40 * 60))
        }
        return events.map { event in  // keep every event in the past
            var e = event
            if e.createdAt.timeIntervalSince1970 > TimeInterval(now) { e.createdAt = Date(timeIntervalSince1970: TimeInterval(now - 60)) }
            return e
        }
    }
}
