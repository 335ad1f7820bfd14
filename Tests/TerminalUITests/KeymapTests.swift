import XCTest
@testable import TerminalUI

final class KeymapTests: XCTestCase {
    private func parse(_ text: String, name: String = "test.keys") -> KeymapParser {
        var parser = KeymapParser()
        parser.read(text: text, name: name)
        return parser
    }

    func testGoodFileBindsKeysSequencesAndSeveralContexts() {
        let parser = parse("""
        # comment
        bind leads j cursor-down   # trailing comment
        bind leads,detail g g cursor-top
        bind global <C-r> sync-now
        bind leads <C-x>k delete
        """)
        XCTAssertEqual(parser.diagnostics, [])
        let map = parser.keymap
        XCTAssertEqual(map.action(for: [.char("j")], in: .leads), .cursorDown)
        XCTAssertEqual(map.action(for: [.char("g"), .char("g")], in: .leads), .cursorTop)
        XCTAssertEqual(map.action(for: [.char("g"), .char("g")], in: .detail), .cursorTop)
        XCTAssertEqual(map.action(for: [.ctrl("r")], in: .global), .syncNow)
        XCTAssertEqual(map.action(for: [.ctrl("x"), .char("k")], in: .leads), .delete)
        XCTAssertTrue(map.isPrefix([.char("g")], in: .leads))
        XCTAssertNil(map.action(for: [.char("j")], in: .detail))
    }

    func testEveryKindOfBadLineIsReportedWithFileAndLineAndTheRestLoads() {
        let parser = parse("""
        bind leads j cursor-down
        frobnicate leads j cursor-down
        bind leads
        bind sidebar j cursor-down
        bind leads <Nope> cursor-down
        bind leads x no-such-action
        bind form j cursor-top
        unbind leads z
        unbind leads
        include
        include missing.keys
        bind leads k cursor-up
        """, name: "my.keys")
        let text = parser.diagnostics.map(\.description)
        XCTAssertEqual(text.count, 10, text.joined(separator: "\n"))
        XCTAssertEqual(text[0], "my.keys:2: unknown command 'frobnicate' (expected bind, unbind or include)")
        XCTAssertTrue(text[1].hasPrefix("my.keys:3: bind needs CONTEXTS KEY... ACTION"))
        XCTAssertTrue(text[2].hasPrefix("my.keys:4: unknown context 'sidebar'"))
        XCTAssertEqual(text[3], "my.keys:5: unknown key '<Nope>'")
        XCTAssertEqual(text[4], "my.keys:6: unknown action 'no-such-action'")
        XCTAssertTrue(text[5].hasPrefix("my.keys:7: action 'cursor-top' does not apply in context 'form'"))
        XCTAssertEqual(text[6], "my.keys:8: 'z' is not bound in leads")
        XCTAssertTrue(text[7].hasPrefix("my.keys:9: unbind needs CONTEXTS KEY..."))
        XCTAssertEqual(text[8], "my.keys:10: include needs exactly one file name")
        XCTAssertEqual(text[9], "my.keys:11: included file 'missing.keys' not found")
        XCTAssertEqual(parser.keymap.action(for: [.char("j")], in: .leads), .cursorDown)
        XCTAssertEqual(parser.keymap.action(for: [.char("k")], in: .leads), .cursorUp, "lines after bad ones still load")
    }

    func testUnknownActionSuggestsCloseName() {
        let parser = parse("bind leads j cursor-dwn")
        XCTAssertEqual(parser.diagnostics.first?.message, "unknown action 'cursor-dwn' (did you mean 'cursor-down'?)")
    }

    func testUnbindRemovesBindingAndItsPrefix() {
        let parser = parse("""
        bind leads g g cursor-top
        bind leads d delete
        unbind leads d
        unbind leads g g
        """)
        XCTAssertEqual(parser.diagnostics, [])
        XCTAssertNil(parser.keymap.action(for: [.char("d")], in: .leads))
        XCTAssertFalse(parser.keymap.isPrefix([.char("g")], in: .leads))
        XCTAssertEqual(parser.keymap.count, 0)
    }

    func testLaterBindingReplacesConflictingPrefixInSameContext() {
        let parser = parse("""
        bind leads g g cursor-top
        bind leads g help
        """)
        XCTAssertEqual(parser.keymap.action(for: [.char("g")], in: .leads), .help)
        XCTAssertFalse(parser.keymap.isPrefix([.char("g")], in: .leads))
        XCTAssertNil(parser.keymap.action(for: [.char("g"), .char("g")], in: .leads))
    }

