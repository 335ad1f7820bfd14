import Core
import Foundation
import Store
import Sync

/// `closer agenda`: the appointments of some days as a table, JSON or RFC 5545 iCalendar, read in
/// keyset pages of the calendar's range query (never every appointment at once).
enum AgendaCommand: Command {
    static let spec = CommandSpec(
        name: "agenda", summary: "Appointments of the coming days as a table, JSON or iCalendar (.ics).",
        options: [
            OptionSpec("from", value: "DATE", help: "first day, yyyy-mm-dd in the local zone (default today)"),
            OptionSpec("days", value: "N", help: "number of days (default 7, at most 3660)"),
            OptionSpec("owner", value: "O", help: "whose appointments (default: the current user)"),
            OptionSpec("all", help: "everyone's appointments"),
            OptionSpec("status", value: "S", help: "only these statuses (comma-separated): "
                + AppointmentStatus.allCases.map { $0 == .fullfilled ? "fulfilled" : $0.rawValue }.joined(separator: ", ")),
            OptionSpec("format", short: "f", value: "F", help: "table (default), json or ics"),
        ],
        details: """
        Times are shown in the local zone ($TZ) in the table and written in UTC in JSON and ICS.
        The current user is the configured remote's username, else $USER.

        examples:
          closer agenda
          closer agenda --from 2026-12-01 --days 31 --all --format ics > closer.ics
          closer agenda --status pending,confirmed --format json
        """)

    /// Rows read per store query.
    static let pageSize = 500

    static func run(_ arguments: CommandLineArguments, context: CommandContext) async throws -> Int32 {
        let zone = CalendarZone.current
        let nowSeconds = Int64(Date().timeIntervalSince1970)
        var firstDay = zone.day(of: nowSeconds)
        if let text = arguments.value("from") {
            guard let day = CalendarZone.parseDay(text) else {
                throw UsageError("invalid value '\(text)' for '--from' of 'agenda': expected a date yyyy-mm-dd", command: spec.name)
            }
            firstDay = day
        }
        let days = try arguments.integer("days", in: 1...3660) ?? 7
        let format = try arguments.choice("format", from: ["table", "json", "ics"]) ?? "table"
        if arguments.flag("all"), arguments.value("owner") != nil {
            throw UsageError("'--owner' and '--all' of 'agenda' exclude each other", command: spec.name)
        }
        var filter = CalendarFilter(owner: arguments.flag("all") ? nil : (arguments.value("owner") ?? currentUser()))
        filter.statuses = try statuses(arguments.value("status"))

        let store = try context.openStore(for: spec.name)
        let from = zone.start(ofDay: firstDay)
        let to = zone.start(ofDay: firstDay + days)
        let output = Output.standard()
        var writer = AgendaWriter(format: format, output: output, zone: zone, stamp: nowSeconds)
        try writer.begin()
        var cursor: (start: Int64, id: Int64)? = nil
        while true {
            let page = try store.calendarEntries(from: from, to: to, filter: filter, after: cursor, limit: pageSize)
            // Only the iCalendar DESCRIPTION shows e-mail and phone (calendar-lead-name: a separate read).
            for entry in format == "ics" ? try store.withLeadContacts(page) : page { try writer.write(entry) }
            guard page.count == pageSize, let last = page.last else { break }
            cursor = (last.start, last.appointment.id)
        }
        try writer.finish()
        try output.flush()
        return 0
    }

    /// The current user ("mine"): the primary remote's username, else `$USER` (`CurrentUser`).
    static func currentUser() -> String { CurrentUser.resolve()?.name ?? "me" }

    /// `--status pending,fulfilled` (the vendor's "fullfilled" is accepted too).
    static func statuses(_ text: String?) throws(UsageError) -> Set<AppointmentStatus> {
        guard let text else { return [] }
        var set = Set<AppointmentStatus>()
        for word in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = word.trimmingCharacters(in: .whitespaces).lowercased()
            guard let status = AppointmentStatus(rawValue: name == "fulfilled" ? "fullfilled" : name) else {
                throw UsageError("invalid value '\(word)' for '--status' of 'agenda': expected one of pending, rescheduled, "
                                 + "cancelled, fulfilled, confirmed", command: spec.name)
            }
            set.insert(status)
        }
        return set
    }
}

/// Writes agenda entries one at a time in one of the three formats.
struct AgendaWriter {
    let format: String
    let output: Output
    let zone: CalendarZone
    let ics: ICalendarWriter
    var json: JSONArrayWriter
    var lastDay: Int?

    init(format: String, output: Output, zone: CalendarZone, stamp: Int64) {
        self.format = format
        self.output = output
        self.zone = zone
        ics = ICalendarWriter(stamp: stamp)
        json = JSONArrayWriter(output: output)
    }

