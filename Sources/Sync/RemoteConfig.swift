import Foundation

/// Which vendor API a remote speaks.
public enum RemoteKind: String, Sendable, CaseIterable, Equatable {
    /// seed 001, the primary backend.
    case leadsCRM = "leads-crm"
    case zenvia, cleverapp, closingdealz, chatbot

    /// Whether the kind needs an access token besides the API key (seed 001 sends both).
    public var needsToken: Bool { self == .leadsCRM }

    /// The short name the status bar uses ("cd" for ClosingDealz).
    public var shortName: String {
        switch self {
        case .leadsCRM: return "crm"
        case .closingdealz: return "cd"
        default: return rawValue
        }
    }
}

/// Whether new local leads are forwarded to a remote (`push = new-leads | none`).
public enum PushPolicy: String, Sendable, Equatable, CaseIterable {
    case newLeads = "new-leads"
    case none
}

/// Where a credential comes from: an inline value, a command's output (like a mail client's
/// password command), or an environment variable.
public enum CredentialSource: Sendable, Equatable {
    case inline(Secret)
    case command(String)
    case environment(String)
}

/// One `[remote "NAME"]` section of the config file.
public struct RemoteConfig: Sendable, Equatable {
    public var name: String
    public var kind: RemoteKind
    public var url: URL
    public var apiKey: CredentialSource?
    public var token: CredentialSource?
    /// The user the credentials belong to (optional; used as the default assignee of new leads).
    public var username: String?
    /// seed 003: the chatbot whose leads the remote adds to (required for `kind = chatbot`).
    public var chatbotId: String?
    /// `push =`; nil: the default (new leads go to a leads-crm remote, nowhere else).
    public var push: PushPolicy?

    /// A remote.
    public init(name: String, kind: RemoteKind, url: URL, apiKey: CredentialSource?, token: CredentialSource?,
                username: String? = nil, chatbotId: String? = nil, push: PushPolicy? = nil) {
        self.name = name
        self.kind = kind
        self.url = url
        self.apiKey = apiKey
        self.token = token
        self.username = username
        self.chatbotId = chatbotId
        self.push = push
    }

    /// Whether new local leads are forwarded here.
    public var forwardsNewLeads: Bool { (push ?? (kind == .leadsCRM ? .newLeads : PushPolicy.none)) == .newLeads }

    /// A remote from `CLOSER_REMOTE_URL`, `CLOSER_API_KEY`, `CLOSER_TOKEN` (and `CLOSER_USERNAME`,
    /// `CLOSER_REMOTE_KIND`), for scripts and tests; nil when the URL variable is unset.
    public static func fromEnvironment(_ environment: [String: String]) throws -> RemoteConfig? {
        guard let text = environment["CLOSER_REMOTE_URL"], !text.isEmpty else { return nil }
        guard let url = RemoteConfig.parseURL(text) else {
            throw SyncError.configuration("CLOSER_REMOTE_URL: not an http(s) URL")
        }
        let kindText = environment["CLOSER_REMOTE_KIND"] ?? RemoteKind.leadsCRM.rawValue
        guard let kind = RemoteKind(rawValue: kindText) else {
            throw SyncError.configuration("CLOSER_REMOTE_KIND: unknown kind \"\(kindText)\"")
        }
        return RemoteConfig(
            name: environment["CLOSER_REMOTE_NAME"] ?? "env", kind: kind, url: url,
            apiKey: .environment("CLOSER_API_KEY"), token: .environment("CLOSER_TOKEN"),
            username: environment["CLOSER_USERNAME"])
    }

    /// An http(s) URL with a host, or nil.
    static func parseURL(_ text: String) -> URL? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else { return nil }
        return url
    }
}

/// The remotes of a config file, validated.
public struct RemoteConfigFile: Sendable, Equatable {
    public var path: String
    public var remotes: [RemoteConfig]
    /// Whether any remote carries an inline `api_key` or `token`.
    public var holdsInlineSecrets: Bool