    func testLongerBindingReplacesTheShorterOneItStartsWithAndReportsIt() {
        var map = Keymap()
        map.bind([.char("g")], to: .help, in: .leads)
        map.bind([.char("z"), .char("a")], to: .cursorTop, in: .leads)
        let replaced = map.bind([.char("g"), .char("x"), .char("y")], to: .cursorBottom, in: .leads)
        XCTAssertEqual(replaced, [[.char("g")]])
        XCTAssertNil(map.action(for: [.char("g")], in: .leads))
        XCTAssertTrue(map.isPrefix([.char("g")], in: .leads))
        XCTAssertTrue(map.isPrefix([.char("g"), .char("x")], in: .leads))
        XCTAssertEqual(map.action(for: [.char("z"), .char("a")], in: .leads), .cursorTop)
        // And back: the shorter one replaces every longer binding it starts, and the prefixes go.
        XCTAssertEqual(map.bind([.char("g")], to: .help, in: .leads), [[.char("g"), .char("x"), .char("y")]])
        XCTAssertFalse(map.isPrefix([.char("g")], in: .leads))
        XCTAssertFalse(map.isPrefix([.char("g"), .char("x")], in: .leads))
        XCTAssertEqual(map.count, 2)
    }

    func testCRLFFileReadsLineByLineWithLineNumbers() {
        let parser = parse("bind leads j cursor-down\r\nbind leads x no-such-action\r\nbind leads g g cursor-top\r\n")
        XCTAssertEqual(parser.keymap.action(for: [.char("j")], in: .leads), .cursorDown)
        XCTAssertEqual(parser.keymap.action(for: [.char("g"), .char("g")], in: .leads), .cursorTop)
        XCTAssertEqual(parser.diagnostics.map(\.line), [2])
    }

    func testIncludeIsRelativeToIncludingFileAndCyclesAreReported() throws {
        let dir = try TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try TestSupport.write("bind leads j cursor-down\ninclude ../main.keys\n", to: "sub/extra.keys", in: dir)
        let main = try TestSupport.write("include sub/extra.keys\nbind leads k cursor-up\n", to: "main.keys", in: dir)
        var parser = KeymapParser()
        XCTAssertTrue(parser.read(path: main))
        XCTAssertEqual(parser.keymap.action(for: [.char("j")], in: .leads), .cursorDown)
        XCTAssertEqual(parser.keymap.action(for: [.char("k")], in: .leads), .cursorUp)
        XCTAssertEqual(parser.diagnostics.count, 1)
        XCTAssertEqual(parser.diagnostics.first?.line, 2)
        XCTAssertTrue(parser.diagnostics.first?.file.hasSuffix("sub/extra.keys") == true)
        XCTAssertTrue(parser.diagnostics.first?.message.hasPrefix("include cycle") == true)
    }

    func testMissingFileIsOneClearDiagnostic() {
        var parser = KeymapParser()
        XCTAssertFalse(parser.read(path: "/nonexistent/closer/keys"))
        XCTAssertEqual(parser.diagnostics.map(\.description), ["/nonexistent/closer/keys: file not found"])
    }

    func testDispatcherLooksInPaneFirstThenGlobal() {
        let parser = parse("""
        bind global q quit
        bind help q cancel
        bind global <C-r> sync-now
        """)
        var dispatcher = KeyDispatcher(keymap: parser.keymap)
        XCTAssertEqual(dispatcher.dispatch(.char("q"), in: .leads), .action(.quit))
        XCTAssertEqual(dispatcher.dispatch(.char("q"), in: .help), .action(.cancel))
        XCTAssertEqual(dispatcher.dispatch(.ctrl("r"), in: .help), .action(.syncNow))
        XCTAssertEqual(dispatcher.dispatch(.char("z"), in: .help), .unbound([.char("z")]))
    }

    func testDispatcherResolvesMultiKeySequencesWithPendingState() {
        let parser = parse("""
        bind leads g g cursor-top
        bind leads G cursor-bottom
        bind leads y e copy-email
        bind leads y p copy-phone
        """)
        var dispatcher = KeyDispatcher(keymap: parser.keymap)
        XCTAssertEqual(dispatcher.dispatch(.char("g"), in: .leads), .pending([.char("g")]))
        XCTAssertEqual(dispatcher.pendingDescription, "g")
        XCTAssertEqual(dispatcher.dispatch(.char("g"), in: .leads), .action(.cursorTop))
        XCTAssertEqual(dispatcher.pending, [])
        XCTAssertEqual(dispatcher.dispatch(.char("y"), in: .leads), .pending([.char("y")]))
        XCTAssertEqual(dispatcher.dispatch(.char("x"), in: .leads), .unbound([.char("y"), .char("x")]))
        XCTAssertEqual(dispatcher.pending, [], "an unbound sequence resets")
        _ = dispatcher.dispatch(.char("y"), in: .leads)
        dispatcher.cancel()
        XCTAssertEqual(dispatcher.dispatch(.char("p"), in: .leads), .unbound([.char("p")]))
    }

    func testPanePrefixShadowsGlobalSingleKey() {
        let parser = parse("""
        bind global g help
        bind leads g g cursor-top
        """)
        var dispatcher = KeyDispatcher(keymap: parser.keymap)
        XCTAssertEqual(dispatcher.dispatch(.char("g"), in: .leads), .pending([.char("g")]))
        XCTAssertEqual(dispatcher.dispatch(.char("g"), in: .detail), .action(.help))
    }

