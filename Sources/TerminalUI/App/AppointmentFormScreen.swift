import Core
import ViewModels

/// The new / edit appointment form: a `FormView` over an `AppointmentFormViewModel` (start, end
/// in local `yyyy-mm-dd hh:mm`, note, status), the vendor's messages under their fields.
public struct AppointmentFormScreen: Sendable {
    /// The form's state and rules.
    public private(set) var model: AppointmentFormViewModel
    /// The drawn widget.
    public private(set) var view: FormView

    /// A screen over `model`.
    public init(model: AppointmentFormViewModel) {
        self.model = model
        let zone = model.zone.abbreviation(at: Int64(model.now().timeIntervalSince1970))
        view = FormView(title: model.title + "  (Tab next · Ctrl-S save · Esc cancel)", fields: [
            FormView.Field(id: AppointmentFormViewModel.Field.start.rawValue, label: "Start (\(zone))",
                           text: model.values[.start] ?? "", maxLength: 16),
            FormView.Field(id: AppointmentFormViewModel.Field.end.rawValue, label: "End (\(zone))",
                           text: model.values[.end] ?? "", maxLength: 16),
            FormView.Field(id: AppointmentFormViewModel.Field.note.rawValue, label: "Note",
                           text: model.values[.note] ?? "", maxLength: 400),
            FormView.Field(id: AppointmentFormViewModel.Field.status.rawValue, label: "Status",
                           text: model.values[.status] ?? "", maxLength: 20),
        ])
        syncErrors()
    }

    /// Replaces the model (after a refused save) and shows its messages.
    public mutating func replaceModel(_ newModel: AppointmentFormViewModel) {
        model = newModel
        syncErrors()
    }

    /// Moves the focus by `delta` fields.
    public mutating func moveFocus(_ delta: Int) { view.moveFocus(delta) }

    /// Gives an editing key to the focused field; returns whether it was used.
    public mutating func handle(_ key: Key) -> Bool {
        guard view.handle(key) else { return false }
        copyTexts()
        return true
    }

    /// Inserts pasted text into the focused field.
    public mutating func paste(_ text: String) {
        view.paste(text)
        copyTexts()
    }

    /// The model with every field's current text.
    public mutating func currentModel() -> AppointmentFormViewModel {
        copyTexts()
        return model
    }

    private mutating func copyTexts() {
        for field in view.fields {
            if let key = AppointmentFormViewModel.Field(rawValue: field.id) { model.set(key, field.state.text) }
        }
    }

    private mutating func syncErrors() {
        var errors: [String: String] = [:]
        for (field, messages) in model.errors where !messages.isEmpty { errors[field.rawValue] = messages.joined(separator: " ") }
        view.setErrors(errors)
    }

    /// Draws the form into `rect` (with the status choices as a hint) and returns the cursor.
    @discardableResult
    public mutating func draw(in rect: Rect, canvas: Canvas, theme: Theme) -> Position? {
        var cursor = view.draw(in: rect, canvas: canvas, theme: theme)
        if rect.height > 2 {
            let hint = "status: " + AppointmentStatus.allCases.map(CalendarViewModel.statusTitle).joined(separator: " ")
                + " · times yyyy-mm-dd hh:mm"
            canvas.putPadded(hint, at: Position(row: rect.bottom - 1, column: rect.column + 2), width: max(0, rect.width - 4),
                             style: theme.style("dim"))
            if let c = cursor, c.row == rect.bottom - 1 { cursor = nil }
        }
        return cursor
    }
}

/// The appointment form as a `PaneForm`: `onSave` stores it (through the calendar or directly)
/// and returns the model back when a rule refused it.
@MainActor
public final class AppointmentFormOverlay: PaneForm {
    /// The drawn form.
    public private(set) var screen: AppointmentFormScreen
    let onSave: @MainActor (AppointmentFormViewModel) -> AppointmentFormViewModel?
    let onCancel: @MainActor () -> Void

    /// An overlay over `model`; `onSave` returns nil when saved, else the refused model.
    public init(model: AppointmentFormViewModel, onSave: @escaping @MainActor (AppointmentFormViewModel) -> AppointmentFormViewModel?,
                onCancel: @escaping @MainActor () -> Void) {
        screen = AppointmentFormScreen(model: model)
        self.onSave = onSave
        self.onCancel = onCancel
    }

    public func moveFocus(_ delta: Int) { screen.moveFocus(delta) }
    public func handle(_ key: Key) -> Bool { screen.handle(key) }
    public func paste(_ text: String) { screen.paste(text) }
    public func draw(in rect: Rect, canvas: Canvas, theme: Theme) -> Position? { screen.draw(in: rect, canvas: canvas, theme: theme) }
    public func cancel() { onCancel() }

    public func save() -> Bool {
        guard let refused = onSave(screen.currentModel()) else { return true }
        screen.replaceModel(refused)
        return false
    }
}
