import Core
import ViewModels

/// The new-lead / edit-lead form as a `PaneForm` of the Leads pane: the screen draws and edits,
/// saving goes through the list (create) or the detail view model (edit, fix).
@MainActor
public final class LeadFormOverlay: PaneForm {
    /// The drawn form and its model.
    public private(set) var screen: LeadFormScreen
    unowned let pane: LeadsPane
    /// The focused field's choice list, while open (`pick-choice`).
    public private(set) var picker: PromptDialog?

    init(pane: LeadsPane, model: LeadFormViewModel) {
        self.pane = pane
        screen = LeadFormScreen(model: model)
    }

    /// Moves the focus by `delta` fields.
    public func moveFocus(_ delta: Int) { screen.moveFocus(delta) }
    /// Pasted text into the focused field (ignored while the list is open).
    public func paste(_ text: String) { if picker == nil { screen.paste(text) } }

    /// True while the field's choice list is open.
    public var capturesKeys: Bool { picker != nil }

    /// "choices" when the focused field has a list.
    public var extraHints: [FooterHint] { screen.focusedChoices.isEmpty ? [] : [FooterHint(.pickChoice, "choices")] }

    /// Runs a list or detail action; `.notHandled` for what the pane does not do.
    public func perform(_ action: Action) -> Bool {
        guard action == .pickChoice else { return false }
        let choices = screen.focusedChoices
        guard !choices.isEmpty else { pane.host.inform("This field takes any text", error: true); return true }
        let labels = choices.map { $0.isEmpty ? "(none)" : $0 }
        let title = (screen.focusedLeadField?.title ?? "Value")
        picker = PromptDialog(title: title, mode: .choice(options: labels, selected: choices.firstIndex(of: screen.focusedText) ?? 0))
        return true
    }

    /// Keys for the choice list while it is open, else editing keys for the field.
    public func handle(_ key: Key) -> Bool {
        guard var open = picker else { return screen.handle(key) }
        switch key {
        case .enter:
            let choices = screen.focusedChoices
            if case .choice(_, let selected) = open.mode, choices.indices.contains(selected) { screen.setFocusedText(choices[selected]) }
            picker = nil
        case .escape, .ctrl("g"), .ctrl("c"):
            picker = nil
        default:
            guard open.handle(key) else { return false }
            picker = open
        }
        return true
    }

    /// Draws the form (over the detail half when split) and its open choice list.
    public func draw(in rect: Rect, canvas: Canvas, theme: Theme) -> Position? {
        let area = pane.formRect(in: rect)
        let cursor = screen.draw(in: area, canvas: canvas, theme: theme)
        guard var open = picker else { return cursor }
        open.draw(in: area, canvas: canvas, theme: theme)
        picker = open
        return nil
    }

    /// Closed without saving: says so.
    public func cancel() { pane.host.inform("Not saved") }

    /// Validates and saves through the list (new lead) or the detail (edit, fix).
    public func save() -> Bool {
        if screen.model.mode == .create {
            var model = screen.model
            let outcome = model.save()
            screen.replaceModel(model)
            if case .saved(let lead) = outcome {
                pane.afterLocalEdit()
                pane.list.select(leadId: lead.id)
                pane.openDetailForSelection(request: false)
                pane.host.inform("Lead created")
                return true
            }
            screen.showValidation()
            if let message = model.message { pane.host.post(message) }
            return false
        }
        guard var current = pane.detail else { return true }
        current.form = screen.model
        let outcome = current.saveForm()
        pane.detail = current
        pane.flush()
        if case .saved = outcome {
            pane.afterLocalEdit()
            return true
        }
        if let model = current.form { screen.replaceModel(model) }
        screen.showValidation()
        return false
    }
}
