#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Every libc call of the `closer` executable, in one place.
enum Platform {
    /// Whether file descriptor `fd` is a terminal.
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// The process's exit with `code` (buffers must be flushed first).
    static func exit(_ code: Int32) -> Never { Foundation.exit(code) }
}
