import Core
import Foundation
import Store

/// `closer import FILE.csv`: validates every row with seed 001's rules, reports each bad row as
/// `FILE:LINE: field: message` on stderr, and stores the leads as local creations (outbox).
/// All or nothing unless `--skip-invalid`.
enum ImportCommand: Command {
    static let spec = CommandSpec(
        name: "import", summary: "Import leads from a CSV file (all or nothing unless --skip-invalid).",
        arguments: ["FILE.csv"],
        options: [
            OptionSpec("dry-run", help: "validate and report only; import nothing"),
            OptionSpec("skip-invalid", help: "import the valid rows and report the invalid ones"),
            OptionSpec("owner", value: "NAME", help: "owner of rows that name none (default: the current user)"),
        ],
        details: """
        The file is RFC 4180 CSV in UTF-8 (a byte order mark is fine) with a header line. Header
        names are matched case-insensitively, ignoring spaces, '_', '-' and '.', with aliases
        (firstname, "First Name", e-mail, title, assignee, ...). Required columns: \
        \(LeadCSVColumn.required.filter { $0 != .owner }.map(\.rawValue).joined(separator: ", ")).
        Owner: a row's owner cell wins; a file without an owner column gets --owner NAME, else
        the current user (the configured remote's username, else $USER). With --owner, blank
        owner cells get NAME too (without it they are reported).
        Optional: company, job_title, location, message, status (default prospect), source, label,
        created_at, updated_at (ISO 8601, e.g. 2026-11-23T09:30:00Z), metadata (a JSON object).
        Other columns are kept as metadata. 'closer export' writes exactly these columns.
        Use '-' as FILE to read standard input. Exit status: 0 imported (or valid on --dry-run),
        1 invalid rows or unreadable file, 2 bad usage.
        """)

    static func run(_ arguments: CommandLineArguments, context: CommandContext) async throws -> Int32 {
        let path = arguments.positionals[0]
        let name = path == "-" ? "<stdin>" : path
        let data = try read(path)
        let result: LeadCSVImport
        let owner = try ownerDefault(arguments)
        do {
            result = try LeadCSVImport.read(data, now: Date(), ownerDefault: owner)
        } catch let error where owner == nil && error.lacksOwnerColumn {
            // No owner column and nobody to default to: say how to name one.
            throw CommandFailure(spec.name, error.report(file: name)
                + "; no current user to own the rows (no username in the config, $USER unset): give --owner NAME")
        } catch {
            throw CommandFailure(spec.name, error.report(file: name))
        }
        for line in result.report(file: name) { Output.error(TextSanitizer.line(line)) }

        let valid = result.rows.count, invalid = result.rowErrors.count
        let rows = "\(valid) valid row\(valid == 1 ? "" : "s"), \(invalid) invalid row\(invalid == 1 ? "" : "s")"
        if arguments.flag("dry-run") {
            print("\(TextSanitizer.line(name)): \(rows) (dry run: nothing imported)")
            return invalid > 0 && !arguments.flag("skip-invalid") ? 1 : 0
        }
        if invalid > 0 && !arguments.flag("skip-invalid") {
            throw CommandFailure(spec.name, "\(TextSanitizer.line(name)): \(rows); nothing imported "
                + "(fix the rows above, or use --skip-invalid to import the \(valid) valid one\(valid == 1 ? "" : "s"))")
        }
        let store = try context.openStore(for: spec.name)
        let ids = try store.importLeads(result.rows.map(\.lead))
        var summary = "imported \(ids.count) lead\(ids.count == 1 ? "" : "s")"
        if let owner = result.rows.first(where: \.ownerDefaulted)?.lead.owner {
            let defaulted = result.defaultedOwnerCount
            let origin = arguments.value("owner") == nil ? "default" : "--owner"
            summary += ", owner \(TextSanitizer.line(owner)) (\(origin)"
                + (defaulted == ids.count ? ")" : " for \(defaulted) of them)")
        }
        summary += " from \(TextSanitizer.line(name))"
        if invalid > 0 { summary += " (\(invalid) invalid row\(invalid == 1 ? "" : "s") skipped)" }
        print(summary)
        return 0
    }

    /// The owner of rows without one: `--owner NAME`, else the current user, else none (then the
    /// file needs an owner column).
    static func ownerDefault(_ arguments: CommandLineArguments) throws -> LeadCSVOwnerDefault? {
        if let name = arguments.value("owner") {
            guard !name.allSatisfy(\.isWhitespace) else {
                throw CommandFailure(spec.name, "--owner needs a username")
            }
            return LeadCSVOwnerDefault(name: name, isExplicit: true, origin: "--owner")
        }
        return CurrentUser.resolve().map { LeadCSVOwnerDefault(name: $0.name, isExplicit: false, origin: $0.origin) }
    }

    /// The file's bytes, or a clear failure: missing, a directory, unreadable, binary or UTF-16.
    static func read(_ path: String) throws -> Data {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CommandFailure(spec.name, "cannot read \(TextSanitizer.line(path)): no such file")
            }
            guard !isDirectory.boolValue else {
                throw CommandFailure(spec.name, "cannot read \(TextSanitizer.line(path)): it is a directory")
            }
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw CommandFailure(spec.name, "cannot read \(TextSanitizer.line(path)): permission denied or unreadable")
            }
            data = contents
        }
        let name = TextSanitizer.line(path == "-" ? "<stdin>" : path)
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            throw CommandFailure(spec.name, "\(name): the file is UTF-16; save it as UTF-8 CSV")
        }
        if data.contains(0) {
            throw CommandFailure(spec.name, "\(name): not a text file (it contains NUL bytes); expected UTF-8 CSV")
        }
        return data
    }
}
