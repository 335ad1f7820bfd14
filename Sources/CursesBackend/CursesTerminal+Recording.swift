internal import CNcursesw
import Foundation

extension CursesTerminal {
    /// A terminal of type `term` whose output goes to the file at `path` (input is /dev/null), so a
    /// benchmark can count the bytes each frame sends. The size comes from terminfo (80×24 for xterm).
    public static func recording(to path: String, term: String = "xterm-256color") throws -> CursesTerminal {
        guard let input = fopen("/dev/null", "r") else { throw CursesError.cursesFailed("cannot open /dev/null") }
        guard let output = fopen(path, "w") else {
            fclose(input)
            throw CursesError.cursesFailed("cannot open \(path)")
        }
        var options = Options()
        options.mouse = false
        options.bracketedPaste = false
        return try CursesTerminal(term: term, input: input, output: output, ownsFiles: [input, output], options: options)
    }

    /// Pushes buffered output to its files (after `present`, before measuring a recording).
    public static func flushOutput() {
        fflush(nil)
    }

    /// Changes curses' screen size as a SIGWINCH would (for a recording terminal).
    public func resize(rows: Int, columns: Int) {
        resizeterm(Int32(rows), Int32(columns))
    }
}
