import Store

/// The LIST part (`LeadHash`) of every lead link's stored hash at one provider, as read when a list
/// scan starts, in 16 bytes a lead: a 64-bit FNV-1a of the remote id and one of the LIST part,
/// sorted for binary search. An unchanged row of a re-scan then costs two small hashes and a
/// search: no query, no string (issue 8 §3; the per-page indexed lookups were a third of a
/// re-scan's CPU). Remote ids whose key another link shares are left out, so a match always
/// speaks of that very link; rows that do not match take the careful path (`changedLead`, which
/// reads the link), so the index only ever saves work. It also knows which remote ids no link
/// held at the start of the scan (`isUnlinked`), so a first pull's new rows need no link query.
struct LeadHashIndex {
    /// (key, value) sorted by key; duplicate keys removed.
    private var entries: [(key: UInt64, value: UInt64)] = []
    /// Keys two or more links shared (left out of `entries`).
    private var shared = Set<UInt64>()
    /// Keys of remote ids applied during the scan that `entries` does not hold (new leads).
    private var added = Set<UInt64>()

    /// Reads every lead link of `provider` (one pass over the links).
    init(store: LeadStore, provider: String) throws {
        var found: [(key: UInt64, value: UInt64)] = []
        try store.forEachLinkHash(provider: provider, kind: .lead) { remoteId, hash in
            found.append((Self.fnv(remoteId), Self.fnv(Self.listPart(hash))))
        }
        found.sort { $0.key < $1.key }
        // A key two remote ids share is left out (compacted in place: no second array).
        var kept = 0
        var index = 0
        while index < found.count {
            var end = index + 1
            while end < found.count && found[end].key == found[index].key { end += 1 }
            if end == index + 1 {
                found[kept] = found[index]
                kept += 1
            } else {
                shared.insert(found[index].key)
            }
            index = end
        }
        found.removeLast(found.count - kept)
        entries = found
    }

    /// Whether the link of `remoteId` had `listHash`'s LIST part when the scan started (or when
    /// `update` last recorded it).
    func matches(remoteId: String, listHash: String) -> Bool {
        guard let slot = slot(of: remoteId) else { return false }
        return entries[slot].value == Self.fnv(listHash)
    }

    /// Records the hash a row was just applied with (a lead seen again later in the same scan,
    /// after shifting pages, is compared with what is stored now).
    mutating func update(remoteId: String, listHash: String) {
        guard let slot = slot(of: remoteId) else {
            added.insert(Self.key(of: remoteId))
            return
        }
        entries[slot].value = Self.fnv(listHash)
    }

    /// Whether no lead link held `remoteId` when the scan started and the scan has not applied
    /// it since: its key is in no link's entry, not one several links shared, not one `update`
    /// recorded. A 64-bit key another remote id happens to share answers false (the careful
    /// path), never a wrong true: an id some link holds always has its key in one of the three.
    /// A link made meanwhile by another writer is still found where the row is applied
    /// (`DetailFetcher.apply` reads the link in its transaction).
    func isUnlinked(remoteId: String) -> Bool {
        let key = Self.key(of: remoteId)
        return slot(ofKey: key) == nil && !shared.contains(key) && !added.contains(key)
    }

    /// Links held.
    var count: Int { entries.count }

    private func slot(of remoteId: String) -> Int? { slot(ofKey: Self.key(of: remoteId)) }

    /// FNV-1a 64 of a remote id's bytes (the whole id: ids hold no "/").
    private static func key(of remoteId: String) -> UInt64 {
        var remoteId = remoteId
        return remoteId.withUTF8 { fnv($0) }
    }

    private func slot(ofKey key: UInt64) -> Int? {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low < entries.count && entries[low].key == key ? low : nil
    }

    /// FNV-1a 64 of `hash`'s LIST part (the bytes before the first "/").
    private static func fnv(_ hash: String) -> UInt64 {
        var hash = hash
        return hash.withUTF8 { fnv(listPart($0)) }
    }

    private static func listPart(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else { return bytes }
        return UnsafeBufferPointer(rebasing: bytes[..<slash])
    }

    private static func fnv(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
