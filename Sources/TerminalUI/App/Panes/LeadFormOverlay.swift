import Core
import ViewModels

/// The new-lead / edit-lead form as a `PaneForm` of the Leads pane: the screen draws and edits,
/// saving goes through the list (create) or the detail view model (edit, fix).
@MainActor
public final class LeadFormOverlay: PaneForm {
    /// The drawn form and its model.
    public private(set) var screen: LeadFormScreen
    unowned let pane: LeadsPane

    init(pane: LeadsPane, model: LeadFormViewModel) {
        self.pane = pane
        screen = LeadFormScreen(model: model)
    }

    public func moveFocus(_ delta: Int) { screen.moveFocus(delta) }
    public func handle(_ key: Key) -> Bool { screen.handle(key) }
    public func paste(_ text: String) { screen.paste(text) }

    public func draw(in rect: Rect, canvas: Canvas, theme: Theme) -> Position? {
        screen.draw(in: pane.formRect(in: rect), canvas: canvas, theme: theme)
    }

    public func cancel() { pane.host.inform("Not saved") }

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
