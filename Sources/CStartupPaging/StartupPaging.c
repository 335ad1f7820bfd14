// Paging advice for the executable's own file, given before the Swift runtime and Foundation run
// their initializers (constructor priority 101 runs before the default 65535 ones).
//
// Why: a fault on a page of the executable that is not in the page cache makes Linux read around
// it — read_ahead_kb of the disk, 8 MB on the machine this was measured on, forward from the fault
// for code — so a cold start read ~37 MB of the 92 MB binary for ~1 MB of code and data it runs.
// Sources/closer/Linker/closer-layout.ld puts what the loader and a start touch at the front of the file; after
// that, MADV_HUGEPAGE + MADV_RANDOM make each later fault read only the 2 MB block it falls in
// (ICU's 34 MB of data, cold code), not 8 MB. Advice only: nothing changes if the kernel ignores it.
//
// Compiled in only for Linux release builds (CLOSER_STARTUP_PAGING, Package.swift).

#include "StartupPaging.h"

#if defined(CLOSER_STARTUP_PAGING) && defined(__linux__)
#define _GNU_SOURCE
#include <link.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>

/// Advises every file-backed segment of the executable (the first object, without a name).
static int closer_advise_executable(struct dl_phdr_info *info, size_t size, void *unused) {
    (void)size;
    (void)unused;
    if (info->dlpi_name != NULL && info->dlpi_name[0] != '\0') return 0;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
        if (segment->p_type != PT_LOAD || segment->p_filesz == 0) continue;
        uintptr_t start = (info->dlpi_addr + segment->p_vaddr) & ~(uintptr_t)4095;
        uintptr_t end = (info->dlpi_addr + segment->p_vaddr + segment->p_filesz + 4095) & ~(uintptr_t)4095;
        // Not on the writable segments: there the hint would let khugepaged turn written pages
        // into 2 MB anonymous ones; they sit in the first window the loader reads anyway.
        if (!(segment->p_flags & PF_W)) (void)madvise((void *)start, end - start, MADV_HUGEPAGE);
        (void)madvise((void *)start, end - start, MADV_RANDOM);
    }
    return 1;
}

/// Runs before the runtime's initializers (priority 101): advises the executable's segments.
__attribute__((constructor(101))) static void closer_advise_startup_paging(void) {
    dl_iterate_phdr(closer_advise_executable, NULL);
}
#endif
