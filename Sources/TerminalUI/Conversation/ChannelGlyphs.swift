import ViewModels

/// How the conversation pane marks a channel and a direction: symbols on capable terminals,
/// plain ASCII under `TERM=vt100`/`linux` (whose fonts lack them).
public struct ChannelGlyphs: Sendable, Equatable {
    /// ASCII only.
    public let asciiOnly: Bool

    /// Glyphs for a terminal; `asciiOnly` for vt100-class terminals and the Linux console.
    public init(asciiOnly: Bool) { self.asciiOnly = asciiOnly }

    /// Whether the environment's terminal wants ASCII (`TERM` vt*, linux, dumb, or a non-UTF-8 locale).
    public static func prefersASCII(_ environment: [String: String]) -> Bool {
        let term = environment["TERM"] ?? ""
        if term.hasPrefix("vt") || term == "linux" || term == "dumb" || term.hasPrefix("cons") { return true }
        let locale = environment["LC_ALL"] ?? environment["LC_CTYPE"] ?? environment["LANG"] ?? ""
        return !locale.isEmpty && !locale.uppercased().contains("UTF-8") && !locale.uppercased().contains("UTF8")
            && locale != "C" && locale != "POSIX"
    }

    /// The icon and label of a channel, e.g. "✆ WhatsApp" or "WhatsApp".
    public func label(_ channel: ConversationChannel) -> String {
        asciiOnly ? channel.label : icon(channel) + " " + channel.label
    }

    /// The direction mark: inbound "◀" / "<", outbound "▶" / ">".
    public func direction(inbound: Bool) -> String {
        asciiOnly ? (inbound ? "<" : ">") : (inbound ? "◀" : "▶")
    }

    /// The ellipsis of a folded entry.
    public var more: String { asciiOnly ? "..." : "…" }

    /// One-column symbols (no emoji: their width differs between terminals).
    func icon(_ channel: ConversationChannel) -> String {
        switch channel {
        case .whatsApp: return "✆"
        case .facebook: return "ƒ"
        case .sms: return "✉"
        case .email: return "@"
        case .call: return "☎"
        case .visit: return "⌂"
        case .note: return "✎"
        case .activity: return "•"
        case .transfer: return "⇄"
        case .archive: return "▣"
        case .other: return "·"
        }
    }
}
