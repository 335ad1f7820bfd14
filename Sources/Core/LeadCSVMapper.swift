import Foundation

/// Turns CSV records into leads (validated with seed 001's `LeadRules`) and leads into CSV
/// records. The export header is `LeadCSVColumn.allCases`, which the import reads back, so
/// export → import is lossless: text is written as is (quotes, commas, newlines, any Unicode),
/// times as ISO 8601 UTC, metadata as one JSON column.
///
/// Import rules: unknown columns become metadata keys (named by their header; empty cells are
/// skipped, and they win over the same key in a `metadata` column); status and source are
/// matched case-insensitively after trimming, empty status means "prospect"; empty `created_at`
/// means the import time and empty `updated_at` the creation time. Other text is kept exactly.
public struct LeadCSVMapper: Sendable {
    /// What one position of a record holds.
    public enum Slot: Sendable, Equatable {
        case column(LeadCSVColumn)
        /// An unknown header: a metadata key.
        case extra(String)
    }

    /// The export header, also the preferred import header.
    public static let exportHeader: [String] = LeadCSVColumn.allCases.map(\.rawValue)

    /// One slot per header position.
    public let slots: [Slot]
    /// The owner given to rows that have none (see `LeadCSVOwnerDefault`); nil: the owner column is required.
    public let ownerDefault: LeadCSVOwnerDefault?
    /// Whether the header has an owner column.
    public let hasOwnerColumn: Bool

    /// Maps a header row; throws when required columns are missing or a column appears twice.
    /// With an `ownerDefault`, the owner column is optional: rows of a file without one get it.
    public init(header: [String], ownerDefault: LeadCSVOwnerDefault? = nil) throws(LeadCSVHeaderError) {
        var slots: [Slot] = []
        var seen: [LeadCSVColumn: String] = [:]
        var duplicates: [String] = []
        for (index, name) in header.enumerated() {
            if let column = LeadCSVColumn(header: name) {
                if let first = seen[column] {
                    duplicates.append("'\(first)' and '\(name)' both mean \(column.rawValue)")
                }
                seen[column] = seen[column] ?? name
                slots.append(.column(column))
            } else {
                let key = name.trimmingCharacters(in: .whitespaces)
                slots.append(.extra(key.isEmpty ? "column_\(index + 1)" : key))
            }
        }
        let missing = LeadCSVColumn.required.filter { seen[$0] == nil && !($0 == .owner && ownerDefault != nil) }
        guard missing.isEmpty, duplicates.isEmpty else {
            throw LeadCSVHeaderError(missing: missing, duplicates: duplicates)
        }
        self.slots = slots
        self.ownerDefault = ownerDefault
        hasOwnerColumn = seen[.owner] != nil
    }

    /// Whether a row with this owner cell (nil: no owner column) gets the default owner: always
    /// without a column; for an empty cell only when the default was given explicitly (`--owner`),
    /// so a blank cell in an owner column is still reported as today unless the user chose a fill.
    public func takesDefaultOwner(cell: String?) -> Bool {
        guard let ownerDefault else { return false }
        guard let cell else { return true }
        return ownerDefault.isExplicit && cell.allSatisfy(\.isWhitespace)
    }

