internal import CNcursesw
import Dispatch
import Foundation
import TerminalUI

/// Owns the terminal while Closer runs: sets it up with `newterm` (never `initscr`, which exits
/// the process on a bad TERM), reads input, presents frames as diffs, suspends, and always
/// gives the terminal back (`shutdown`, also run from `deinit` and at process exit).
public final class CursesTerminal {
    /// Settings for taking over the terminal.
    public struct Options: Sendable {
        /// Milliseconds a key read waits before returning (so other main-actor work can run).
        public var readTimeoutMilliseconds: Int32 = 50
        /// Milliseconds curses waits after ESC to tell Esc from Alt+key and escape sequences.
        public var escapeDelayMilliseconds: Int32 = 25
        /// Report mouse clicks and the wheel.
        public var mouse = true
        /// Ask the terminal for bracketed paste.
        public var bracketedPaste = true
        /// Switch colours off (e.g. NO_COLOR): attributes only.
        public var noColor = false
        /// The terminal type; nil reads `TERM` from the environment.
        public var term: String?
        /// Defaults.
        public init() {}
    }

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let output: UnsafeMutablePointer<FILE>
    /// The descriptor keys are read from (`keyWaiting`).
    private let inputDescriptor: Int32
    private let ownsFiles: [UnsafeMutablePointer<FILE>]
    private let options: Options
    private var active = true
    private let decoder: KeyDecoder
    /// The canvas to draw frames into.
    public let canvas: CursesCanvas
    /// How many colours this terminal shows.
    public let colorDepth: ColorDepth
    /// The character-set resets taken out of the attribute resets, sent once instead.
    private let charsetResets: String

