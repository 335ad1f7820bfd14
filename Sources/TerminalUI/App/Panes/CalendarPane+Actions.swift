import Core
import Foundation
import ViewModels

/// The calendar pane's actions: views, days, weeks, filters, editing, opening the lead.
extension CalendarPane {
    public func perform(_ action: Action, argument: String) -> PaneOutcome {
        defer { flush() }
        switch action {
        case .back, .cancel: return .notHandled
        case .cursorDown: calendar.moveDown(1)
        case .cursorUp: calendar.moveDown(-1)
        case .pageDown, .halfPageDown: calendar.movePage(1)
        case .pageUp, .halfPageUp: calendar.movePage(-1)
        case .cursorTop: calendar.view == .month ? calendar.moveDown(-5) : calendar.moveHour(-24)
        case .cursorBottom: calendar.view == .month ? calendar.moveDown(5) : calendar.moveHour(24)
        case .scrollDown: calendar.moveHour(1)
        case .scrollUp: calendar.moveHour(-1)
        case .calendarNextView: calendar.cycleView()
        case .nextDay: calendar.moveDay(1)
        case .previousDay: calendar.moveDay(-1)
        case .nextPeriod: calendar.movePage(1)
        case .previousPeriod: calendar.movePage(-1)
        case .goToday: calendar.goToday()
        case .goToDate:
            if !argument.isEmpty { calendar.jump(toDate: argument); return .handled }
            host.prompt(PromptRequest(purpose: "go-to-date", title: "Go to date (yyyy-mm-dd)", mode: .input(TextFieldState(maxLength: 10))) {
                [unowned self] answer in
                calendar.jump(toDate: answer)
                flush()
                return nil
            })
        case .openDetail:
            if let lead = calendar.leadToOpen() { host.openLead(id: lead) }
            else if calendar.view == .month { calendar.setView(.day) }
            else { host.inform("No appointment here") }
        case .newAppointment:
            calendar.newAppointment()
            openForm()
        case .editAppointment:
            calendar.editSelected()
            openForm()
        case .fixRejected:
            calendar.fixSelected()
            openForm()
        case .discardRejected:
            guard let rejection = calendar.selectedRejection else { host.inform("No rejected change to discard here", error: true); return .handled }
            host.confirm("Discard: \(rejection.summary)? (y/n)") { [unowned self] yes in
                guard yes else { return }
                calendar.discardSelected()
                host.didEditLocally()
                flush()
            }
        case .setStatus:
            let options = AppointmentStatus.allCases.map(CalendarViewModel.statusTitle)
            let current = calendar.selectedEntry.map { CalendarViewModel.statusTitle($0.appointment.status) }
            choose(argument, "set-status", "Appointment status", options, selected: current.flatMap(options.firstIndex(of:)) ?? 0) {
                [unowned self] value in
                let name = value == "fulfilled" ? "fullfilled" : value
                guard let status = AppointmentStatus(rawValue: name) else {
                    return host.inform(VendorMessages.invalidAppointmentStatus, error: true)
                }
                calendar.setStatusOfSelected(status)
                host.didEditLocally()
            }
        case .delete:
            calendar.requestDelete()
            guard let question = calendar.deletePrompt else { return .handled }
            host.confirm(question) { [unowned self] yes in
                if yes { calendar.confirmDelete(); host.didEditLocally() } else { calendar.cancelDelete() }
                flush()
            }
        case .filterOwner:
            choose(argument, "filter-owner", "Show whose appointments", ["mine", "all"] + session.usernames()) { [unowned self] in
                calendar.setOwner(named: $0)
            }
        case .filterStatus:
            choose(argument, "filter-status", "Show appointments with status", ["all"] + AppointmentStatus.allCases.map(CalendarViewModel.statusTitle)) {
                [unowned self] in calendar.setStatuses(named: $0)
            }
        default:
            return .notHandled
        }
        return .handled
    }

    /// Opens the view model's form (if it made one) as the app's form overlay.
    func openForm() {
        guard let model = calendar.form else { return }
        host.openForm(AppointmentFormOverlay(model: model, onSave: { [unowned self] edited in
            calendar.replaceForm(edited)
            if calendar.saveForm() {
                host.didEditLocally()
                flush()
                return nil
            }
            flush()
            return calendar.form
        }, onCancel: { [unowned self] in
            calendar.cancelForm()
            host.inform("Not saved")
        }))
    }

    /// A choice prompt (or the `:` argument directly).
    func choose(_ argument: String, _ purpose: String, _ title: String, _ options: [String], selected: Int = 0,
                _ apply: @escaping @MainActor (String) -> Void) {
        let run: @MainActor (String) -> String? = { [unowned self] answer in
            let value = answer.trimmingCharacters(in: .whitespaces)
            if !value.isEmpty { apply(value) }
            flush()
            return nil
        }
        if !argument.isEmpty { _ = run(argument); return }
        host.prompt(PromptRequest(purpose: purpose, title: title, mode: .choice(options: options, selected: selected), onSubmit: run))
    }
}