    func testTextInputLeavesPrintableGlobalKeysForTyping() {
        let parser = parse("""
        bind global q quit
        bind global <C-r> sync-now
        bind form <Tab> next-field
        """)
        var dispatcher = KeyDispatcher(keymap: parser.keymap)
        XCTAssertEqual(dispatcher.dispatch(.char("q"), in: .form, textInput: true), .unbound([.char("q")]))
        XCTAssertEqual(dispatcher.dispatch(.ctrl("r"), in: .form, textInput: true), .action(.syncNow))
        XCTAssertEqual(dispatcher.dispatch(.tab, in: .form, textInput: true), .action(.nextField))
    }

    func testGlobalPrefixesDoNotSwallowEditingKeysInTextInput() {
        let loaded = KeymapLoader(searchDirectories: [TestSupport.keymapsDirectory]).load(preset: "vim")
        var dispatcher = KeyDispatcher(keymap: loaded.keymap)
        XCTAssertEqual(dispatcher.dispatch(.ctrl("w"), in: .form, textInput: true), .unbound([.ctrl("w")]), "Ctrl-W deletes a word")
        XCTAssertEqual(dispatcher.dispatch(.ctrl("w"), in: .leads), .pending([.ctrl("w")]), "but starts <C-w> w in the list")
        XCTAssertEqual(dispatcher.dispatch(.ctrl("c"), in: .form, textInput: true), .action(.cancel), "Ctrl-C cancels a form, not the app")
        let emacs = KeymapLoader(searchDirectories: [TestSupport.keymapsDirectory]).load(preset: "emacs")
        var chords = KeyDispatcher(keymap: emacs.keymap)
        XCTAssertEqual(chords.dispatch(.ctrl("x"), in: .form, textInput: true), .pending([.ctrl("x")]), "the form's own <C-x> <C-s>")
        XCTAssertEqual(chords.dispatch(.ctrl("s"), in: .form, textInput: true), .action(.save))
    }

    func testKeysForActionListsPaneThenUnshadowedGlobalKeys() {
        let parser = parse("""
        bind global <Esc> back
        bind global q quit
        bind help q cancel
        bind help <Esc> cancel
        bind leads h back
        """)
        XCTAssertEqual(parser.keymap.keys(for: .back, in: .leads).map(KeyNotation.format), ["h", "<Esc>"])
        XCTAssertEqual(parser.keymap.keys(for: .quit, in: .help), [], "help's q shadows global q")
        XCTAssertEqual(parser.keymap.keys(for: .back, in: .leads, includingGlobal: false).map(KeyNotation.format), ["h"],
                       "a form or prompt's own keys only (global ones would be typed into the field)")
        XCTAssertEqual(parser.keymap.keys(for: .cancel, in: .help, includingGlobal: false).map(KeyNotation.format), ["<Esc>", "q"],
                       "sorted by notation, as bindings(in:) lists them")
        XCTAssertEqual(parser.keymap.bindings(in: .help).map { KeyNotation.format($0.keys) }, ["<Esc>", "q"])
    }

    func testLoaderUsesPresetThenUserFileAndReportsMissingPreset() throws {
        let dir = try TestSupport.temporaryDirectory()
        let user = try TestSupport.write("unbind global q\nbind leads Q quit\nbind leads j bogus\n", to: "keys", in: dir)
        let loader = KeymapLoader(searchDirectories: [TestSupport.keymapsDirectory])
        let loaded = loader.load(preset: "vim", userFile: user)
        XCTAssertEqual(loaded.diagnostics.map(\.description), ["\(user):3: unknown action 'bogus'"])
        XCTAssertNil(loaded.keymap.action(for: [.char("q")], in: .global))
        XCTAssertEqual(loaded.keymap.action(for: [.char("Q")], in: .leads), .quit)
        XCTAssertEqual(loaded.keymap.action(for: [.char("Z"), .char("Z")], in: .global), .quit, "vim preset loaded")

        let missing = loader.load(preset: "nosuch")
        XCTAssertEqual(missing.diagnostics.count, 1)
        XCTAssertTrue(missing.diagnostics[0].description.hasPrefix("nosuch: keymap not found"))
        XCTAssertEqual(missing.keymap.action(for: [.char("j")], in: .leads), .cursorDown, "built-in defaults used")
    }

    func testUserFilePathFollowsXdgConfigHome() throws {
        let dir = try TestSupport.temporaryDirectory()
        XCTAssertNil(KeymapLoader.userFile(environment: ["XDG_CONFIG_HOME": dir.path]))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("closer"), withIntermediateDirectories: true)
        let path = try TestSupport.write("", to: "closer/keys", in: dir)
        XCTAssertEqual(KeymapLoader.userFile(environment: ["XDG_CONFIG_HOME": dir.path]), path)
    }
}
