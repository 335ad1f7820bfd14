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
    ///
    /// Freed memory stays with malloc up to 8 MiB above the heap's top (`M_TRIM_THRESHOLD`; glibc
    /// gives back all but 128 KiB, so the next request's buffers fault fresh zeroed pages in
    /// again: ~3 page faults per HTTP exchange of a first pull). The peak RSS is unchanged: that
    /// memory was resident at the peak already.
    static func limitMallocArenas() {
        #if canImport(Glibc)
        _ = glibcMallopt(-8 /* M_ARENA_MAX */, 2)
        _ = glibcMallopt(-1 /* M_TRIM_THRESHOLD */, 8 << 20)
        #endif
    }

    /// The process's exit with `code` (buffers must be flushed first).
    static func exit(_ code: Int32) -> Never { Foundation.exit(code) }
}

#if canImport(Glibc)
/// glibc's `mallopt` (malloc.h is not part of Swift's Glibc module).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
