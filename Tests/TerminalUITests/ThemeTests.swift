import XCTest
@testable import TerminalUI

final class ThemeTests: XCTestCase {
    private func parse(_ text: String, noColor: Bool = false) -> ThemeParser {
        var parser = ThemeParser(theme: Theme(colorsEnabled: !noColor))
        parser.read(text: text, name: "t.theme")
        return parser
    }

    func testColourNamesNumbersAndHex() {
        XCTAssertEqual(Color(parsing: "red"), .indexed(1))
        XCTAssertEqual(Color(parsing: "White"), .indexed(7))
        XCTAssertEqual(Color(parsing: "brightred"), .indexed(9))
        XCTAssertEqual(Color(parsing: "bright-blue"), .indexed(12))
        XCTAssertEqual(Color(parsing: "default"), .default)
        XCTAssertEqual(Color(parsing: "0"), .indexed(0))
        XCTAssertEqual(Color(parsing: "255"), .indexed(255))
        XCTAssertEqual(Color(parsing: "#ff8000"), .rgb(255, 128, 0))
        XCTAssertNil(Color(parsing: "256"))
        XCTAssertNil(Color(parsing: "#ff80"))
        XCTAssertNil(Color(parsing: "purple"))
    }

    func testRgbFallsBackToNearest256AndEightColours() {
        XCTAssertEqual(Color.rgb(255, 0, 0).approximated(for: .indexed256), .indexed(196))
        XCTAssertEqual(Color.rgb(0, 0, 0).approximated(for: .indexed256), .indexed(16))
        XCTAssertEqual(Color.rgb(128, 128, 128).approximated(for: .indexed256), .indexed(244), "greys use the grey ramp")
        XCTAssertEqual(Color.rgb(0x87, 0xaf, 0xd7).approximated(for: .indexed256), .indexed(110))
        XCTAssertEqual(Color.rgb(200, 30, 30).approximated(for: .basic8), .indexed(1))
        XCTAssertEqual(Color.rgb(20, 20, 160).approximated(for: .basic8), .indexed(4))
        XCTAssertEqual(Color.rgb(240, 240, 240).approximated(for: .basic8), .indexed(7))
        XCTAssertEqual(Color.rgb(10, 10, 10).approximated(for: .basic8), .indexed(0))
        XCTAssertEqual(Color.indexed(196).approximated(for: .basic8), .indexed(1), "cube reds become red")
        XCTAssertEqual(Color.indexed(11).approximated(for: .basic8), .indexed(3), "bright yellow becomes yellow")
        XCTAssertEqual(Color.rgb(1, 2, 3).approximated(for: .direct), .rgb(1, 2, 3))
        XCTAssertEqual(Color.indexed(3).approximated(for: .none), .default)
        XCTAssertEqual(ColorDepth(colors: 256, direct: false), .indexed256)
        XCTAssertEqual(ColorDepth(colors: 0x1000000, direct: true), .direct)
        XCTAssertEqual(ColorDepth(colors: 8, direct: false), .basic8)
        XCTAssertEqual(ColorDepth(colors: 2, direct: false), .none)
    }

    func testChildWithoutEntryInheritsParentAndUndefinedFallsToRoot() {
        let parser = parse("""
        color normal white black
        color list green default bold
        color status blue default
        """)
        XCTAssertEqual(parser.diagnostics, [])
        let theme = parser.theme
        XCTAssertEqual(theme.style("list.selected"), Style(foreground: .indexed(2), background: .default, attributes: .bold))
        XCTAssertEqual(theme.style("status.prospect").foreground, .indexed(4))
        XCTAssertEqual(theme.style("detail.label"), Style(foreground: .indexed(7), background: .indexed(0)))
        XCTAssertEqual(theme.style(for: .customer).foreground, .indexed(4))
    }