    /// Reads and validates `path`, refusing it when it holds inline secrets and is readable by group or others.
    public static func load(path: String) throws -> RemoteConfigFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SyncError.configuration("\(path): cannot read the config file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SyncError.configuration("\(path): not UTF-8 text")
        }
        let file = try RemoteConfigFile(text: text, path: path)
        if file.holdsInlineSecrets {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let mode = (attributes?[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
            if mode & 0o044 != 0 {
                throw SyncError.configuration(
                    "\(path): holds an api_key or token but is readable by group or others; run: chmod 600 \(path)")
            }
        }
        return file
    }

    /// Parses and validates the remotes in `text` (other sections are left to their owners).
    public init(text: String, path: String) throws {
        self.path = path
        let config = try ConfigFile(text: text, path: path)
        var remotes: [RemoteConfig] = []
        var inline = false
        for section in config.sections where section.name == "remote" {
            let remote = try RemoteConfigFile.remote(section, path: path, inlineSecrets: &inline)
            if remotes.contains(where: { $0.name == remote.name }) {
                throw SyncError.configuration("\(path):\(section.line): remote \"\(remote.name)\" is defined twice")
            }
            remotes.append(remote)
        }
        self.remotes = remotes
        holdsInlineSecrets = inline
    }

    /// The remote whose user is "the current user" (the TUI's "mine", import's default owner):
    /// the first lead CRM (the remote Closer pulls its leads from), else the first remote.
    public static func primary(of remotes: [RemoteConfig]) -> RemoteConfig? {
        remotes.first { $0.kind == .leadsCRM } ?? remotes.first
    }

    /// The named remote; without a name, the only remote, or the one named "crm".
    public func remote(named name: String?) throws -> RemoteConfig {
        if let name {
            guard let remote = remotes.first(where: { $0.name == name }) else {
                throw SyncError.configuration("\(path): no remote named \"\(name)\"")
            }
            return remote
        }
        if remotes.count == 1, let only = remotes.first { return only }
        if let crm = remotes.first(where: { $0.name == "crm" }) { return crm }
        if remotes.isEmpty { throw SyncError.configuration("\(path): no [remote \"NAME\"] section") }
        throw SyncError.configuration("\(path): several remotes; choose one with --remote NAME")
    }

    static func remote(_ section: ConfigFile.Section, path: String, inlineSecrets: inout Bool) throws -> RemoteConfig {
        func fail(_ line: Int, _ message: String) -> SyncError { .configuration("\(path):\(line): \(message)") }
        guard let name = section.subsection, !name.isEmpty else {
            throw fail(section.line, "a remote needs a name: [remote \"NAME\"]")
        }
        var kind: RemoteKind?
        var url: URL?
        var apiKey: CredentialSource?
        var token: CredentialSource?
        var username: String?
        var chatbotId: String?
        var push: PushPolicy?
        func setCredential(_ slot: inout CredentialSource?, _ source: CredentialSource, _ entry: ConfigFile.Entry) throws {
            if slot != nil { throw fail(entry.line, "\(entry.key): the credential is already given on an earlier line") }
            slot = source
        }
        for entry in section.entries {
            switch entry.key {
            case "kind":
                guard let value = RemoteKind(rawValue: entry.value) else {
                    let known = RemoteKind.allCases.map(\.rawValue).joined(separator: ", ")
                    throw fail(entry.line, "unknown kind \"\(entry.value)\" (known: \(known))")
                }
                kind = value
            case "url":
                guard let value = RemoteConfig.parseURL(entry.value) else {
                    throw fail(entry.line, "url must be an http:// or https:// URL with a host")
                }
                url = value
            case "api_key":
                inlineSecrets = true
                try setCredential(&apiKey, .inline(Secret(entry.value)), entry)
            case "token":
                inlineSecrets = true
                try setCredential(&token, .inline(Secret(entry.value)), entry)
            case "api_key_cmd": try setCredential(&apiKey, .command(entry.value), entry)
            case "token_cmd": try setCredential(&token, .command(entry.value), entry)
            case "api_key_env": try setCredential(&apiKey, .environment(entry.value), entry)
            case "token_env": try setCredential(&token, .environment(entry.value), entry)
            case "username": username = entry.value
            case "chatbot_id":
                guard !entry.value.isEmpty, !entry.value.contains("/") else { throw fail(entry.line, "chatbot_id must be a chatbot id (no '/')") }
                chatbotId = entry.value
            case "push":
                guard let value = PushPolicy(rawValue: entry.value) else {
                    throw fail(entry.line, "push must be new-leads or none, not \"\(entry.value)\"")
                }
                push = value
            default:
                throw fail(entry.line, "unknown key \"\(entry.key)\" in [remote \"\(name)\"]")
            }
        }
        guard let kind else { throw fail(section.line, "remote \"\(name)\" has no kind (e.g. kind = leads-crm)") }
        guard let url else { throw fail(section.line, "remote \"\(name)\" has no url") }
        if kind == .chatbot, chatbotId == nil {
            throw fail(section.line, "remote \"\(name)\" (kind chatbot) needs chatbot_id")
        }
        return RemoteConfig(name: name, kind: kind, url: url, apiKey: apiKey, token: token, username: username,
                            chatbotId: chatbotId, push: push)
    }
}
