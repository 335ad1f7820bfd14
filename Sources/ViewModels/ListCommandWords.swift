import Core
import Foundation
import Store

/// The words of `filter TERM...` and `sort KEY [asc|desc]`, parsed by one set of rules for the key,
/// the action and the `:` line (which runs the action with the words as arguments).
public enum ListCommandWords {
    /// The usage line of `:filter`.
    public static let filterUsage = "usage: :filter status=S source=S owner=U pending rejected conflict unread | :filter clear"

    /// The terms of `filter`; `.success(nil)` for `clear`. `owners` validates `owner=` (empty skips it).
    public static func filter(_ words: [String], owners: [String]) -> Result<FilterTerms?, CommandLineError> {
        guard !words.isEmpty else { return .failure(CommandLineError(filterUsage)) }
        if words == ["clear"] { return .success(nil) }
        var terms = FilterTerms()
        for word in words {
            switch word {
            case "pending": terms.pending = true; continue
            case "rejected": terms.rejected = true; continue
            case "conflict": terms.conflict = true; continue
            case "unread": terms.unread = true; continue  // conversation pane
            default: break
            }
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else {
                return .failure(CommandLineError("filter: unknown term '\(TextSanitizerBridge.line(word))'; \(filterUsage)"))
            }
            for value in parts[1].split(separator: ",").map(String.init) {
                switch parts[0] {
                case "status":
                    guard LeadStatus(rawValue: value) != nil else {
                        return .failure(CommandLineError("status: \(VendorMessages.invalidChoice(TextSanitizerBridge.line(value)))"))
                    }
                    terms.statuses.append(value)
                case "source":
                    guard LeadSource(rawValue: value) != nil else {
                        return .failure(CommandLineError("source: \(VendorMessages.invalidChoice(TextSanitizerBridge.line(value)))"))
                    }
                    terms.sources.append(value)
                case "owner":
                    guard owners.isEmpty || owners.contains(value) else {
                        return .failure(CommandLineError("owner: \(VendorMessages.assigneeNotFound)"))
                    }
                    terms.owners.append(value)
                default:
                    return .failure(CommandLineError("filter: unknown term '\(TextSanitizerBridge.line(parts[0]))'; \(filterUsage)"))
                }
            }
        }
        return .success(terms)
    }

    /// The order `sort KEY [asc|desc]` asks for; a nil direction keeps the current one.
    public static func sort(_ words: [String]) -> Result<SortWords, CommandLineError> {
        guard (1...2).contains(words.count) else { return .failure(CommandLineError("usage: :sort name|created|updated|status [asc|desc]")) }
        guard let key = LeadSort.Key(rawValue: words[0]) else {
            return .failure(CommandLineError("sort: \(VendorMessages.invalidChoice(TextSanitizerBridge.line(words[0])))"))
        }
        guard words.count == 2 else { return .success(SortWords(key: key, ascending: nil)) }
        switch words[1] {
        case "asc": return .success(SortWords(key: key, ascending: true))
        case "desc": return .success(SortWords(key: key, ascending: false))
        default: return .failure(CommandLineError("sort: \(VendorMessages.invalidChoice(TextSanitizerBridge.line(words[1])))"))
        }
    }
}

/// A parsed `sort KEY [asc|desc]`.
public struct SortWords: Sendable, Equatable {
    /// The column.
    public let key: LeadSort.Key
    /// The direction, or nil to keep the current one.
    public let ascending: Bool?
}

extension FilterTerms {
    /// The list filter these terms describe, keeping `search`.
    func filter(keepingSearch search: String) -> LeadFilter {
        var filter = LeadFilter(search: search)
        filter.statuses = Set(statuses.compactMap(LeadStatus.init(rawValue:)))
        filter.sources = Set(sources.compactMap(LeadSource.init(rawValue:)))
        filter.owners = Set(owners)
        filter.hasPending = pending
        filter.rejectedOnly = rejected
        filter.conflictOnly = conflict
        filter.unreadOnly = unread
        return filter
    }
}