    func testInheritKeywordTakesParentColour() {
        let theme = parse("""
        color statusbar black cyan
        color statusbar.pending inherit inherit bold
        color statusbar.error white inherit
        """).theme
        XCTAssertEqual(theme.style("statusbar.pending"), Style(foreground: .indexed(0), background: .indexed(6), attributes: .bold))
        XCTAssertEqual(theme.style("statusbar.error"), Style(foreground: .indexed(7), background: .indexed(6)))
    }

    func testBadThemeLinesAreReportedAndRestLoads() {
        let parser = parse("""
        color list red
        color lst red default
        color list purple default
        color list red 300
        color list red default blink
        paint list red default
        color list.selected black cyan reverse underline
        """)
        XCTAssertEqual(parser.diagnostics.map(\.description), [
            "t.theme:1: color needs ELEMENT FG BG [ATTRIBUTES], e.g. 'color list.selected black cyan bold'",
            "t.theme:2: unknown element 'lst' (did you mean 'list'?)",
            "t.theme:3: unknown colour 'purple' (expected a name, default, inherit, 0-255 or #rrggbb)",
            "t.theme:4: unknown colour '300' (expected a name, default, inherit, 0-255 or #rrggbb)",
            "t.theme:5: unknown attribute 'blink' (expected bold, underline, reverse, dim, italic)",
            "t.theme:6: unknown command 'paint' (expected color or include)",
        ])
        XCTAssertEqual(parser.theme.style("list.selected").attributes, [.reverse, .underline])
    }

    func testHexColourIsNotTakenForAComment() {
        let theme = parse("color list #ff0000 default # a real comment").theme
        XCTAssertEqual(theme.style("list").foreground, .rgb(255, 0, 0))
    }

    func testNoColorKeepsAttributesAndMakesFocusReverse() {
        let text = """
        color list green default bold
        color list.selected black cyan
        color statusbar black cyan
        """
        let theme = parse(text, noColor: true).theme
        XCTAssertEqual(theme.style("list"), Style(attributes: .bold))
        XCTAssertEqual(theme.style("list.selected"), Style(attributes: .reverse), "focus still visible")
        XCTAssertEqual(theme.style("status.customer"), Style(), "no colour anywhere")
        XCTAssertTrue(ThemeLoader.noColorRequested(environment: ["NO_COLOR": "1"]))
        XCTAssertFalse(ThemeLoader.noColorRequested(environment: ["NO_COLOR": ""]))
        XCTAssertFalse(ThemeLoader.noColorRequested(environment: [:]))
    }

    func testEveryElementHasAParentChainToRoot() {
        for element in ThemeElement.all {
            var current: String? = element
            var steps = 0
            while let name = current, steps < 10 {
                if name != ThemeElement.root { XCTAssertTrue(ThemeElement.all.contains(ThemeElement.parent(of: name)!), name) }
                current = ThemeElement.parent(of: name)
                steps += 1
            }
            XCTAssertNil(current, element)
        }
        XCTAssertEqual(ThemeElement.parent(of: "status.prospect"), "status")
        XCTAssertEqual(ThemeElement.parent(of: "list"), "normal")
    }
}

/// Issue 12 item 8: on a terminal without colour every theme still marks focus.
final class MonochromeTerminalTests: XCTestCase {
    func testEveryShippedThemeMarksFocusInReverseOnATerminalWithoutColour() throws {
        let directories = (keymaps: [TestSupport.keymapsDirectory], themes: [TestSupport.themesDirectory])
        for name in ["default", "light", "mono", "high-contrast"] {
            let configuration = UIConfiguration.load(theme: name, environment: [:], executablePath: "/nonexistent", directories: directories)
            let vt100 = configuration.adapted(to: .none)
            XCTAssertTrue(vt100.noColor, name)
            for element in ["prompt.selected", "list.selected", "form.focused", "help.selected", "command.selected", "tabs.active"] {
                XCTAssertTrue(vt100.theme.style(element).attributes.contains(.reverse), "\(name): \(element) in reverse")
            }
            XCTAssertEqual(configuration.adapted(to: .basic8).theme.style("prompt.selected"), configuration.theme.style("prompt.selected"),
                           "colour terminals keep the theme")
        }
    }
}