    /// Takes over the controlling terminal (stdin/stdout). Throws a clear error when there is no
    /// tty, no TERM, or no terminfo entry for it.
    public convenience init(options: Options = Options()) throws {
        CursesTerminal.setUTF8Locale()
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw CursesError.notATerminal }
        guard let term = options.term ?? ProcessInfo.processInfo.environment["TERM"], !term.isEmpty else { throw CursesError.termNotSet }
        guard let input = fdopen(dup(STDIN_FILENO), "r"), let output = fdopen(dup(STDOUT_FILENO), "w") else {
            throw CursesError.cursesFailed("cannot open the terminal")
        }
        TerminalSignals.saveTerminalState(input: STDIN_FILENO, output: STDOUT_FILENO)
        try self.init(term: term, input: input, output: output, ownsFiles: [input, output], options: options)
        TerminalSignals.installTerminationHandlers()
        TerminalSignals.installCrashHandlers()
    }

    /// Takes over `input`/`output` as terminal type `term` (tests use a pipe and /dev/null).
    init(term: String, input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>,
         ownsFiles: [UnsafeMutablePointer<FILE>], options: Options) throws {
        CursesTerminal.setUTF8Locale()
        guard let screen = newterm(term, output, input) else {
            for file in ownsFiles { fclose(file) }
            throw CursesError.unknownTerminal(term)
        }
        set_term(screen)
        charsetResets = CursesTerminal.charsetResets(removed: closer_trim_charset_resets())
        guard let window = closer_stdscr() else {
            endwin()
            delscreen(screen)
            throw CursesError.cursesFailed("no screen window")
        }
        self.screen = screen
        self.window = window
        self.output = output
        self.inputDescriptor = fileno(input)
        self.ownsFiles = ownsFiles
        self.options = options
        TerminalSignals.setCursesActive(true)

        raw()  // Ctrl-C, Ctrl-Z, Ctrl-S, Ctrl-Q arrive as keys; signals are still caught for kill
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        set_escdelay(options.escapeDelayMilliseconds)
        wtimeout(window, options.readTimeoutMilliseconds)
        curs_set(0)
        leaveok(window, false)

        var depth = ColorDepth.none
        var defaults = false
        if !options.noColor && has_colors() {
            start_color()
            defaults = use_default_colors() == OK
            let direct = tigetflag("RGB") > 0
            depth = ColorDepth(colors: Int(closer_colors()), direct: direct)
        }
        colorDepth = depth
        let cache = ColorPairCache(depth: depth, defaultColorsAvailable: defaults, maxPairs: Int32(max(0, closer_color_pairs())))
        canvas = CursesCanvas(window: window, colors: cache)
        decoder = KeyDecoder(keyName: { code in keyname(code).map { String(cString: $0) } })

        if options.mouse {
            var all: mmask_t = 0
            for button in 1...5 { all |= mmask_t(closer_button_pressed(Int32(button))) }
            mousemask(all, nil)
            mouseinterval(0)
        }
        define_key("\u{1B}[200~", KeyDecoder.pasteStart)
        define_key("\u{1B}[201~", KeyDecoder.pasteEnd)
        if options.bracketedPaste { writeRaw("\u{1B}[?2004h") }
        if !charsetResets.isEmpty { writeRaw(charsetResets) }
    }

    /// The sequences `closer_trim_charset_resets` took out of every attribute reset (`ESC ( B`,
    /// SI), to send once when Closer takes the terminal.
    static func charsetResets(removed: Int32) -> String {
        (removed & 1 != 0 ? "\u{1B}(B" : "") + (removed & 2 != 0 ? "\u{0F}" : "")
    }

    deinit {
        shutdown()
        delscreen(screen)
        for file in ownsFiles { fclose(file) }
    }

    /// Gives the terminal back (modes, cursor, paste mode). Safe to call more than once.
    public func shutdown() {
        guard active else { return }
        active = false
        set_term(screen)
        if options.bracketedPaste { writeRaw("\u{1B}[?2004l") }
        curs_set(1)
        endwin()
        TerminalSignals.setCursesActive(false)
    }

    /// Sends the frame: the canvas cursor, then only the cells that changed.
    public func present() {
        guard active else { return }
        if let position = canvas.cursor, Rect(size: canvas.size).contains(position) {
            curs_set(1)
            leaveok(window, false)
            wmove(window, Int32(position.row), Int32(position.column))
        } else {
            curs_set(0)
            leaveok(window, true)  // the cursor is hidden: no move back to it after the changed cells
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Makes the next `present` repaint every cell (Ctrl-L).
    public func invalidate() {
        clearok(closer_curscr(), true)
    }

    /// Stops the process for the shell's job control (Ctrl-Z) and takes the terminal back on `fg`.
    public func suspend() {
        guard active else { return }
        leaveForExternal()
        TerminalSignals.stopSelf()
        returnFromExternal()
    }

    /// Gives the terminal to another program: normal modes, no paste mode.
    func leaveForExternal() {
        guard active else { return }
        if options.bracketedPaste { writeRaw("\u{1B}[?2004l") }
        endwin()
    }

    /// Takes the terminal back after another program and repaints everything.
    func returnFromExternal() {
        guard active else { return }
        if options.bracketedPaste { writeRaw("\u{1B}[?2004h") }
        if !charsetResets.isEmpty { writeRaw(charsetResets) }
        invalidate()
        doupdate()
    }

    /// SIGINT, SIGTERM or SIGHUP received since the last call, if any.
    public func takeTerminationSignal() -> Int32? {
        let signal = TerminalSignals.take()
        return signal == 0 ? nil : signal
    }

    /// Whether input has ended (the terminal went away): reads fail at once instead of waiting.
    public private(set) var inputClosed = false
    private var immediateFailures = 0

    /// Reads one event, waiting at most the read timeout (or `waitMilliseconds`: 0 only looks);
    /// `nil` when nothing arrived.
    public func readEvent(waitMilliseconds: Int32? = nil) -> InputEvent? {
        guard active else { return nil }
        while true {
            let started = DispatchTime.now().uptimeNanoseconds
            guard let raw = read(timeout: waitMilliseconds ?? options.readTimeoutMilliseconds) else {
                if waitMilliseconds == 0 { return nil }  // a look without waiting: nothing there
                // curses reports end of input like a timeout, only instantly: without this check a
                // closed terminal would spin the loop at full CPU.
                let elapsed = (DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
                if options.readTimeoutMilliseconds > 0 && elapsed < UInt64(options.readTimeoutMilliseconds / 2) {
                    immediateFailures += 1
                    if immediateFailures >= 20 { inputClosed = true }
                } else {
                    immediateFailures = 0
                }
                return nil
            }
            immediateFailures = 0
            switch raw {
            case .code(closer_key_resize()):
                return .resize(canvas.size)
            case .code(closer_key_mouse()):
                if let event = readMouse() { return .mouse(event) }
                continue
            case .code(KeyDecoder.pasteStart):
                return decoder.decode(raw) { read(timeout: 200) }
            default:
                if let event = decoder.decode(raw, next: { read(timeout: options.escapeDelayMilliseconds) }) { return event }
                continue
            }
        }
    }

    /// A check that answers whether bytes of a key wait unread on the input (a `poll` that does
    /// not wait), callable from any thread; bytes curses already took into its own buffer are not seen.
    public var keyWaiting: @Sendable () -> Bool {
        let descriptor = inputDescriptor
        return {
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            return poll(&entry, 1, 0) > 0 && entry.revents & Int16(POLLIN) != 0
        }
    }

    private func read(timeout: Int32) -> RawKey? {
        wtimeout(window, timeout)
        defer { wtimeout(window, options.readTimeoutMilliseconds) }
        var value: wint_t = 0
        let result = wget_wch(window, &value)
        if result == ERR { return nil }
        if result == KEY_CODE_YES { return .code(Int32(bitPattern: UInt32(value))) }
        return .character(UInt32(value))
    }

    private func readMouse() -> MouseEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let state = UInt(event.bstate)
        var modifiers: KeyModifiers = []
        if state & UInt(closer_button_shift()) != 0 { modifiers.insert(.shift) }
        if state & UInt(closer_button_ctrl()) != 0 { modifiers.insert(.control) }
        if state & UInt(closer_button_alt()) != 0 { modifiers.insert(.alt) }
        let position = Position(row: Int(event.y), column: Int(event.x))
        if state & UInt(closer_button_pressed(4)) != 0 { return MouseEvent(kind: .wheelUp, position: position, modifiers: modifiers) }
        if state & UInt(closer_button_pressed(5)) != 0 { return MouseEvent(kind: .wheelDown, position: position, modifiers: modifiers) }
        for button in 1...3 {
            if state & UInt(closer_button_double_clicked(Int32(button))) != 0 {
                return MouseEvent(kind: .doubleClick(button: button), position: position, modifiers: modifiers)
            }
            if state & UInt(closer_button_pressed(Int32(button)) | closer_button_clicked(Int32(button))) != 0 {
                return MouseEvent(kind: .click(button: button), position: position, modifiers: modifiers)
            }
        }
        return nil
    }

    /// Writes a control sequence straight to the terminal (mode switches curses does not know).
    func writeRaw(_ sequence: String) {
        fputs(sequence, output)
        fflush(output)
    }

    /// `setlocale(LC_ALL, "")`, falling back to C.UTF-8 when the codeset is not UTF-8.
    static func setUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        // Compared byte by byte: Foundation's replacingOccurrences cost ~0.3 ms before the first frame.
        if String(codeset.uppercased().filter { $0 != "-" }) != "UTF8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    /// The terminfo string for a key capability (e.g. `kcuu1`), for tests that type keys.
    func keySequence(_ capability: String) -> String? {
        guard let pointer = tigetstr(capability), Int(bitPattern: pointer) != -1 else { return nil }
        return String(cString: pointer)
    }

    /// The canvas line as curses holds it (tests).
    func cursesLine(_ row: Int) -> String { canvas.line(row) }
}
