/// Where a key binding applies. Keys are looked up in the focused pane's context first, then `global`.
public enum KeyContext: String, CaseIterable, Hashable, Sendable, Comparable {
    case global, leads, detail, form, help, prompt
    // Panes (the pane shell): one context per pane
    case calendar, conversation, dashboard

    /// Contexts in lookup order for a focused pane: the pane, then `global`.
    public var lookupChain: [KeyContext] { self == .global ? [.global] : [self, .global] }

    /// Orders contexts as declared (global first), for stable help and diagnostics.
    public static func < (lhs: KeyContext, rhs: KeyContext) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
