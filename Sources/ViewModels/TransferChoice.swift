import Store

/// A group or agent the prospect can be transferred to: the store's cached transfer target (its
/// `name` and `id` are sanitised by `ConversationViewModel.transferChoices`).
public typealias TransferChoice = Store.CachedTransferTarget
