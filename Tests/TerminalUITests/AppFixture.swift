import Core
import Foundation
import Store
import ViewModels
@testable import TerminalUI

/// A clock tests move by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var date: Date

    init(_ date: Date) { self.date = date }

    var now: Date { lock.withLock { date } }

    func advance(_ seconds: TimeInterval) { lock.withLock { date += seconds } }
}

/// A small real SQLite database (temp file) with awkward data, and an app over it.
enum AppFixture {
    /// 2026-11-15 12:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_795_262_400)

    /// Names with CJK, emoji, combining marks and hostile escape sequences.
    static let people: [(first: String, last: String, company: String, status: String, source: String, owner: String)] = [
        ("Ada", "Lovelace", "Analytical Engines", "prospect", "website", "ana"),
        ("太郎", "田中", "株式会社テスト", "contact", "direct", "ben"),
        ("Zoe\u{0308}", "Ångström", "", "potential", "facebook", "ana"),
        ("Emoji", "😀 Fan", "🚀 Rockets", "customer", "twitter", "chen"),
        ("\u{1B}[31mRed", "Hacker\u{1B}[0m\u{07}", "\u{1B}]52;c;ZXZpbA==\u{07}Evil Corp", "closed", "other", "ben"),
        ("Bidi", "\u{202E}txet", "", "tentative", "search", "ana"),
        ("Grace", "Hopper", "Navy", "prospect", "reddit", "chen"),
        ("Zoë", "Keller", "", "contact", "website", "ana"),
    ] + (0..<22).map { i in ("Filler\(i)", "Person", "", "prospect", "direct", "ben") }

    /// A fresh database file seeded through the remote-apply path (no outbox entries).
    static func store() throws -> LeadStore {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("closer-app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try LeadStore(path: directory.appendingPathComponent("closer.db").path)
        for name in ["ana", "ben", "chen"] { try store.upsertUser(User(username: name, displayName: name.capitalized)) }
        var remote: [RemoteLead] = []
        for (index, person) in people.enumerated() {
            remote.append(RemoteLead(remoteId: "r\(index + 1)", fields: [
                "first_name": person.first, "last_name": person.last, "email": "p\(index + 1)@example.test",
                "phone": "+1555000\(1000 + index)", "company": person.company, "status": person.status,
                "source": person.source, "assignee": person.owner, "location": "Lisbon",
            ], createdAt: start.addingTimeInterval(Double(-86_400 * (index + 1))), updatedAt: start.addingTimeInterval(-3600)))
        }
        _ = try store.applyRemoteLeads(provider: "test", remote)
        if let ada = try store.leads(filter: LeadFilter(search: "lovelace"), sort: .nameAscending, limit: 1).first {
            try store.applyRemoteNotes(provider: "test", leadId: ada.id, [
                RemoteNote(remoteId: "n1", text: "First call went well.\nWants a demo 📅", author: "ana", createdAt: start.addingTimeInterval(-7200)),
            ])
        }
        return store
    }

    /// An app over `store` drawing at `size`, on `clock`.
    @MainActor
    static func app(_ store: LeadStore, size: Size, clock: TestClock, diagnostics: [ConfigDiagnostic] = []) -> CloserApp {
        let directories = (keymaps: [TestSupport.keymapsDirectory], themes: [TestSupport.themesDirectory])
        let configuration = UIConfiguration.load(environment: [:], executablePath: "/nonexistent", directories: directories)
        let setup = CloserApp.Setup(currentUser: "ana", keymap: configuration.keymap, theme: configuration.theme,
                                    themeLoader: configuration.themeLoader, diagnostics: diagnostics, environment: [:])
        return CloserApp(session: AppSession(store: store, currentUser: "ana", now: { clock.now }), setup: setup, size: size, sync: nil)
    }
}

extension CloserApp {
    /// Feeds keys written in keymap notation, one string per key (`"j"`, `"<Enter>"`).
    @discardableResult
    func press(_ keys: String...) -> AppResponse {
        var last = AppResponse.none
        for notation in keys {
            for key in (try? KeyNotation.parseSequence(notation).get()) ?? [] { last = handle(.key(key)) }
        }
        return last
    }

    /// Types `text` character by character.
    func type(_ text: String) {
        for character in text { _ = handle(.key(.char(character))) }
    }

    /// Draws a frame into a fresh grid of the app's size.
    func frame() -> GridCanvas {
        let canvas = GridCanvas(size: size)
        draw(on: canvas)
        return canvas
    }
}
