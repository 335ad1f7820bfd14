import Core
import Foundation
import ViewModels

/// The Conversation tab (3, `:conversation`): the timeline of the lead selected in the Leads pane
/// and answering from it. Key context `conversation`.
@MainActor
public final class ConversationPane: Pane {
    /// The registry entry.
    public static let descriptor = PaneDescriptor(id: .conversation, tabTitle: "Conversation", number: 3,
                                                  keyContext: .conversation, openAction: .openConversation) {
        ConversationPane(environment: $0)
    }

    let session: AppSession
    unowned let host: any PaneHost
    /// The open conversation (nil: no lead selected).
    public internal(set) var model: ConversationViewModel?
    var screen: ConversationScreen
    var body: Rect

    /// A pane over the host's selected lead.
    public init(environment: PaneEnvironment) {
        session = environment.session
        host = environment.host
        body = environment.body
        screen = ConversationScreen(asciiOnly: ChannelGlyphs.prefersASCII(environment.host.environment))
        screen.showsTitle = false  // the app's title bar shows `title`
        screen.showsHints = false  // and its status bar the footer hints
        followSelection()
    }

    public var id: PaneID { .conversation }
    public var keyContext: KeyContext { .conversation }

    public var title: String {
        guard let model else { return "Conversation · no lead selected (1 picks one)" }
        let channel = ConversationChannel.of(via: model.replyChannel, kind: .message).label
        return "Conversation · \(model.title) · \(channel) · \(model.window.text)" + (model.hasOlder ? " · more above" : "")
    }

    public var footerHints: [FooterHint] {
        [FooterHint(.reply, "reply"), FooterHint(.sendTemplate, "template"), FooterHint(.sendEmail, "e-mail"),
         FooterHint(.sendFile, "file"), FooterHint(.toggleFold, "unfold"), FooterHint(.retrySend, "retry"),
         FooterHint(.discardSend, "discard"), FooterHint(.back, "back")]
    }

    public func draw(on canvas: Canvas, in rect: Rect, theme: Theme, focused: Bool) {
        guard let model else {
            canvas.fill(rect, style: theme.style("normal"))
            canvas.put("No lead selected: pick one in the Leads tab (1), then press 3.",
                       at: Position(row: rect.row + 1, column: rect.column + 2), style: theme.style("dim"),
                       maxColumns: rect.width - 2)
            return
        }
        screen.draw(model, in: rect, canvas: canvas, theme: theme, focused: focused)
    }

    public func resize(to body: Rect) { self.body = body }

    public func reload() {
        model?.reload()
        post()
    }

    public func didBecomeActive() { followSelection() }

    /// Opens the selected lead's conversation, or re-reads the one shown.
    func followSelection() {
        guard let leadId = host.selectedLeadId else { model = nil; return }
        if model?.leadId == leadId { model?.reload() } else {
            model = session.conversation(leadId: leadId)
            host.requestDetail(leadId: leadId)  // the worker links the lead to its prospect and pulls its interactions
        }
        host.didEditLocally()  // opening marked it read: the status bar's unread count is re-read
        post()
    }

    /// Moves a view model message to the status bar.
    func post() {
        guard let message = model?.message else { return }
        host.post(message)
        model?.clearMessage()
    }
}
