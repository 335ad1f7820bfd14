import Foundation
import XCTest
@testable import TerminalUI

final class ShippedConfigTests: XCTestCase {
    private func files(in directory: String, suffix: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(suffix) }.sorted()
            .map { directory + "/" + $0 }
    }

    func testEveryShippedKeymapLoadsCleanAndBindsOnlyKnownActions() throws {
        let paths = try files(in: TestSupport.keymapsDirectory, suffix: ".keys")
        XCTAssertEqual(paths.map { ($0 as NSString).lastPathComponent }, ["default.keys", "emacs.keys", "vim.keys"])
        for path in paths {
            var parser = KeymapParser()
            XCTAssertTrue(parser.read(path: path))
            XCTAssertEqual(parser.diagnostics.map(\.description), [], path)
            XCTAssertGreaterThan(parser.keymap.count, 30, path)
            for context in KeyContext.allCases {
                for binding in parser.keymap.bindings(in: context) {
                    XCTAssertTrue(ActionTable.standard.contains(binding.action), "\(path): \(binding.action)")
                }
            }
            XCTAssertFalse(parser.keymap.keys(for: .quit, in: .leads).isEmpty, "\(path) can quit")
            XCTAssertFalse(parser.keymap.keys(for: .help, in: .leads).isEmpty, "\(path) can open help")
            XCTAssertFalse(parser.keymap.keys(for: .cursorDown, in: .leads).isEmpty, "\(path) can move")
        }
    }

    func testDefaultKeymapHasTheDocumentedKeys() {
        let map = KeymapLoader.builtinDefault()
        var dispatcher = KeyDispatcher(keymap: map)
        XCTAssertEqual(dispatcher.dispatch(.char("j"), in: .leads), .action(.cursorDown))
        XCTAssertEqual(dispatcher.dispatch(.down, in: .leads), .action(.cursorDown))
        XCTAssertEqual(dispatcher.dispatch(.char("g"), in: .leads), .pending([.char("g")]))
        XCTAssertEqual(dispatcher.dispatch(.char("g"), in: .leads), .action(.cursorTop))
        XCTAssertEqual(dispatcher.dispatch(.char("G"), in: .leads), .action(.cursorBottom))
        XCTAssertEqual(dispatcher.dispatch(.ctrl("d"), in: .leads), .action(.halfPageDown))
        XCTAssertEqual(dispatcher.dispatch(.ctrl("u"), in: .leads), .action(.halfPageUp))
        XCTAssertEqual(dispatcher.dispatch(Key(.pageDown), in: .leads), .action(.pageDown))
        XCTAssertEqual(dispatcher.dispatch(.char("/"), in: .leads), .action(.search))
        XCTAssertEqual(dispatcher.dispatch(.char("?"), in: .leads), .action(.help))
        XCTAssertEqual(dispatcher.dispatch(.char(":"), in: .leads), .action(.commandLine))
        XCTAssertEqual(dispatcher.dispatch(.char("q"), in: .leads), .action(.quit))
        XCTAssertEqual(dispatcher.dispatch(.enter, in: .leads), .action(.openDetail))
        XCTAssertEqual(dispatcher.dispatch(.escape, in: .detail), .action(.back))
        XCTAssertEqual(dispatcher.dispatch(.space, in: .leads), .action(.toggleMark))
    }

    func testEmacsKeymapHasChords() {
        let loaded = KeymapLoader(searchDirectories: [TestSupport.keymapsDirectory]).load(preset: "emacs")
        var dispatcher = KeyDispatcher(keymap: loaded.keymap)
        XCTAssertEqual(dispatcher.dispatch(.ctrl("n"), in: .leads), .action(.cursorDown))
        XCTAssertEqual(dispatcher.dispatch(.ctrl("p"), in: .leads), .action(.cursorUp))
        XCTAssertEqual(dispatcher.dispatch(.alt("<"), in: .leads), .action(.cursorTop))
        XCTAssertEqual(dispatcher.dispatch(.alt(">"), in: .leads), .action(.cursorBottom))
        XCTAssertEqual(dispatcher.dispatch(.ctrl("s"), in: .leads), .action(.search))
        XCTAssertEqual(dispatcher.dispatch(.ctrl("g"), in: .detail), .action(.back))
        XCTAssertEqual(dispatcher.dispatch(.ctrl("x"), in: .leads), .pending([.ctrl("x")]))
        XCTAssertEqual(dispatcher.dispatch(.ctrl("c"), in: .leads), .action(.quit))
        XCTAssertEqual(dispatcher.dispatch(.char("j"), in: .leads), .unbound([.char("j")]))
    }

    func testBuiltinDefaultsAreIdenticalToShippedFiles() throws {
        let keys = try String(contentsOfFile: TestSupport.keymapsDirectory + "/default.keys", encoding: .utf8)
        XCTAssertEqual(BuiltinKeymap.defaultKeys + "\n", keys)
        let theme = try String(contentsOfFile: TestSupport.themesDirectory + "/default.theme", encoding: .utf8)
        XCTAssertEqual(BuiltinTheme.defaultTheme + "\n", theme)
    }

    func testEveryShippedThemeLoadsCleanAndDefinesFocus() throws {
        let paths = try files(in: TestSupport.themesDirectory, suffix: ".theme")
        XCTAssertEqual(paths.map { ($0 as NSString).lastPathComponent },
                       ["default.theme", "high-contrast.theme", "light.theme", "mono.theme"])
        for path in paths {
            var parser = ThemeParser()
            XCTAssertTrue(parser.read(path: path))
            XCTAssertEqual(parser.diagnostics.map(\.description), [], path)
            XCTAssertNotEqual(parser.theme.style("list.selected"), parser.theme.style("list"), "\(path): selection visible")
        }
    }

    func testThemeLoaderFindsNamesAndListsThem() {
        let loader = ThemeLoader(searchDirectories: [TestSupport.themesDirectory])
        XCTAssertEqual(loader.availableThemes(), ["default", "high-contrast", "light", "mono"])
        let light = loader.load("light", noColor: false)
        XCTAssertEqual(light.diagnostics, [])
        XCTAssertEqual(light.theme.style("list.selected").background, .indexed(4))
        XCTAssertEqual(light.theme.style("status.customer").foreground, .indexed(2), "inherited from default.theme via include")
        XCTAssertEqual(light.theme.style("title.position").background, light.theme.style("title").background,
                       "the plain position keeps a theme's title colours")
        XCTAssertEqual(light.theme.style("title.position").attributes, [], "without the title's bold")
        let missing = loader.load("nosuch", noColor: false)
        XCTAssertTrue(missing.diagnostics.first?.description.hasPrefix("nosuch: theme not found") == true)
        XCTAssertEqual(missing.theme.style("tabs.active").background, .indexed(6), "built-in default used")
    }
}

