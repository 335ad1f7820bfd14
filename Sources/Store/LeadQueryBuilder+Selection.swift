/// The id query behind `LeadSelection`: the leads a filter shows, without ordering.
extension LeadQueryBuilder {
    /// `SELECT id` of every lead passing the filter (search hits capped as the list caps them),
    /// optionally only among `among` (bound as one JSON array). Without text the planner picks
    /// the index (a filter column's, a flag's partial index, or the table).
    func ids(among: [Int64]?) -> (sql: String, values: [SQLValue]) {
        let from = match == nil ? (sql: "leads", values: [SQLValue]()) : fromClause(driving: nil)
        var (terms, values) = conditions(skipping: nil)
        values = from.values + values
        if let among {
            terms.append("leads.id IN (SELECT value FROM json_each(?))")
            values.append(.text("[" + among.map(String.init).joined(separator: ",") + "]"))
        }
        return ("SELECT leads.id FROM \(from.sql) WHERE \(terms.joined(separator: " AND "))", values)
    }
}
