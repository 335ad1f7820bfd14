import Foundation

/// Whether this terminal and locale suit the terminal UI, checked without running `infocmp`.
struct TerminalCheck: Sendable {
    /// One finding: ok or a warning, with what was seen and what to do.
    struct Finding: Sendable {
        let ok: Bool
        let text: String
    }

    let findings: [Finding]

    /// Checks TERM (set, with a terminfo entry), the locale (UTF-8) and whether stdin/stdout are terminals.
    init(environment: [String: String], stdinIsTerminal: Bool, stdoutIsTerminal: Bool) {
        var findings: [Finding] = []
        if let term = environment["TERM"], !term.isEmpty {
            if let file = Self.terminfoFile(for: term, environment: environment) {
                findings.append(Finding(ok: true, text: "TERM=\(term) (terminfo: \(file))"))
            } else {
                findings.append(Finding(ok: false, text: "TERM=\(term) has no terminfo entry; try TERM=xterm-256color "
                    + "or install ncurses-term"))
            }
        } else {
            findings.append(Finding(ok: false, text: "TERM is not set; the terminal UI needs it (e.g. TERM=xterm-256color)"))
        }
        let (variable, locale) = Self.effectiveLocale(environment)
        if Self.isUTF8(locale) {
            findings.append(Finding(ok: true, text: "locale \(variable)=\(locale) is UTF-8"))
        } else {
            let shown = locale.isEmpty ? "not set (C/POSIX)" : "\(variable)=\(locale)"
            findings.append(Finding(ok: false, text: "locale \(shown) is not UTF-8; names with accents, CJK or emoji "
                + "need one, e.g. LANG=C.UTF-8 (Closer falls back to C.UTF-8 for drawing)"))
        }
        findings.append(Finding(ok: stdinIsTerminal && stdoutIsTerminal, text: stdinIsTerminal && stdoutIsTerminal
            ? "standard input and output are a terminal"
            : "standard input/output are not both a terminal (fine for commands; the UI needs one)"))
        self.findings = findings
    }

    /// The locale that decides the character set: LC_ALL, then LC_CTYPE, then LANG.
    static func effectiveLocale(_ environment: [String: String]) -> (String, String) {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = environment[name], !value.isEmpty { return (name, value) }
        }
        return ("LANG", "")
    }

    /// Whether a locale name selects UTF-8 ("en_US.UTF-8", "C.utf8").
    static func isUTF8(_ locale: String) -> Bool {
        let lower = locale.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8")
    }

    /// The compiled terminfo entry for `term`, searched as ncurses does: $TERMINFO, ~/.terminfo,
    /// $TERMINFO_DIRS, then the system directories; `x/xterm` or (macOS) `78/xterm` layout.
    static func terminfoFile(for term: String, environment: [String: String]) -> String? {
        guard let first = term.unicodeScalars.first, !term.contains("/") else { return nil }
        var directories: [String] = []
        if let dir = environment["TERMINFO"], !dir.isEmpty { directories.append(dir) }
        if let home = environment["HOME"], !home.isEmpty { directories.append(home + "/.terminfo") }
        if let dirs = environment["TERMINFO_DIRS"] {
            directories += dirs.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        }
        directories += ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo",
                        "/usr/local/share/terminfo"]
        let letter = String(first)
        let hex = String(first.value, radix: 16)
        for directory in directories {
            for sub in [letter, hex] {
                let path = "\(directory)/\(sub)/\(term)"
                if FileManager.default.fileExists(atPath: path) { return path }
            }
        }
        return nil
    }
}