    /// The lead in `record`, or the problems with it (field names are the CSV column names).
    /// `now` is the creation time for rows without `created_at`.
    public func lead(from record: CSVRecord, now: Date) -> Result<Lead, LeadCSVRowError> {
        var errors = ValidationErrors()
        guard record.fields.count == slots.count else {
            errors.add("row", "Expected \(slots.count) fields (one per header column), found \(record.fields.count).")
            return .failure(LeadCSVRowError(line: record.line, errors: errors))
        }
        var values: [LeadCSVColumn: String] = [:]
        var extras: [String: String] = [:]
        for (slot, value) in zip(slots, record.fields) {
            switch slot {
            case .column(let column): values[column] = value
            case .extra(let key): if !value.isEmpty { extras[key] = value }
            }
        }
        if let ownerDefault, takesDefaultOwner(cell: values[.owner]) { values[.owner] = ownerDefault.name }

        var form: [String: String] = [:]
        for column in LeadCSVColumn.allCases {
            guard let field = column.field, let value = values[column] else { continue }
            form[field.rawValue] = value
        }
        for field in [LeadField.status, .source] {
            guard let raw = form[field.rawValue] else { continue }
            let folded = raw.trimmingCharacters(in: .whitespaces).lowercased()
            let known = field == .status ? LeadStatus(rawValue: folded) != nil : LeadSource(rawValue: folded) != nil
            form[field.rawValue] = known || folded.isEmpty ? folded : raw
        }
        let ruleErrors = LeadRules.validateCreate(form)  // seed 001 create-lead rules and messages
        for field in ruleErrors.fieldOrder {
            let name = field == LeadField.owner.rawValue ? LeadCSVColumn.owner.rawValue : field
            for message in ruleErrors[field] { errors.add(name, message) }
        }

        let created = Self.parseTime(values[.createdAt], column: .createdAt, into: &errors)
        let updated = Self.parseTime(values[.updatedAt], column: .updatedAt, into: &errors)
        var metadata: [String: String] = [:]
        if let cell = values[.metadata] {
            if let decoded = LeadCSVMetadata.decode(cell) {
                metadata = decoded
            } else {
                errors.add(LeadCSVColumn.metadata.rawValue, LeadCSVMetadata.invalidMessage)
            }
        }
        metadata.merge(extras) { _, extra in extra }
        guard errors.isEmpty else { return .failure(LeadCSVRowError(line: record.line, errors: errors)) }

        var lead = Lead(
            firstName: "", lastName: "", email: "", phone: "", owner: "",
            createdAt: created ?? now, updatedAt: updated ?? created ?? now, metadata: metadata)
        for field in LeadField.allCases {
            let value = form[field.rawValue] ?? ""
            if field == .status, value.isEmpty { continue }  // default: prospect
            lead.set(field, to: value)
        }
        return .success(lead)
    }

    /// The export record of a lead, in `exportHeader` order.
    public static func exportFields(_ lead: Lead) -> [String] {
        LeadCSVColumn.allCases.map { column in
            switch column {
            case .createdAt: return LeadCSVTime.format(lead.createdAt)
            case .updatedAt: return LeadCSVTime.format(lead.updatedAt)
            case .metadata: return LeadCSVMetadata.encode(lead.metadata)
            default: return column.field.map { lead.value(of: $0) } ?? ""
            }
        }
    }

    /// A time cell: nil when empty (the caller picks the default), an error when unreadable.
    private static func parseTime(
        _ cell: String?, column: LeadCSVColumn, into errors: inout ValidationErrors
    ) -> Date? {
        guard let cell, !cell.allSatisfy(\.isWhitespace) else { return nil }
        guard let date = LeadCSVTime.parse(cell) else {
            errors.add(column.rawValue, VendorMessages.invalidDateFormat)
            return nil
        }
        return date
    }
}

/// A header that cannot be imported: required columns missing or one column given twice.
public struct LeadCSVHeaderError: Error, Sendable, Equatable, CustomStringConvertible {
    public var missing: [LeadCSVColumn]
    public var duplicates: [String]

    /// One sentence naming every problem.
    public var description: String {
        var parts: [String] = []
        if !missing.isEmpty {
            parts.append("missing required column\(missing.count == 1 ? "" : "s") "
                + missing.map(\.rawValue).joined(separator: ", "))
        }
        if !duplicates.isEmpty { parts.append("duplicate columns: " + duplicates.joined(separator: "; ")) }
        return "header: " + parts.joined(separator: "; ")
            + " (expected columns: " + LeadCSVMapper.exportHeader.joined(separator: ",") + ")"
    }
}

/// The problems with one CSV row, reported as `FILE:LINE: field: message`, one per message.
public struct LeadCSVRowError: Error, Sendable, Equatable {
    public var line: Int
    public var errors: ValidationErrors

    /// The report lines for this row, e.g. `leads.csv:4: email: Invalid email.`
    public func report(file: String) -> [String] {
        errors.lines.map { "\(file):\(line): \($0)" }
    }
}
