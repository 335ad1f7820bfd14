import Foundation
import Store

/// The calendar's recent slot reads (hour slots of a day, the days of a month grid), by their
/// exact query, kept only while the calendar's data are unchanged: any change of an appointment,
/// of the name, e-mail or phone of a lead with appointments, or of an appointment's outbox entry,
/// by this connection or another (the sync worker's), moves `LeadStore.calendarDataVersion` and
/// forgets the reads whose time range the change reaches (`calendarChangedRanges`: a pulled
/// appointment on another day keeps the week shown); commits that change none of those (most of
/// a sync's) keep everything. Going back to a week
/// or month, or cycling views on the same day, draws from memory; what it returns is always what
/// the store would return now.
public final class CalendarSlotCache: @unchecked Sendable {
    /// Off: every read goes to the store (`closer-bench ui --no-calendar-cache` measures that).
    nonisolated(unsafe) public static var isEnabled = true

    /// One `LeadStore.calendarSlots` call.
    struct Key: Hashable {
        let boundaries: [Int64]
        let filter: CalendarFilter
        let perSlot: Int
        let windowSlot: Int?
        let windowFirst: Int

        /// The key of a read; a window from place 0 reads what no window reads (one key for both).
        init(_ boundaries: [Int64], _ filter: CalendarFilter, _ perSlot: Int, _ window: CalendarSlotWindow?) {
            self.boundaries = boundaries
            self.filter = filter
            self.perSlot = perSlot
            let window = window.flatMap { $0.first == 0 ? nil : $0 }
            windowSlot = window?.slot
            windowFirst = window?.first ?? 0
        }
    }

    /// Reads kept (a few weeks of day columns and month grids; each is small).
    static let capacity = 64

    private let lock = NSLock()
    private var version: Int?
    private var slots: [Key: [CalendarSlot]] = [:]
    /// Keys, least recently used first.
    private var order: [Key] = []
    /// Reads answered from memory (tests prove the cache is used with it).
    private(set) var hits = 0
    /// Reads kept across a change of the calendar's data elsewhere (tests count them).
    private(set) var kept = 0
    /// Reads that went to the store (tests count them).
    private(set) var reads = 0
    /// Grows each time the cache is emptied (what was read ahead is gone then).
    private(set) var generation = 0

    /// `store.calendarSlots(…)`, from memory when the same read was made since the file last changed.
    func slots(_ store: LeadStore, boundaries: [Int64], filter: CalendarFilter, perSlot: Int,
               window: CalendarSlotWindow?) throws -> [CalendarSlot] {
        let key = Key(boundaries, filter, perSlot, window)
        guard Self.isEnabled else { return try store.calendarSlots(boundaries: boundaries, filter: filter, perSlot: perSlot, window: window) }
        let now = try catchUp(with: store)
        lock.lock()
        if let hit = hitLocked(key) {
            lock.unlock()
            return hit
        }
        reads += 1
        lock.unlock()
        let read = try store.calendarSlots(boundaries: boundaries, filter: filter, perSlot: perSlot, window: window)
        lock.lock()
        defer { lock.unlock() }
        if version.map({ $0 == now }) ?? true { keepLocked(key, read) }
        return read
    }

    /// The day columns of a week (`store.calendarSlots(runs:…)`): each run is kept on its own
    /// (the same key as a `slots` call for it), and the runs not in memory are read together.
    func slots(_ store: LeadStore, runs: [[Int64]], filter: CalendarFilter, perSlot: Int,
               windows: [CalendarSlotWindow?]) throws -> [[CalendarSlot]] {
        guard Self.isEnabled else { return try store.calendarSlots(runs: runs, filter: filter, perSlot: perSlot, windows: windows) }
        let keys = runs.indices.map { index -> Key in
            Key(runs[index], filter, perSlot, windows.indices.contains(index) ? windows[index] : nil)
        }
        let now = try catchUp(with: store)
        lock.lock()
        var found: [[CalendarSlot]?] = keys.map(hitLocked)
        let missing = found.indices.filter { found[$0] == nil }
        if !missing.isEmpty { reads += 1 }
        lock.unlock()
        guard !missing.isEmpty else { return found.map { $0 ?? [] } }
        let read = try store.calendarSlots(runs: missing.map { runs[$0] }, filter: filter, perSlot: perSlot,
                                           windows: missing.map { windows.indices.contains($0) ? windows[$0] : nil })
        lock.lock()
        defer { lock.unlock() }
        let keep = version.map { $0 == now } ?? true
        for (index, slotsRead) in zip(missing, read) {
            found[index] = slotsRead
            if keep { keepLocked(keys[index], slotsRead) }
        }
        return found.map { $0 ?? [] }
    }

    /// Whether that read is in memory for the data as last seen (no query: `noteChanges` first).
    func contains(boundaries: [Int64], filter: CalendarFilter, perSlot: Int, window: CalendarSlotWindow?) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return slots[Key(boundaries, filter, perSlot, window)] != nil
    }

    /// Forgets the reads the calendar's data changes since the last read may have changed (a few
    /// µs); true if the data version moved.
    @discardableResult
    func noteChanges(in store: LeadStore) -> Bool {
        guard Self.isEnabled else { return false }
        lock.lock()
        let before = version
        lock.unlock()
        guard let now = try? catchUp(with: store) else { return false }
        return before != nil && before != now
    }

    /// Brings the cache to the store's data version: the reads whose range a change since reaches
    /// (`LeadStore.calendarChangedRanges`) are forgotten, the rest kept; all when the log has a gap.
    /// Returns the version.
    private func catchUp(with store: LeadStore) throws -> Int {
        let now = try store.calendarDataVersion()
        lock.lock()
        let seen = version
        lock.unlock()
        guard let seen, seen != now else {
            lock.lock()
            if version == nil { version = now }
            lock.unlock()
            return now
        }
        let ranges = (try? store.calendarChangedRanges(since: seen)) ?? nil
        lock.lock()
        defer { lock.unlock() }
        guard version == seen else { return now }  // another caller caught up meanwhile
        if let ranges {
            let stale = slots.keys.filter { key in
                guard let first = key.boundaries.first, let last = key.boundaries.last else { return false }
                return ranges.contains { first <= $0.upperBound && last > $0.lowerBound }
            }
            for key in stale { slots[key] = nil }
            order.removeAll { slots[$0] == nil }
            generation += 1  // what was read ahead may be gone: look again
            kept += slots.count
        } else {
            forgetLocked()
        }
        version = now
        return now
    }

    /// The kept read of `key`, now the most recently used (lock held).
    private func hitLocked(_ key: Key) -> [CalendarSlot]? {
        guard let hit = slots[key] else { return nil }
        hits += 1
        if let index = order.firstIndex(of: key) { order.remove(at: index) }
        order.append(key)
        return hit
    }

    /// Keeps `read` under `key` unless a read of it is kept already, dropping the least recently
    /// used past `capacity` (lock held).
    private func keepLocked(_ key: Key, _ read: [CalendarSlot]) {
        guard slots[key] == nil else { return }
        slots[key] = read
        order.append(key)
        if order.count > Self.capacity { slots[order.removeFirst()] = nil }
    }

    /// Drops every kept read.
    func forget() {
        lock.lock()
        defer { lock.unlock() }
        forgetLocked()
    }

    private func forgetLocked() {
        generation += 1
        slots.removeAll(keepingCapacity: true)
        order.removeAll(keepingCapacity: true)
    }
}
