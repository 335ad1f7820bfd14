import Core
import Foundation
import Store

/// What the `:` command line knows to complete its words: command words, action names, statuses,
/// sources, owners, sort keys, saved views, themes and keymaps. The UI runs a line through its
/// action table (the first word is an action or an alias of one); this model never runs it.
/// It cannot import the UI's action table, so the UI passes the action names in.
public struct CommandLineViewModel: Sendable {
    let store: LeadStore
    /// Every action name (`ActionTable.standard.names`), accepted as a command.
    public var actionNames: [String]
    /// Theme names for `:theme` (validation is skipped when empty).
    public var themeNames: [String]
    /// Keymap names for `:keymap` (validation is skipped when empty).
    public var keymapNames: [String]
    /// Usernames (from the Store's users) for `owner=` and `assign`; refreshed by `refresh()`.
    public internal(set) var owners: [String] = []
    /// Saved view names; refreshed by `refresh()`.
    public internal(set) var viewNames: [String] = []
    /// The command words besides action names.
    public static let commandWords = ["filter", "keymap", "note", "push", "q", "quit", "search", "sort", "status", "sync", "theme", "view"]
    /// The words `:filter` accepts on their own.
    public static let filterFlags = ["clear", "conflict", "pending", "rejected", "unread"]

    /// A command line over `store`; reads users and saved views once (`refresh()` re-reads them).
    public init(store: LeadStore, actionNames: [String], themeNames: [String] = [], keymapNames: [String] = []) {
        self.store = store
        self.actionNames = actionNames
        self.themeNames = themeNames
        self.keymapNames = keymapNames
        refresh()
    }

    /// Re-reads users and saved view names (call when the `:` line opens).
    public mutating func refresh() {
        owners = ((try? store.users()) ?? []).map(\.username)
        viewNames = ((try? store.savedViews()) ?? []).map(\.name)
    }

    /// Splits on spaces; "double quotes" group words (`:view load "my new leads"`).
    public static func tokens(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var started = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
                started = true
            } else if character.isWhitespace && !quoted {
                if started { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(character)
                started = true
            }
        }
        if started { words.append(current) }
        return words
    }
}
