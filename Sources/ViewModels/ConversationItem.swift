import Core
import Foundation
import Store

/// The channel an entry came by, as the conversation pane labels it (icon or ASCII in TerminalUI).
public enum ConversationChannel: String, Sendable, Equatable, CaseIterable {
    case whatsApp, facebook, sms, email, call, visit, note, activity, transfer, archive, other

    /// The channel of a vendor `via` (seed 004: walkIn, sms, whatsApp, email, testDrive, visit,
    /// phoneCall, outboundCall, inboundCall, facebook) and event kind.
    public static func of(via: String, kind: ConversationEventKind) -> ConversationChannel {
        switch kind {
        case .transfer: return .transfer
        case .archive: return .archive
        default: break
        }
        switch via.lowercased() {
        case "whatsapp": return .whatsApp
        case "facebook": return .facebook
        case "sms": return .sms
        case "email": return .email
        case "phonecall", "outboundcall", "inboundcall": return .call
        case "walkin", "visit", "testdrive": return .visit
        default: return kind == .email ? .email : kind == .call ? .call : kind == .visit ? .visit : .other
        }
    }

    /// The word shown beside the time ("WhatsApp", "E-mail", ...).
    public var label: String {
        switch self {
        case .whatsApp: return "WhatsApp"
        case .facebook: return "Facebook"
        case .sms: return "SMS"
        case .email: return "E-mail"
        case .call: return "Call"
        case .visit: return "Visit"
        case .note: return "Note"
        case .activity: return "Activity"
        case .transfer: return "Transfer"
        case .archive: return "Archive"
        case .other: return "Other"
        }
    }
}

/// One timeline entry ready to draw: every string sanitised (`text` keeps its lines).
public struct ConversationItem: Sendable, Equatable {
    /// Its place in the timeline (stable across reloads).
    public let cursor: TimelineCursor
    /// The conversation event's id (sends are retried/discarded by it); nil for notes and activities.
    public let eventId: Int64?
    /// "yyyy-mm-dd hh:mm" (UTC).
    public let timeText: String
    public let channel: ConversationChannel
    /// Whether the lead wrote or called (drawn with ◀ / `<`).
    public let isInbound: Bool
    /// Who: the lead for inbound entries, the agent, the note's author, or "you" for Closer's own sends.
    public let who: String
    /// The message text, template, e-mail subject and body, attachment, reason… (multi-line).
    public let text: String
    /// "queued", "sending…", "sent", "failed: <server message>", "outcome unknown: …", "delivered", "not delivered".
    public let status: String
    /// The status is a problem (failed or unknown).
    public let isProblem: Bool
    /// For Closer's own sends.
    public let sendState: ConversationSendState?

    init(_ entry: TimelineEntry, leadName: String) {
        cursor = entry.cursor
        timeText = WireDate.formatAppointment(entry.createdAt)
        switch entry.content {
        case .note(let note):
            eventId = nil
            channel = .note
            isInbound = false
            who = TextSanitizerBridge.line(note.author)
            text = TextSanitizerBridge.multiline(note.text)
            status = ""
            isProblem = false
            sendState = nil
        case .activity(let activity):
            eventId = nil
            channel = .activity
            isInbound = false
            who = TextSanitizerBridge.line(activity.type)
            text = TextSanitizerBridge.multiline(activity.text)
            status = ""
            isProblem = false
            sendState = nil
        case .event(let event):
            eventId = event.id
            channel = ConversationChannel.of(via: event.via, kind: event.kind)
            isInbound = event.direction == .inbound
            who = TextSanitizerBridge.line(
                isInbound ? leadName : event.sendState != nil ? "you" : event.agent.isEmpty ? "agent" : event.agent)
            text = TextSanitizerBridge.multiline(Self.body(of: event))
            sendState = event.sendState
            (status, isProblem) = Self.status(of: event)
        }
    }

    /// The shown text of an event: subject, text, template, attachment, each when present.
    static func body(of event: ConversationEvent) -> String {
        var parts: [String] = []
        switch event.kind {
        case .transfer: parts.append("transferred to " + (event.text.isEmpty ? "?" : event.text))
        case .archive: parts.append("archived: " + (event.text.isEmpty ? "no reason given" : event.text))
        default:
            if !event.subject.isEmpty { parts.append("Subject: " + event.subject) }
            if !event.template.isEmpty { parts.append("[template " + event.template + "]") }
            if !event.text.isEmpty { parts.append(event.text) }
        }
        if !event.attachment.isEmpty { parts.append("📎 " + event.attachment) }
        if event.sendState == .sent && !event.sendMessage.isEmpty { parts.append("Vendor: " + event.sendMessage) }
        if parts.isEmpty { parts.append(event.status.isEmpty ? "(no text)" : event.status) }
        return parts.joined(separator: "\n")
    }

    static func status(of event: ConversationEvent) -> (String, Bool) {
        switch event.sendState {
        case .queued?: return ("queued", false)
        case .sending?: return ("sending…", false)
        case .sent?: return (event.delivered == true ? "delivered" : "sent", false)
        case .failed?: return ("failed: " + TextSanitizerBridge.line(event.sendMessage), true)
        case .unknown?: return ("outcome unknown: " + TextSanitizerBridge.line(event.sendMessage), true)
        case nil:
            guard !event.isInbound else { return ("", false) }
            switch event.delivered {
            case true?: return ("delivered", false)
            case false?: return ("not delivered", true)
            case nil: return ("", false)
            }
        }
    }
}

extension ConversationEvent {
    var isInbound: Bool { direction == .inbound }
}
