import Store

/// The content hash the worker keeps for a lead link: `LIST/DETAIL`, where LIST hashes the fields
/// of a list row and DETAIL the detail-only fields (or `-` when never fetched). A list scan compares
/// only the LIST part, so a lead whose detail was fetched still reads "unchanged" on the next scan.
public enum LeadHash {
    /// `LIST/-`.
    public static func listHash(_ listFields: [String: String]) -> String {
        ContentHash.of(listFields) + "/-"
    }

    /// `LIST/DETAIL` from a detail's fields.
    public static func combined(listFields: [String: String], allFields: [String: String], detailKeys: [String]) -> String {
        var detail: [String: String] = [:]
        for key in detailKeys { detail[key] = allFields[key] ?? "" }
        return ContentHash.of(listFields) + "/" + ContentHash.of(detail)
    }

    /// Whether a stored hash has the same LIST part as a scanned list row's hash.
    public static func sameList(_ stored: String, _ scanned: String) -> Bool {
        listPart(stored) == listPart(scanned)
    }

    /// The part before the first "/" (all of `hash` without one); no array built.
    static func listPart(_ hash: String) -> Substring {
        guard let slash = hash.utf8.firstIndex(of: UInt8(ascii: "/")) else { return hash[...] }
        return hash[..<slash]
    }
}
