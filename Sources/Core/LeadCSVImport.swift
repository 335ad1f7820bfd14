import Foundation

/// A whole lead CSV file read and validated: the good rows as leads and every bad row's
/// problems. Rows whose cells are all blank are skipped.
public struct LeadCSVImport: Sendable {
    /// A valid row and the line it starts on.
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var lead: Lead
        /// Whether the owner came from the import's default rather than the row.
        public var ownerDefaulted: Bool = false
    }

    public var rows: [Row]
    public var rowErrors: [LeadCSVRowError]

    /// Every problem as `FILE:LINE: field: message`, in file order.
    public func report(file: String) -> [String] {
        rowErrors.flatMap { $0.report(file: file) }
    }

    /// How many imported rows got the default owner.
    public var defaultedOwnerCount: Int { rows.lazy.filter(\.ownerDefaulted).count }

    /// Reads `data` (the file's bytes). Throws for problems with the file as a whole: empty,
    /// not CSV (unterminated quote...), not UTF-8, or a header without the required columns.
    /// `ownerDefault` is the owner of rows without one (a file with no owner column).
    public static func read(_ data: Data, now: Date = Date(),
                            ownerDefault: LeadCSVOwnerDefault? = nil) throws(LeadCSVFileError) -> LeadCSVImport {
        var reader = CSVReader(data: data)
        guard let header = try next(&reader) else { throw .empty }
        let mapper: LeadCSVMapper
        do {
            mapper = try LeadCSVMapper(header: header.fields, ownerDefault: ownerDefault)
        } catch {
            throw .header(line: header.line, error)
        }
        var result = LeadCSVImport(rows: [], rowErrors: [])
        while let record = try next(&reader) {
            if record.fields.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { continue }
            switch mapper.lead(from: record, now: now) {
            case .success(let lead):
                let defaulted = mapper.takesDefaultOwner(cell: mapper.ownerCell(of: record))
                result.rows.append(Row(line: record.line, lead: lead, ownerDefaulted: defaulted))
            case .failure(let problem): result.rowErrors.append(problem)
            }
        }
        return result
    }

    private static func next(_ reader: inout CSVReader) throws(LeadCSVFileError) -> CSVRecord? {
        do {
            return try reader.next()
        } catch {
            throw .syntax(error)
        }
    }
}

/// A lead CSV file that cannot be imported at all.
public enum LeadCSVFileError: Error, Sendable, Equatable {
    /// No header line (empty file, or only blank lines).
    case empty
    /// The CSV itself is broken at a line.
    case syntax(CSVError)
    /// The header lacks required columns or repeats one.
    case header(line: Int, LeadCSVHeaderError)

    /// The header has no owner column (an import then needs a default owner).
    public var lacksOwnerColumn: Bool {
        if case .header(_, let error) = self { return error.missing.contains(.owner) }
        return false
    }

    /// `FILE:LINE: message` (or `FILE: message`) for the user.
    public func report(file: String) -> String {
        switch self {
        case .empty: return "\(file): the file is empty (expected a header line: \(LeadCSVMapper.exportHeader.joined(separator: ",")))"
        case .syntax(let error): return "\(file):\(error.line): \(error.message)"
        case .header(let line, let error): return "\(file):\(line): \(error)"
        }
    }
}
