import Core
import Foundation
import Store

/// Timeline entries as JSON objects (control and bidi characters escaped: terminal-safe).
enum TimelineJSON {
    /// One entry: time (ISO 8601 UTC), source, id and the entry's fields.
    static func object(_ entry: TimelineEntry, leadName: String) -> String {
        func s(_ text: String) -> String { LeadCSVMetadata.jsonString(text) }
        var fields: [(String, String)] = [
            ("time", s(WireDate.formatTimestamp(entry.createdAt))),
            ("source", s(TimelineTable.sourceName(entry))),
            ("id", String(entry.cursor.id)),
        ]
        switch entry.content {
        case .note(let note):
            fields += [("author", s(note.author)), ("text", s(note.text))]
        case .activity(let activity):
            fields += [("type", s(activity.type)), ("text", s(activity.text))]
        case .event(let e):
            fields += [
                ("provider", s(e.provider)), ("remote_id", e.remoteId.map(s) ?? "null"), ("kind", s(e.kind.rawValue)),
                ("via", s(e.via)), ("direction", s(e.direction.rawValue)),
                ("who", s(e.direction == .inbound ? leadName : e.sendState != nil ? "you" : e.agent)),
                ("status", s(e.status)), ("subject", s(e.subject)), ("text", s(e.text)), ("template", s(e.template)),
                ("delivered", e.delivered.map { $0 ? "true" : "false" } ?? "null"), ("attachment", s(e.attachment)),
                ("send_state", e.sendState.map { s($0.rawValue) } ?? "null"), ("send_message", s(e.sendMessage)),
            ]
        }
        return "{" + fields.map { s($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}

/// Timeline entries as an aligned table: TIME, SOURCE, DIR, WHO, STATUS, TEXT (one line, sanitised).
enum TimelineTable {
    /// "note", "activity", or the event's channel (`via`, or its kind).
    static func sourceName(_ entry: TimelineEntry) -> String {
        switch entry.content {
        case .note: return "note"
        case .activity(let a): return "activity:" + a.type
        case .event(let e): return e.via.isEmpty ? e.kind.rawValue : e.via
        }
    }

    /// Writes the header and one line per entry.
    static func write(_ entries: [TimelineEntry], leadName: String, to output: Output) throws {
        let rows: [[String]] = entries.map { entry in
            let time = WireDate.formatAppointment(entry.createdAt)
            switch entry.content {
            case .note(let n): return [time, "note", "", n.author, "", n.text]
            case .activity(let a): return [time, sourceName(entry), "", "", "", a.text]
            case .event(let e):
                let who = e.direction == .inbound ? leadName : e.sendState != nil ? "you" : e.agent
                var state = e.sendState?.rawValue ?? e.status
                if e.sendState == .failed || e.sendState == .unknown { state += ": " + e.sendMessage }
                let text = [e.subject, e.template.isEmpty ? "" : "[template \(e.template)]", e.text,
                            e.attachment.isEmpty ? "" : "[file \(e.attachment)]"].filter { !$0.isEmpty }.joined(separator: " ")
                return [time, sourceName(entry), e.direction == .inbound ? "in" : "out", who, state, text]
            }
        }
        let titles = ["TIME", "SOURCE", "DIR", "WHO", "STATUS", "TEXT"]
        let caps = [16, 16, 3, 20, 40, 200]
        let clean = rows.map { $0.map { TextSanitizer.line($0) } }
        let widths = titles.indices.map { c in
            min(caps[c], max(DisplayWidth.of(titles[c]), clean.map { DisplayWidth.of($0[c]) }.max() ?? 0))
        }
        func line(_ cells: [String]) -> String {
            cells.indices.map { c in
                c == cells.count - 1 ? DisplayWidth.clip(cells[c], to: widths[c]) : DisplayWidth.fit(cells[c], to: widths[c])
            }.joined(separator: "  ")
        }
        try output.line(line(titles))
        for row in clean { try output.line(line(row)) }
        if entries.isEmpty { try output.line("(no entries)") }
    }
}
