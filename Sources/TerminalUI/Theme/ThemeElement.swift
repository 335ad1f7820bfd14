import Core

/// The named parts of the screen a theme colours. Names are dotted paths; an element that the
/// theme does not define takes its parent's style (`list.selected` → `list` → `normal`).
public enum ThemeElement {
    /// The root every element inherits from.
    public static let root = "normal"

    /// Every element a theme file may name, parents before children.
    public static let all: [String] = {
        var names = [
            root, "title", "title.position", "border", "dim", "tabs", "tabs.active",
            "list", "list.header", "list.selected", "list.marked", "list.match", "list.secondary",
            "status",
        ]
        names += LeadStatus.allCases.map { "status." + $0.rawValue }
        names += [
            "sync", "sync.pending", "sync.rejected", "sync.conflict",
            "detail", "detail.heading", "detail.label", "detail.value", "detail.error", "detail.conflict",
            "form", "form.label", "form.input", "form.focused", "form.error",
            "statusbar", "statusbar.error", "statusbar.message", "statusbar.pending", "statusbar.sync",
            "prompt", "prompt.input", "prompt.selected",
            "dialog", "dialog.title",
            "help", "help.heading", "help.key", "help.selected",
            "command", "command.completion", "command.selected",
        ]
        // calendar
        names += ["calendar", "calendar.header", "calendar.today", "calendar.now", "calendar.weekend",
                  "calendar.selected", "calendar.collision"]
        names += AppointmentStatus.allCases.map { "calendar." + $0.rawValue }
        return names
    }()

    /// Elements that mark focus; without colour (`NO_COLOR`, mono) they are shown in reverse.
    public static let focusElements: Set<String> = [
        "list.selected", "tabs.active", "form.focused", "prompt.selected", "help.selected", "command.selected", "statusbar",
        "calendar.selected",
    ]

    /// The parent of `element` (`nil` for the root).
    public static func parent(of element: String) -> String? {
        if element == root { return nil }
        guard let dot = element.lastIndex(of: ".") else { return root }
        return String(element[..<dot])
    }

    /// The element for a lead status, e.g. `status.prospect`.
    public static func status(_ status: LeadStatus) -> String { "status." + status.rawValue }

    /// The element for an appointment status, e.g. `calendar.pending`.
    public static func appointment(_ status: AppointmentStatus) -> String { "calendar." + status.rawValue }
}