final class ResourceAndReferenceTests: XCTestCase {
    func testResourceDirectoriesFindTheCheckoutFromABuiltExecutable() {
        let executable = TestSupport.repoRoot.appendingPathComponent(".build/debug/closer").path
        XCTAssertTrue(ConfigPaths.resourceDirectories("keymaps", executablePath: executable).contains(TestSupport.keymapsDirectory))
        XCTAssertTrue(ConfigPaths.resourceDirectories("themes", executablePath: executable).contains(TestSupport.themesDirectory))
    }

    func testKeyReferenceListsBoundActionsPerContext() {
        let text = KeyReference.text(keymap: KeymapLoader.builtinDefault())
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "Everywhere")
        XCTAssertTrue(lines.contains { $0.hasPrefix("  <C-c>, q") && $0.contains("quit") })
        XCTAssertTrue(lines.contains { $0.hasPrefix("  <Home>, g g") && $0.contains("cursor-top") })
        XCTAssertFalse(text.contains("set-theme"), "unbound actions are left out")
        XCTAssertTrue(KeyReference.text(keymap: KeymapLoader.builtinDefault(), includeUnbound: true).contains("set-theme"))
    }
}

final class UIConfigurationTests: XCTestCase {
    func testLoadsPresetThemeUserKeysAndNoColorInOneCall() throws {
        let config = try TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(at: config.appendingPathComponent("closer"), withIntermediateDirectories: true)
        try TestSupport.write("bind leads X quit\nbind leads j nonsense\n", to: "closer/keys", in: config)
        let loaded = UIConfiguration.load(keymap: "emacs", theme: "mono", environment: ["XDG_CONFIG_HOME": config.path, "NO_COLOR": "1"],
                                          directories: ([TestSupport.keymapsDirectory], [TestSupport.themesDirectory]))
        XCTAssertEqual(loaded.keymap.action(for: [.ctrl("n")], in: .leads), .cursorDown, "emacs preset")
        XCTAssertEqual(loaded.keymap.action(for: [.char("X")], in: .leads), .quit, "user file on top")
        XCTAssertEqual(loaded.diagnostics.map(\.description), [config.path + "/closer/keys:2: unknown action 'nonsense'"])
        XCTAssertTrue(loaded.noColor)
        XCTAssertEqual(loaded.theme.style("list.selected"), Style(attributes: .reverse))
        XCTAssertEqual(loaded.themeLoader.availableThemes().count, 4)
    }

    func testMissingNamesFallBackToBuiltinsWithMessages() {
        let loaded = UIConfiguration.load(keymap: "nope", theme: "/no/such.theme", environment: [:], directories: ([], []))
        XCTAssertEqual(loaded.diagnostics.count, 2)
        XCTAssertEqual(loaded.keymap.action(for: [.char("q")], in: .global), .quit)
        XCTAssertEqual(loaded.theme.style("tabs.active").background, .indexed(6))
    }
}
