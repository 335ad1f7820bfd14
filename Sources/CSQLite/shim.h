#include <sqlite3.h>

/// Turns off SQLite's memory statistics (sync cost: every SQLite allocation otherwise takes a
/// global mutex to count itself; Closer reads no memory statistics and sets no soft heap limit).
/// Effective only before the library initialises, i.e. before the first connection opens;
/// later calls return SQLITE_MISUSE and change nothing. (`sqlite3_config` is variadic: Swift
/// cannot call it directly.)
static inline int closer_sqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
