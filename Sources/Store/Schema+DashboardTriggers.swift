/// The triggers that keep the dashboard's aggregate tables (`Schema+DashboardAggregates`) equal to
/// a grouping of the leads and appointments on every insert, edit and delete.
extension Schema {
    /// One lead row's (`r` = `new` / `old`) contribution to each aggregate, as an add or a take-away.
    private static func leadCreated(_ r: String, add: Bool) -> String {
        let day = floorDiv("\(r).created", 86_400)
        return add ? """
            INSERT INTO dash_created (day, owner, source, leads, untouched)
                SELECT \(day), \(r).owner, coalesce(\(r).source, -1), 1, \(r).first_touch_at IS NULL WHERE \(r).deleted = 0
                ON CONFLICT (day, owner, source) DO UPDATE SET leads = leads + 1, untouched = untouched + excluded.untouched;
            """ : """
            UPDATE dash_created SET leads = leads - 1, untouched = untouched - (\(r).first_touch_at IS NULL)
                WHERE day = \(day) AND owner = \(r).owner AND source = coalesce(\(r).source, -1) AND \(r).deleted = 0;
            """
    }

    private static func leadIdle(_ r: String, add: Bool) -> String {
        let hour = floorDiv("coalesce(\(r).last_touch_at, \(r).created)", 3600)
        let open = "\(r).deleted = 0 AND \(r).status NOT IN \(closedCodes)"
        return add ? """
            INSERT INTO dash_idle (hour, owner, count) SELECT \(hour), \(r).owner, 1 WHERE \(open)
                ON CONFLICT (hour, owner) DO UPDATE SET count = count + 1;
            """ : """
            UPDATE dash_idle SET count = count - 1 WHERE hour = \(hour) AND owner = \(r).owner AND \(open);
            """
    }

    private static func leadSpeed(_ r: String, add: Bool) -> String {
        let day = floorDiv("\(r).created", 86_400), delay = delay(r), character = delayCharacter(delay)
        let touched = "\(r).deleted = 0 AND \(r).first_touch_at IS NOT NULL"
        if add {
            return """
                INSERT INTO dash_speed (day, owner, bucket, count) SELECT \(day), \(r).owner, \(delay) / 3600, 1 WHERE \(touched)
                    ON CONFLICT (day, owner, bucket) DO UPDATE SET count = count + 1;
                INSERT INTO dash_speed_all (owner, bucket, count) SELECT \(r).owner, \(delay) / 3600, 1 WHERE \(touched)
                    ON CONFLICT (owner, bucket) DO UPDATE SET count = count + 1;
                INSERT INTO dash_speed_delays (owner, bucket, day, delays) SELECT \(r).owner, \(delay) / 3600, \(day), \(character) WHERE \(touched)
                    ON CONFLICT (owner, bucket, day) DO UPDATE SET delays = delays || excluded.delays;
                UPDATE dash_state SET speed_version = speed_version + 1 WHERE \(touched);
                """
        }
        return """
            UPDATE dash_speed SET count = count - 1 WHERE day = \(day) AND owner = \(r).owner AND bucket = \(delay) / 3600 AND \(touched);
            UPDATE dash_speed_all SET count = count - 1 WHERE owner = \(r).owner AND bucket = \(delay) / 3600 AND \(touched);
            UPDATE dash_speed_delays SET delays = substr(delays, 1, instr(delays, \(character)) - 1) || substr(delays, instr(delays, \(character)) + 1)
                WHERE owner = \(r).owner AND bucket = \(delay) / 3600 AND day = \(day) AND \(touched) AND instr(delays, \(character)) > 0;
            UPDATE dash_state SET speed_version = speed_version + 1 WHERE \(touched);
            """
    }

    /// Adds (`sign` 1) or takes away (−1) every live appointment of lead row `r` under its owner and source.
    private static func leadAppointments(_ r: String, sign: Int) -> String {
        let hour = floorDiv("start", 3600)
        let bump = """
            UPDATE dash_state SET appointments_version = appointments_version + 1
                WHERE \(r).deleted = 0 AND EXISTS (SELECT 1 FROM appointments WHERE lead_id = \(r).id);
            """
        if sign > 0 {
            return """
                INSERT INTO dash_appointments (hour, owner, source, count)
                    SELECT \(hour), \(r).owner, coalesce(\(r).source, -1), count(*) FROM appointments
                    WHERE lead_id = \(r).id AND status <> 'cancelled' AND \(r).deleted = 0 GROUP BY 1
                    ON CONFLICT (hour, owner, source) DO UPDATE SET count = count + excluded.count;
                """ + bump
        }
        return """
            UPDATE dash_appointments SET count = count - (SELECT count(*) FROM appointments
                    WHERE lead_id = \(r).id AND status <> 'cancelled' AND \(hour) = dash_appointments.hour)
                WHERE owner = \(r).owner AND source = coalesce(\(r).source, -1) AND \(r).deleted = 0
                    AND hour IN (SELECT \(hour) FROM appointments WHERE lead_id = \(r).id AND status <> 'cancelled');
            """ + bump
    }

