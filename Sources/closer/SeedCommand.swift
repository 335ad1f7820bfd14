import Core
import Foundation
import Store

/// `closer seed`: fills the database with deterministic demo data (the same seed gives the
/// same leads on every machine). Seeded leads are demo data and do not enter the outbox.
enum SeedCommand: Command {
    static let spec = CommandSpec(
        name: "seed", summary: "Fill the database with realistic demo leads, notes and appointments.",
        options: [
            OptionSpec("leads", short: "n", value: "N", required: true, help: "how many leads to add (required; 1,000,000 works)"),
            OptionSpec("seed", value: "S", help: "random seed; the same seed gives the same data (default 1)"),
            OptionSpec("users", value: "N", help: "how many sales users own the leads (default 8)"),
        ],
        details: """
        Leads are added after any already in the database. Names are international (accents,
        CJK, Arabic, Cyrillic, Greek), some companies carry emoji; statuses and sources are seed
        001's; about one lead in five has an appointment between three weeks ago and four ahead.
        example: closer --db /tmp/demo.db seed --leads 1000000
        """)

    static func run(_ arguments: CommandLineArguments, context: CommandContext) async throws -> Int32 {
        guard let count = try arguments.integer("leads", in: 1...100_000_000) else {
            throw UsageError("'seed' needs --leads N", command: spec.name)
        }
        let seed = try arguments.integer("seed", in: 0...Int.max) ?? 1
        let users = try arguments.integer("users", in: 1...10_000) ?? 8
        let store = try context.openStore(for: spec.name)
        let generator = DemoDataGenerator(
            seed: UInt64(seed), now: Int64(Date().timeIntervalSince1970.rounded(.down)), userCount: users)
        let showProgress = Platform.isTerminal(2)
        let started = Date()
        let summary = try DemoSeeder(store: store, generator: generator).seed(leads: count) { done in
            if showProgress { FileHandleProgress.show("seeding: \(done) of \(count) leads") }
        }
        if showProgress { FileHandleProgress.clear() }
        let seconds = Date().timeIntervalSince(started)
        print("""
            seeded \(summary.leads) leads, \(summary.notes) notes, \(summary.activities) activities, \
            \(summary.appointments) appointments, \(summary.users) users in \(String(format: "%.1f", seconds)) s \
            (seed \(seed)) into \(TextSanitizer.line(store.path))
            """)
        return 0
    }
}

/// A one-line progress message on standard error, rewritten in place.
enum FileHandleProgress {
    /// Shows `text`, replacing the previous progress line.
    static func show(_ text: String) {
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    /// Removes the progress line.
    static func clear() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
