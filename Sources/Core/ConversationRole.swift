/// Which remote a conversation entry belongs to, by what it does (the `provider` label of
/// `ConversationEvent`): the messaging remote (conversation, sends, transfer, archive) or the
/// follow-up e-mail remote. The sync worker serves each role with whichever configured provider
/// declares the capability. The raw values are the labels stored since the pane began (they name
/// the vendors that first filled each role), kept so existing files read the same.
public enum ConversationRole: String, Sendable, CaseIterable {
    /// Messages, calls and visits of the conversation remote, and Closer's sends to it.
    case messaging = "zenvia"
    /// Follow-up e-mails.
    case followUp = "cleverapp"
}
