import Store

/// A place in a conversation timeline, for screens that do not import Store (see `Store.TimelineCursor`).
public typealias ConversationPosition = TimelineCursor
