import Core
import Foundation
import ViewModels

/// The edit-lead / new-lead form: a `FormView` kept in step with a `LeadFormViewModel`, which
/// validates every field with seed 001's rules as you type and puts the messages at the field.
/// Its keys are in the status bar (from the `form` context of the keymap in use).
public struct LeadFormScreen: Sendable {
    /// The form's state and rules.
    public private(set) var model: LeadFormViewModel
    /// The drawn widget.
    public private(set) var view: FormView

    /// A screen over `model`.
    public init(model: LeadFormViewModel) {
        self.model = model
        view = FormView(title: model.title, fields: model.fields.map { field in
            FormView.Field(id: field.field.rawValue, label: field.title + (field.isRequired ? " *" : ""), text: field.value)
        })
        view.focus(id: model.focusedField.field.rawValue)
        syncErrors()
    }

    /// Replaces the model (after the detail view model saved or refused it) and shows its messages.
    public mutating func replaceModel(_ newModel: LeadFormViewModel) {
        model = newModel
        syncErrors()
    }

    /// The choices of the focused field (status, source, owner), empty for free text.
    public var focusedChoices: [String] {
        guard let field = focusedLeadField, let item = model.formField(field) else { return [] }
        return item.choices
    }

    /// The focused field's text.
    public var focusedText: String { view.fields.indices.contains(view.focus) ? view.fields[view.focus].state.text : "" }

    /// Replaces the focused field's text (a choice picked from its list).
    public mutating func setFocusedText(_ text: String) {
        guard view.fields.indices.contains(view.focus) else { return }
        let limit = view.fields[view.focus].state.maxLength
        view.fields[view.focus].state = TextFieldState(text: text, maxLength: limit)
        view.fields[view.focus].state.moveEnd()
        copyFocusedText()
    }

    /// Tab completion: a choice field whose text starts exactly one choice (ignoring case) gets it.
    public mutating func completeFocusedChoice() {
        let typed = focusedText.trimmingCharacters(in: .whitespaces).lowercased()
        guard !typed.isEmpty else { return }
        let choices = focusedChoices.filter { !$0.isEmpty }
        guard !choices.contains(focusedText) else { return }
        let matches = choices.filter { $0.lowercased().hasPrefix(typed) }
        if matches.count == 1 { setFocusedText(matches[0]) }
    }

    /// Moves the focus by `delta` fields (completing a unique choice prefix first).
    public mutating func moveFocus(_ delta: Int) {
        completeFocusedChoice()
        view.moveFocus(delta)
        if let field = focusedLeadField { model.focus(field) }
    }

    /// The lead field with the focus.
    public var focusedLeadField: LeadField? {
        view.fields.indices.contains(view.focus) ? LeadField(rawValue: view.fields[view.focus].id) : nil
    }

    /// Gives an editing key to the focused field; returns whether it was used.
    public mutating func handle(_ key: Key) -> Bool {
        guard view.handle(key) else { return false }
        copyFocusedText()
        return true
    }

    /// Inserts pasted text into the focused field.
    public mutating func paste(_ text: String) {
        view.paste(text)
        copyFocusedText()
    }

    /// Validates all fields (after a failed save) and shows the messages.
    public mutating func showValidation() {
        model.validate()
        syncErrors()
        view.focus(id: model.focusedField.field.rawValue)
    }

    private mutating func copyFocusedText() {
        guard let field = focusedLeadField else { return }
        model.setValue(view.fields[view.focus].state.text, for: field)
        syncErrors()
    }

    private mutating func syncErrors() {
        for index in view.fields.indices {
            guard let field = LeadField(rawValue: view.fields[index].id), let item = model.formField(field) else { continue }
            let messages = item.allMessages
            view.fields[index].error = messages.isEmpty ? nil : messages.joined(separator: " ")
        }
    }

    /// Draws the form into `rect` and returns the cursor position.
    @discardableResult
    public mutating func draw(in rect: Rect, canvas: Canvas, theme: Theme) -> Position? {
        var cursor = view.draw(in: rect, canvas: canvas, theme: theme)
        if let field = focusedLeadField, let item = model.formField(field), !item.choices.isEmpty, rect.height > 2 {
            let hint = "choices (a prefix and Tab completes): " + item.choices.filter { !$0.isEmpty }.joined(separator: " ")
            canvas.putPadded(hint, at: Position(row: rect.bottom - 1, column: rect.column + 2), width: max(0, rect.width - 4),
                             style: theme.style("dim"))
            if let c = cursor, c.row == rect.bottom - 1 { cursor = nil }
        }
        return cursor
    }
}