    mutating func begin() throws {
        switch format {
        case "json": try json.begin()
        case "ics": try output.write(ics.begin())
        default: break
        }
    }

    mutating func write(_ entry: CalendarEntry) throws {
        switch format {
        case "json": try json.element(Self.json(entry))
        case "ics": try output.write(ics.event(Self.event(entry)))
        default: try table(entry)
        }
    }

    mutating func finish() throws {
        switch format {
        case "json": try json.end()
        case "ics": try output.write(ics.end())
        default: if lastDay == nil { try output.line("No appointments.") }
        }
    }

    /// A day header per day, then `09:00–09:30  pending     ana   * Zoë Ölander · Pricing call`.
    mutating func table(_ entry: CalendarEntry) throws {
        let day = zone.day(of: entry.start)
        if day != lastDay {
            let d = CalendarZone.date(ofDay: day)
            let header = "\(CalendarZone.format(day: day)) \(CalendarZone.weekdayNames[CalendarZone.weekday(ofDay: day)])"
                + " \(d.day) \(CalendarZone.monthNames[d.month - 1]) (\(zone.abbreviation(at: entry.start)))"
            try output.line((lastDay == nil ? "" : "\n") + header)
            lastDay = day
        }
        let status = Self.statusName(entry.appointment.status)
        let mark = entry.sync == .rejected ? "!" : entry.sync == .pending ? "*" : " "
        let clash = entry.collides ? " (overlaps)" : ""
        let line = "  \(zone.time(entry.start))–\(zone.time(entry.end))  \(Self.pad(status, 11)) \(Self.pad(TextSanitizer.line(entry.owner), 8)) "
            + "\(mark) \(TextSanitizer.line(entry.leadName)) · \(TextSanitizer.line(entry.appointment.note))\(clash)"
        try output.line(line)
    }

    /// "fulfilled" for the vendor's "fullfilled".
    static func statusName(_ status: AppointmentStatus) -> String { status == .fullfilled ? "fulfilled" : status.rawValue }

    static func pad(_ text: String, _ width: Int) -> String {
        let used = DisplayWidth.of(text)
        return used >= width ? text : text + String(repeating: " ", count: width - used)
    }

    /// `{id, lead_id, lead_name, start, end, note, status, owner, sync}` with ISO 8601 UTC times.
    static func json(_ entry: CalendarEntry) -> String {
        let a = entry.appointment
        let sync: String = switch entry.sync {
        case .none: "synced"
        case .pending: "pending"
        case .rejected: "rejected"
        case .conflict: "conflict"
        case .deletedRemotely: "deleted_remotely"
        }
        return "{\"id\":\(a.id),\"lead_id\":\(a.leadId),\"lead_name\":\(LeadCSVMetadata.jsonString(entry.leadName))"
            + ",\"start\":\"\(WireDate.formatTimestamp(entry.start))\",\"end\":\"\(WireDate.formatTimestamp(entry.end))\""
            + ",\"note\":\(LeadCSVMetadata.jsonString(a.note)),\"status\":\"\(a.status.rawValue)\""
            + ",\"owner\":\(LeadCSVMetadata.jsonString(entry.owner)),\"sync\":\"\(sync)\""
            + ",\"collides\":\(entry.collides)}"
    }

    /// One VEVENT: UID from the local id (stable across exports of this database), SUMMARY lead
    /// and note, DESCRIPTION e-mail and phone, STATUS pending/rescheduled → TENTATIVE,
    /// confirmed/fullfilled → CONFIRMED, cancelled → CANCELLED; the exact status as X-CLOSER-STATUS.
    static func event(_ entry: CalendarEntry) -> ICalendarWriter.Event {
        let a = entry.appointment
        let status: String = switch a.status {
        case .pending, .rescheduled: "TENTATIVE"
        case .confirmed, .fullfilled: "CONFIRMED"
        case .cancelled: "CANCELLED"
        }
        var description: [String] = []
        if !entry.leadEmail.isEmpty { description.append("E-mail: " + entry.leadEmail) }
        if !entry.leadPhone.isEmpty { description.append("Phone: " + entry.leadPhone) }
        description.append("Owner: " + entry.owner)
        return ICalendarWriter.Event(
            uid: "closer-appointment-\(a.id)@closer", start: entry.start, end: entry.end,
            summary: a.note.isEmpty ? entry.leadName : "\(entry.leadName) — \(a.note)",
            description: description.joined(separator: "\n"), status: status,
            extra: [("X-CLOSER-STATUS", a.status.rawValue), ("X-CLOSER-LEAD-ID", String(a.leadId))])
    }
}
