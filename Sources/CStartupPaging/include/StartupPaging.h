#ifndef CLOSER_STARTUP_PAGING_H
#define CLOSER_STARTUP_PAGING_H

/// Nothing to call: release `closer` on Linux runs a constructor (StartupPaging.c) that tells the
/// kernel how to page the executable in. The target exists so the constructor is linked into
/// `closer` only.

#endif
