/// The conversation pane's tables (migration "conversation events"): self-contained, every
/// statement `IF NOT EXISTS`, no trigger (bulk loads drop every trigger; the store writes the
/// FTS rows and unread counts itself, in the same transaction as the event).
extension Schema {
    /// `conversation_events`: one row per remote interaction (unique per provider + remote id) or
    /// per send of Closer's own (`send_state` set); `created_at` in Unix seconds. `conversation_fts`
    /// indexes each event's words (rowid = event id; separate from `lead_fts`). `conversation_unread`
    /// holds one row per lead with unread inbound events.
    static let conversation = """
        CREATE TABLE IF NOT EXISTS conversation_events (
            id INTEGER PRIMARY KEY,
            lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
            provider TEXT NOT NULL DEFAULT '',
            remote_id TEXT,
            kind TEXT NOT NULL DEFAULT 'message',
            via TEXT NOT NULL DEFAULT '',
            direction TEXT NOT NULL DEFAULT 'inbound',
            agent TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT '',
            subject TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            template TEXT NOT NULL DEFAULT '',
            delivered INTEGER,
            attachment TEXT NOT NULL DEFAULT '',
            send_state TEXT,
            send_message TEXT NOT NULL DEFAULT '',
            payload TEXT NOT NULL DEFAULT '',
            attempts INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS conversation_events_lead ON conversation_events(lead_id, created_at);
        CREATE UNIQUE INDEX IF NOT EXISTS conversation_events_remote
            ON conversation_events(provider, remote_id) WHERE remote_id IS NOT NULL;
        CREATE INDEX IF NOT EXISTS conversation_events_inbound
            ON conversation_events(lead_id, created_at) WHERE direction = 'inbound';
        CREATE INDEX IF NOT EXISTS conversation_events_sends
            ON conversation_events(send_state, id) WHERE send_state IS NOT NULL;
        CREATE VIRTUAL TABLE IF NOT EXISTS conversation_fts USING fts5(
            text, lead_id UNINDEXED, tokenize = "unicode61 remove_diacritics 2", prefix = '2 3'
        );
        CREATE TABLE IF NOT EXISTS conversation_unread (
            lead_id INTEGER PRIMARY KEY,
            count INTEGER NOT NULL DEFAULT 0,
            last_at INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS notes_lead_created ON notes(lead_id, created);
        """
}
