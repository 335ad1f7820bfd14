/// The owner an import gives to rows that name none: the current user (the primary remote's
/// configured `username`, else `$USER`), or the whole-file `--owner NAME`.
public struct LeadCSVOwnerDefault: Sendable, Equatable {
    /// The username.
    public var name: String
    /// Given with `--owner` (it then also fills blank cells of an owner column).
    public var isExplicit: Bool
    /// Where the name came from, for the summary ("default", "--owner").
    public var origin: String

    /// A default owner.
    public init(name: String, isExplicit: Bool, origin: String) {
        self.name = name
        self.isExplicit = isExplicit
        self.origin = origin
    }
}

extension LeadCSVMapper {
    /// The raw owner cell of a record, or nil when the header has no owner column.
    public func ownerCell(of record: CSVRecord) -> String? {
        guard hasOwnerColumn else { return nil }
        for (slot, value) in zip(slots, record.fields) where slot == .column(.owner) { return value }
        return nil
    }
}
