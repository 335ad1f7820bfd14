/// RFC 5545 iCalendar text (what khal, calcurse and Google Calendar import): CRLF line ends,
/// lines folded at 75 octets on UTF-8 boundaries, TEXT values escaped (`\` `;` `,` newline) and
/// sanitised (no control characters or escape sequences reach a calendar).
public struct ICalendarWriter: Sendable {
    /// One event.
    public struct Event: Sendable, Equatable {
        public var uid: String
        /// Unix seconds (written in UTC, `…Z`).
        public var start: Int64
        public var end: Int64
        public var summary: String
        public var description: String
        /// TENTATIVE, CONFIRMED or CANCELLED.
        public var status: String
        /// Extra `X-` properties (name → text), written in order.
        public var extra: [(String, String)]

        /// An event.
        public init(uid: String, start: Int64, end: Int64, summary: String, description: String, status: String,
                    extra: [(String, String)] = []) {
            self.uid = uid
            self.start = start
            self.end = end
            self.summary = summary
            self.description = description
            self.status = status
            self.extra = extra
        }

        public static func == (lhs: Event, rhs: Event) -> Bool {
            lhs.uid == rhs.uid && lhs.start == rhs.start && lhs.end == rhs.end && lhs.summary == rhs.summary
                && lhs.description == rhs.description && lhs.status == rhs.status
                && lhs.extra.map(\.0) == rhs.extra.map(\.0) && lhs.extra.map(\.1) == rhs.extra.map(\.1)
        }
    }

    /// The product id (`PRODID`).
    public let productId: String
    /// When the file was made (`DTSTAMP` of every event), Unix seconds.
    public let stamp: Int64

    /// A writer stamping events with `stamp`.
    public init(productId: String = "-//Closer//Closer agenda//EN", stamp: Int64) {
        self.productId = productId
        self.stamp = stamp
    }

    /// The calendar header lines.
    public func begin() -> String {
        Self.line("BEGIN:VCALENDAR") + Self.line("VERSION:2.0") + Self.line("PRODID:" + Self.escape(productId))
            + Self.line("CALSCALE:GREGORIAN") + Self.line("METHOD:PUBLISH")
    }

    /// One VEVENT.
    public func event(_ event: Event) -> String {
        var text = Self.line("BEGIN:VEVENT")
        text += Self.line("UID:" + Self.escape(event.uid))
        text += Self.line("DTSTAMP:" + Self.utc(stamp))
        text += Self.line("DTSTART:" + Self.utc(event.start))
        text += Self.line("DTEND:" + Self.utc(max(event.end, event.start)))
        text += Self.line("SUMMARY:" + Self.escape(event.summary))
        if !event.description.isEmpty { text += Self.line("DESCRIPTION:" + Self.escape(event.description)) }
        text += Self.line("STATUS:" + event.status)
        for (name, value) in event.extra { text += Self.line(name + ":" + Self.escape(value)) }
        return text + Self.line("END:VEVENT")
    }

    /// The calendar footer.
    public func end() -> String { Self.line("END:VCALENDAR") }

    /// `20261224T093000Z`.
    public static func utc(_ seconds: Int64) -> String {
        let c = WireDate.components(seconds)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return pad(c.year, 4) + pad(c.month, 2) + pad(c.day, 2) + "T" + pad(c.hour, 2) + pad(c.minute, 2) + pad(c.second, 2) + "Z"
    }

    /// A TEXT value: sanitised (controls and escape sequences removed, newlines kept), then
    /// `\` → `\\`, `;` → `\;`, `,` → `\,`, newline → `\n`.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in TextSanitizer.multiline(text) {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// One content line folded at 75 octets (continuations start with a space), ended by CRLF.
    /// Folds fall between Unicode scalars, never inside a UTF-8 sequence.
    public static func line(_ content: String) -> String {
        var result = ""
        var current = ""
        var octets = 0
        var limit = 75
        for scalar in content.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > limit {
                result += current + "\r\n "
                current = ""
                octets = 0
                limit = 74  // the leading space counts
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        return result + current + "\r\n"
    }
}
