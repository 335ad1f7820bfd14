import Core
import Foundation

/// How a `Lead` maps to the `leads` table: the column list, reading a row, and the values to bind.
enum LeadColumns {
    /// Columns read for a full lead, in `read` order.
    static let select = """
        id, first_name, last_name, email, phone, company, job_title, location, message, source, status, \
        owner, label, metadata, created, updated
        """

    /// Columns written for a full lead (no id), in `values` order.
    static let insertColumns = """
        first_name, last_name, email, phone, company, job_title, location, message, source, status, \
        owner, label, metadata, created, updated, sort_name
        """

    /// The `INSERT` for a lead with `insertColumns` (16 parameters).
    static let insertSQL = "INSERT INTO leads (\(insertColumns)) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"

    /// Reads a full lead from a row selected with `select`.
    static func read(_ s: Statement) -> Lead {
        Lead(
            id: s.int64(0), firstName: s.text(1), lastName: s.text(2), email: s.text(3), phone: s.text(4),
            company: s.text(5), jobTitle: s.text(6), location: s.text(7), message: s.text(8),
            source: s.optionalInt64(9).flatMap(source(from:)), status: status(from: s.int64(10)),
            owner: s.text(11), label: s.text(12),
            createdAt: Date(timeIntervalSince1970: TimeInterval(s.int64(14))),
            updatedAt: Date(timeIntervalSince1970: TimeInterval(s.int64(15))),
            metadata: JSONText.decodeStrings(s.text(13)))
    }

    /// The values to bind for `insertColumns`.
    static func values(_ lead: Lead) -> [SQLValue] {
        [
            .text(lead.firstName), .text(lead.lastName), .text(lead.email), .text(lead.phone),
            .text(lead.company), .text(lead.jobTitle), .text(lead.location), .text(lead.message),
            lead.source.map { .integer(code(of: $0)) } ?? .null, .integer(code(of: lead.status)),
            .text(lead.owner), .text(lead.label),
            .text(lead.metadata.isEmpty ? "" : JSONText.encode(lead.metadata)),
            .integer(seconds(lead.createdAt)), .integer(seconds(lead.updatedAt)),
            .text(SortKey.fold(lead.displayName)),
        ]
    }

    static func code(of status: LeadStatus) -> Int64 {
        Int64(LeadStatus.allCases.firstIndex(of: status) ?? 0)
    }

    static func code(of source: LeadSource) -> Int64 {
        Int64(LeadSource.allCases.firstIndex(of: source) ?? 0)
    }

    static func status(from code: Int64) -> LeadStatus {
        let all = LeadStatus.allCases
        return code >= 0 && code < all.count ? all[Int(code)] : .prospect
    }

    static func source(from code: Int64) -> LeadSource? {
        let all = LeadSource.allCases
        return code >= 0 && code < all.count ? all[Int(code)] : nil
    }

    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
}

/// The folded name used for ordering: lowercase, diacritics removed ("Zoë Müller" → "zoe muller").
public enum SortKey {
    /// Folds `text` for ordering and comparison.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }
}
