import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One file's pages in the kernel's page cache: dropped (a cold start for that file only, without
/// root and without emptying the cache of everything else on the machine) and counted.
enum PageCache {
    /// Writes the file's dirty pages back and drops all of its pages from the page cache (pages a
    /// running process has mapped stay); false when the file cannot be opened or the kernel refuses.
    @discardableResult
    static func drop(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        _ = fsync(descriptor)
        return posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_DONTNEED)) == 0
    }

    /// Bytes of the file now in the page cache (`mincore` over a mapping that touches no page).
    static func residentBytes(_ path: String) -> Int? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let size = Int(status.st_size)
        guard size > 0 else { return 0 }
        guard let mapping = mmap(nil, size, PROT_READ, MAP_SHARED, descriptor, 0),
              mapping != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        defer { munmap(mapping, size) }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        var pages = [UInt8](repeating: 0, count: (size + page - 1) / page)
        guard mincore(mapping, size, &pages) == 0 else { return nil }
        return pages.reduce(0) { $0 + Int($1 & 1) } * page
    }
}
