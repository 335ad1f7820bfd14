import Foundation
import XCTest
@testable import CursesBackend

extension CursesTerminal {
    /// An xterm-256color terminal over /dev/null (no input, output thrown away): for tests of
    /// what the window holds.
    static func overDevNull() throws -> CursesTerminal {
        let input = try XCTUnwrap(fopen("/dev/null", "r"))
        let output = try XCTUnwrap(fopen("/dev/null", "w"))
        return try CursesTerminal(term: "xterm-256color", input: input, output: output, ownsFiles: [input, output],
                                  options: CursesTerminal.Options())
    }
}
