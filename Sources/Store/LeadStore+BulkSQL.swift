import Core
import Foundation

/// Set-based bulk writes: a handful of statements for any number of leads, with the same outbox
/// rules as one `updateLead` / `deleteLead` per lead (merge into the latest pending or rejected
/// create/update of the record, a field set back to its base drops out, an entry left empty is
/// removed; inflight entries and deletes are never merged into). Run inside a write transaction.
extension LeadStore {
    /// Sets `field` (stored in `column`, bound as `bound`, sent as `wire`) on the live leads among
    /// `ids` whose value differs, and queues one merged update per changed lead.
    func bulkSetColumn(_ field: LeadField, column: String, bound: SQLValue, wire: String, ids: [Int64]) throws {
        let now = SQLValue.integer(Self.now())
        let key = SQLValue.text("$.\"\(field.rawValue)\"")
        try loadBulkIds(ids)
        try db.execute("""
            CREATE TEMP TABLE IF NOT EXISTS bulk_change (id INTEGER PRIMARY KEY, old TEXT NOT NULL, entry INTEGER);
            DELETE FROM temp.bulk_change;
            """)
        // The leads that change, their old wire value and their latest outbox entry.
        try db.run("""
            INSERT INTO temp.bulk_change (id, old, entry)
            SELECT l.id, \(Self.wireExpression(field)),
                (SELECT o.id FROM outbox o WHERE o.kind = 'lead' AND o.record_id = l.id ORDER BY o.id DESC LIMIT 1)
            FROM temp.bulk_ids b JOIN leads l ON l.id = b.id WHERE l.deleted = 0 AND l.\(column) IS NOT ?
            """, [bound])
        try db.run("""
            UPDATE temp.bulk_change SET entry = NULL WHERE entry IS NOT NULL
              AND (SELECT state = 'inflight' OR op = 'delete' FROM outbox WHERE id = entry)
            """)
        // Merged into a queued create: the new value is part of the create.
        try db.run("""
            UPDATE outbox SET payload = json_set(payload, ?, ?), base = '{}', state = 'pending', messages = '{}',
                not_before = NULL, updated = ?
            WHERE id IN (SELECT entry FROM temp.bulk_change WHERE entry IS NOT NULL) AND op = 'create'
            """, [key, .text(wire), now])
        // Merged into a queued update: the base keeps the first old value; back to it, the field drops out.
        try db.run("""
            UPDATE outbox SET
                payload = CASE WHEN coalesce(json_extract(outbox.base, ?1), c.old) = ?2 THEN json_remove(outbox.payload, ?1)
                               ELSE json_set(outbox.payload, ?1, ?2) END,
                base = CASE WHEN coalesce(json_extract(outbox.base, ?1), c.old) = ?2 THEN json_remove(outbox.base, ?1)
                            WHEN json_type(outbox.base, ?1) IS NULL THEN json_set(outbox.base, ?1, c.old)
                            ELSE outbox.base END,
                state = 'pending', messages = '{}', not_before = NULL, updated = ?3
            FROM temp.bulk_change c WHERE outbox.id = c.entry AND outbox.op = 'update'
            """, [key, .text(wire), now])
        try db.run("""
            DELETE FROM outbox WHERE id IN (SELECT entry FROM temp.bulk_change WHERE entry IS NOT NULL)
              AND op = 'update' AND payload = '{}'
            """)
        // A new entry for every other changed lead.
        try db.run("""
            INSERT INTO outbox (kind, op, record_id, lead_id, payload, base, state, created, updated)
            SELECT 'lead', 'update', id, id, json_object(?1, ?2), json_object(?1, old), 'pending', ?3, ?3
            FROM temp.bulk_change WHERE entry IS NULL ORDER BY id
            """, [.text(field.rawValue), .text(wire), now])
        try db.run("UPDATE leads SET \(column) = ?, updated = ? WHERE id IN (SELECT id FROM temp.bulk_change)", [bound, now])
    }

    /// Soft-deletes the live leads among `ids`, queueing a "delete" per lead whose base holds every field.
    func bulkDelete(ids: [Int64]) throws {
        let now = SQLValue.integer(Self.now())
        try loadBulkIds(ids)
        let base = LeadField.allCases.map { "'\($0.rawValue)', \(Self.wireExpression($0))" }.joined(separator: ", ")
        try db.run("""
            INSERT INTO outbox (kind, op, record_id, lead_id, payload, base, state, created, updated)
            SELECT 'lead', 'delete', l.id, l.id, '{}', json_object(\(base)), 'pending', ?1, ?1
            FROM temp.bulk_ids b JOIN leads l ON l.id = b.id WHERE l.deleted = 0 ORDER BY l.id
            """, [now])
        try db.run("""
            UPDATE leads SET deleted = 1, updated = ? WHERE deleted = 0 AND id IN (SELECT id FROM temp.bulk_ids)
            """, [now])
    }

    /// Puts `ids` into `temp.bulk_ids` (bound as one JSON array).
    private func loadBulkIds(_ ids: [Int64]) throws {
        try db.execute("""
            CREATE TEMP TABLE IF NOT EXISTS bulk_ids (id INTEGER PRIMARY KEY);
            DELETE FROM temp.bulk_ids;
            """)
        try db.run("INSERT OR IGNORE INTO temp.bulk_ids (id) SELECT value FROM json_each(?)",
                   [.text("[" + ids.map(String.init).joined(separator: ",") + "]")])
    }

    /// The SQL expression (over `l`) for a field's wire value, as `Lead.value(of:)` gives it.
    static func wireExpression(_ field: LeadField) -> String {
        func names(_ values: [String], nullAs empty: Bool) -> String {
            let cases = values.enumerated().map { "WHEN \($0.offset) THEN '\($0.element)'" }.joined(separator: " ")
            return "(CASE l.\(field.rawValue) \(cases) ELSE \(empty ? "''" : "'\(values[0])'") END)"
        }
        switch field {
        case .firstName, .lastName, .email, .phone, .company, .jobTitle, .location, .message, .label:
            return "l.\(field.rawValue)"
        case .owner: return "l.owner"
        case .status: return names(LeadStatus.allCases.map(\.rawValue), nullAs: false)
        case .source: return names(LeadSource.allCases.map(\.rawValue), nullAs: true)
        }
    }
}