    /// One appointment row's (`r`) contribution, when its lead is live.
    private static func appointment(_ r: String, add: Bool) -> String {
        let hour = floorDiv("\(r).start", 3600)
        return "UPDATE dash_state SET appointments_version = appointments_version + 1;\n" + (add ? """
            INSERT INTO dash_appointments (hour, owner, source, count)
                SELECT \(hour), l.owner, coalesce(l.source, -1), 1 FROM leads l
                WHERE l.id = \(r).lead_id AND l.deleted = 0 AND \(r).status <> 'cancelled'
                ON CONFLICT (hour, owner, source) DO UPDATE SET count = count + 1;
            """ : """
            UPDATE dash_appointments SET count = count - 1 WHERE hour = \(hour) AND \(r).status <> 'cancelled'
                AND (owner, source) IN (SELECT owner, coalesce(source, -1) FROM leads WHERE id = \(r).lead_id AND deleted = 0);
            """)
    }

    /// `a IS NOT b` for each column, joined with OR.
    private static func changed(_ columns: [String]) -> String {
        columns.map { "old.\($0) IS NOT new.\($0)" }.joined(separator: " OR ")
    }

    /// The aggregate triggers (`dash_*`), named so `dropTriggersAndIndexes` drops them with the rest.
    static let dashboardAggregateTriggers: [(name: String, sql: String)] = [
        // Sync cost 6: the lead parts skip leads a detail batch inserted (added at its end,
        // Schema+LeadAggregateDeferral); appointment counts stay per row, in triggers of their own.
        ("leads_ai_dash", """
        CREATE TRIGGER leads_ai_dash AFTER INSERT ON leads WHEN \(unlessLeadAggregatesDeferred("new", "new.deleted = 0")) BEGIN
            \(leadCreated("new", add: true)) \(leadIdle("new", add: true)) \(leadSpeed("new", add: true))
        END
        """),
        ("leads_ai_dash_appointments", """
        CREATE TRIGGER leads_ai_dash_appointments AFTER INSERT ON leads WHEN new.deleted = 0 BEGIN
            \(leadAppointments("new", sign: 1))
        END
        """),
        // Before the delete: its appointments still exist (a cascade removes them after the lead
        // is gone, when the appointment triggers find no live lead and change nothing).
        ("leads_bd_dash", """
        CREATE TRIGGER leads_bd_dash BEFORE DELETE ON leads WHEN \(unlessLeadAggregatesDeferred("old", "old.deleted = 0")) BEGIN
            \(leadCreated("old", add: false)) \(leadIdle("old", add: false)) \(leadSpeed("old", add: false))
        END
        """),
        ("leads_bd_dash_appointments", """
        CREATE TRIGGER leads_bd_dash_appointments BEFORE DELETE ON leads WHEN old.deleted = 0 BEGIN
            \(leadAppointments("old", sign: -1))
        END
        """),
        ("leads_au_dash_created", """
        CREATE TRIGGER leads_au_dash_created AFTER UPDATE OF owner, source, created, deleted, first_touch_at ON leads
        WHEN \(unlessLeadAggregatesDeferred("new", changed(["owner", "source", "created", "deleted"]) + " OR (old.first_touch_at IS NULL) IS NOT (new.first_touch_at IS NULL)")) BEGIN
            \(leadCreated("old", add: false)) \(leadCreated("new", add: true))
        END
        """),
        ("leads_au_dash_idle", """
        CREATE TRIGGER leads_au_dash_idle AFTER UPDATE OF owner, status, created, deleted, last_touch_at ON leads
        WHEN \(unlessLeadAggregatesDeferred("new", changed(["owner", "status", "created", "deleted", "last_touch_at"]))) BEGIN
            \(leadIdle("old", add: false)) \(leadIdle("new", add: true))
        END
        """),
        ("leads_au_dash_speed", """
        CREATE TRIGGER leads_au_dash_speed AFTER UPDATE OF owner, created, deleted, first_touch_at ON leads
        WHEN \(unlessLeadAggregatesDeferred("new", changed(["owner", "created", "deleted", "first_touch_at"]))) BEGIN
            \(leadSpeed("old", add: false)) \(leadSpeed("new", add: true))
        END
        """),
        ("leads_au_dash_appointments", """
        CREATE TRIGGER leads_au_dash_appointments AFTER UPDATE OF owner, source, deleted ON leads
        WHEN \(changed(["owner", "source", "deleted"])) BEGIN
            \(leadAppointments("old", sign: -1)) \(leadAppointments("new", sign: 1))
        END
        """),
        ("appointments_ai_dash", """
        CREATE TRIGGER appointments_ai_dash AFTER INSERT ON appointments BEGIN \(appointment("new", add: true)) END
        """),
        ("appointments_ad_dash", """
        CREATE TRIGGER appointments_ad_dash AFTER DELETE ON appointments BEGIN \(appointment("old", add: false)) END
        """),
        ("appointments_au_dash", """
        CREATE TRIGGER appointments_au_dash AFTER UPDATE OF start, status, lead_id ON appointments
        WHEN \(changed(["start", "status", "lead_id"])) BEGIN
            \(appointment("old", add: false)) \(appointment("new", add: true))
        END
        """),
    ]
}
