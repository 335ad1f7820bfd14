import Core
import Foundation
import Store

/// The `:` command line: parses and runs `:status`, `:filter`, `:sort`, `:view`, `:search`,
/// `:sync`, `:theme`, `:keymap`, `:quit`, `:note` and any action name, and completes words.
/// It cannot import the UI's action table, so the executable passes the action names in.
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
    /// The latest error (or nil after a successful command).
    public internal(set) var message: StatusMessage?
    /// The clock for message expiry.
    public var now: @Sendable () -> Date

    /// The command words besides action names.
    public static let commandWords = ["filter", "keymap", "note", "push", "q", "quit", "search", "sort", "status", "sync", "theme", "view"]
    /// The words `:filter` accepts on their own.
    public static let filterFlags = ["clear", "conflict", "pending", "rejected", "unread"]

    /// A command line over `store`; reads users and saved views once (`refresh()` re-reads them).
    public init(store: LeadStore, actionNames: [String], themeNames: [String] = [], keymapNames: [String] = [],
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.actionNames = actionNames
        self.themeNames = themeNames
        self.keymapNames = keymapNames
        self.now = now
        refresh()
    }

    /// Re-reads users and saved view names (call when the `:` line opens).
    public mutating func refresh() {
        owners = ((try? store.users()) ?? []).map(\.username)
        viewNames = ((try? store.savedViews()) ?? []).map(\.name)
    }

    /// Parses and runs `line` (without the `:`) against the list. `:status` works on the list's marked
    /// or selected leads (the UI reloads an open detail afterwards).
    public mutating func execute(_ line: String, list: inout LeadListViewModel) -> CommandOutcome {
        let parsed: ParsedCommand
        switch parse(line) {
        case .success(let value): parsed = value
        case .failure(let error): return fail(error.message)
        }
        let before = list.message
        switch parsed {
        case .setStatus(let value):
            guard let status = LeadStatus(rawValue: value) else { return fail("status: \(VendorMessages.invalidChoice(value))") }
            list.setStatus(status)
        case .filter(let terms):
            var filter = LeadFilter(search: list.filter.search)
            filter.statuses = Set(terms.statuses.compactMap(LeadStatus.init(rawValue:)))
            filter.sources = Set(terms.sources.compactMap(LeadSource.init(rawValue:)))
            filter.owners = Set(terms.owners)
            filter.hasPending = terms.pending
            filter.rejectedOnly = terms.rejected
            filter.conflictOnly = terms.conflict
            filter.unreadOnly = terms.unread
            list.setFilter(filter)
        case .filterClear:
            list.clearFilters()
        case .sort(let key, let ascending):
            guard let sortKey = LeadSort.Key(rawValue: key) else { return fail("sort: \(VendorMessages.invalidChoice(key))") }
            list.setSort(LeadSort(sortKey, ascending: ascending ?? list.sort.ascending))
        case .viewSave(let name): list.viewSave(name)
        case .viewLoad(let name): list.viewLoad(name)
        case .viewDelete(let name): list.viewDelete(name)
        case .search(let text): list.search(text)
        case .push(let remote):
            guard list.push(to: remote) else { return fail(list.message?.text ?? "push: nothing queued") }
            message = nil
            return .command(.sync)  // send now
        case .command(let command):
            message = nil
            return .command(command)
        }
        if let after = list.message, after.level == .error, after != before { return fail(after.text) }
        message = nil
        refresh()
        return .handled
    }

    /// Parses `line` (without the `:`); nothing runs.
    public func parse(_ line: String) -> Result<ParsedCommand, CommandLineError> {
        let words = Self.tokens(line)
        guard let first = words.first else { return .failure(CommandLineError("type a command, e.g. :status contact")) }
        let rest = Array(words.dropFirst())
        switch first {
        case "status":
            guard rest.count == 1 else { return .failure(CommandLineError("usage: :status STATUS")) }
            guard LeadStatus(rawValue: rest[0]) != nil else {
                return .failure(CommandLineError("status: \(VendorMessages.invalidChoice(rest[0]))"))
            }
            return .success(.setStatus(rest[0]))
        case "filter": return parseFilter(rest)
        case "sort": return parseSort(rest)
        case "view": return parseView(rest)
        case "search": return .success(.search(rest.joined(separator: " ")))
        case "sync": return rest.isEmpty ? .success(.command(.sync)) : .failure(CommandLineError("usage: :sync"))
        case "quit", "q": return .success(.command(.quit))
        case "push":
            let destinations = (try? store.pushDestinations()) ?? []
            guard rest.count == 1 else {
                return .failure(CommandLineError("usage: :push REMOTE" + (destinations.isEmpty ? "" : " (" + destinations.joined(separator: ", ") + ")")))
            }
            guard destinations.contains(rest[0]) else {
                return .failure(CommandLineError(destinations.isEmpty ? "push: no remote takes pushed leads"
                    : "push: '\(TextSanitizerBridge.line(rest[0]))' is not a destination (" + destinations.joined(separator: ", ") + ")"))
            }
            return .success(.push(rest[0]))
        case "theme": return parseChoice(rest, word: "theme", names: themeNames).map { .command(.theme($0)) }
        case "keymap": return parseChoice(rest, word: "keymap", names: keymapNames).map { .command(.keymap($0)) }
        case "note":
            guard !rest.isEmpty else { return .failure(CommandLineError("usage: :note TEXT")) }
            return .success(.command(.runAction(name: "add-note", arguments: [rest.joined(separator: " ")])))
        default:
            if actionNames.contains(first) { return .success(.command(.runAction(name: first, arguments: rest))) }
            return .failure(CommandLineError("unknown command '\(TextSanitizerBridge.line(first))'"))
        }
    }

    /// Forgets the latest message (the app has shown it).
    public mutating func clearMessage() { message = nil }

    mutating func fail(_ text: String) -> CommandOutcome {
        message = .error(text, now: now())
        return .failed(text)
    }

    // MARK: - Parsing pieces

    public func parseFilter(_ rest: [String]) -> Result<ParsedCommand, CommandLineError> {
        let usage = "usage: :filter status=S source=S owner=U pending rejected conflict unread | :filter clear"
        guard !rest.isEmpty else { return .failure(CommandLineError(usage)) }
        if rest == ["clear"] { return .success(.filterClear) }
        var terms = FilterTerms()
        for word in rest {
            switch word {
            case "pending": terms.pending = true; continue
            case "rejected": terms.rejected = true; continue
            case "conflict": terms.conflict = true; continue
            case "unread": terms.unread = true; continue  // conversation pane
            default: break
            }
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else {
                return .failure(CommandLineError("filter: unknown term '\(TextSanitizerBridge.line(word))'; \(usage)"))
            }
            for value in parts[1].split(separator: ",").map(String.init) {
                switch parts[0] {
                case "status":
                    guard LeadStatus(rawValue: value) != nil else {
                        return .failure(CommandLineError("status: \(VendorMessages.invalidChoice(value))"))
                    }
                    terms.statuses.append(value)
                case "source":
                    guard LeadSource(rawValue: value) != nil else {
                        return .failure(CommandLineError("source: \(VendorMessages.invalidChoice(value))"))
                    }
                    terms.sources.append(value)
                case "owner":
                    guard owners.isEmpty || owners.contains(value) else {
                        return .failure(CommandLineError("owner: \(VendorMessages.assigneeNotFound)"))
                    }
                    terms.owners.append(value)
                default:
                    return .failure(CommandLineError("filter: unknown term '\(TextSanitizerBridge.line(parts[0]))'; \(usage)"))
                }
            }
        }
        return .success(.filter(terms))
    }

    public func parseSort(_ rest: [String]) -> Result<ParsedCommand, CommandLineError> {
        guard (1...2).contains(rest.count) else { return .failure(CommandLineError("usage: :sort name|created|updated|status [asc|desc]")) }
        guard LeadSort.Key(rawValue: rest[0]) != nil else {
            return .failure(CommandLineError("sort: \(VendorMessages.invalidChoice(TextSanitizerBridge.line(rest[0])))"))
        }
        guard rest.count == 2 else { return .success(.sort(key: rest[0], ascending: nil)) }
        switch rest[1] {
        case "asc": return .success(.sort(key: rest[0], ascending: true))
        case "desc": return .success(.sort(key: rest[0], ascending: false))
        default: return .failure(CommandLineError("sort: \(VendorMessages.invalidChoice(TextSanitizerBridge.line(rest[1])))"))
        }
    }

    func parseView(_ rest: [String]) -> Result<ParsedCommand, CommandLineError> {
        let usage = CommandLineError("usage: :view save|load|delete NAME")
        guard rest.count >= 2 else { return .failure(usage) }
        let name = rest.dropFirst().joined(separator: " ")
        switch rest[0] {
        case "save": return .success(.viewSave(name))
        case "load": return .success(.viewLoad(name))
        case "delete": return .success(.viewDelete(name))
        default: return .failure(usage)
        }
    }

    func parseChoice(_ rest: [String], word: String, names: [String]) -> Result<String, CommandLineError> {
        guard rest.count == 1 else { return .failure(CommandLineError("usage: :\(word) NAME")) }
        guard names.isEmpty || names.contains(rest[0]) else {
            return .failure(CommandLineError("\(word): \(VendorMessages.invalidChoice(TextSanitizerBridge.line(rest[0])))"))
        }
        return .success(rest[0])
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
