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

    /// Caps glibc's malloc at two arenas (its default is eight per core): the sync worker's
    /// threads (HTTP exchanges, detail batches, the UI) otherwise each grow an arena of their own,
    /// which cost a 100k-lead first pull ~8 MB of peak RSS and some CPU (sync cost, issue 8 §3).
    /// Call before other threads start.
    static func limitMallocArenas() {
        #if canImport(Glibc)
        _ = glibcMallopt(-8 /* M_ARENA_MAX */, 2)
        #endif
    }

    /// The value of environment variable `name`, nil when unset or empty. Reads `getenv`, not
    /// `ProcessInfo`: building the environment dictionary is itself start-up work.
    static func environmentValue(_ name: String) -> String? {
        guard let value = getenv(name), value.pointee != 0 else { return nil }
        return String(cString: value)
    }

    /// The process's exit with `code` (buffers must be flushed first).
    static func exit(_ code: Int32) -> Never { Foundation.exit(code) }
}

#if canImport(Glibc)
/// glibc's `mallopt` (malloc.h is not part of Swift's Glibc module).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
