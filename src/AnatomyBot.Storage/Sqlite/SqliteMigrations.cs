namespace AnatomyBot.Storage.Sqlite;

/// <summary>The ledger schema history. Times are UTC ticks (INTEGER); enums are their numbers.</summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<SqliteMigration> All { get; } =
    [
        new(1, "deliveries, latest evaluations and gap events", """
            CREATE TABLE deliveries (
                platform TEXT NOT NULL, id TEXT NOT NULL, event_name TEXT NOT NULL, body TEXT NOT NULL,
                received_at INTEGER NOT NULL, attempts INTEGER NOT NULL, status INTEGER NOT NULL,
                updated_at INTEGER NOT NULL, last_error TEXT,
                PRIMARY KEY (platform, id));
            CREATE INDEX ix_deliveries_status ON deliveries (status, received_at);
            CREATE TABLE evaluations (
                source INTEGER NOT NULL, item_id TEXT NOT NULL, kind INTEGER NOT NULL, title TEXT NOT NULL, url TEXT,
                layer INTEGER NOT NULL, trace TEXT NOT NULL, gaps TEXT NOT NULL, is_exempt INTEGER NOT NULL,
                is_open INTEGER NOT NULL, first_seen INTEGER NOT NULL, evaluated_at INTEGER NOT NULL,
                PRIMARY KEY (source, item_id)) WITHOUT ROWID;
            CREATE TABLE gap_events (
                seq INTEGER PRIMARY KEY, source INTEGER NOT NULL, item_id TEXT NOT NULL, code TEXT NOT NULL,
                severity INTEGER NOT NULL, kind INTEGER NOT NULL, at INTEGER NOT NULL);
            """),
        new(2, "scope and merge time on evaluations; time index on gap events", """
            ALTER TABLE evaluations ADD COLUMN scope TEXT;
            ALTER TABLE evaluations ADD COLUMN merged_at INTEGER;
            CREATE INDEX ix_gap_events_at ON gap_events (at);
            """),
        new(3, "covering time index on gap events (the digest's range scan reads no table rows)", """
            CREATE INDEX ix_gap_events_at_cover ON gap_events (at, seq, source, item_id, code, severity, kind);
            DROP INDEX ix_gap_events_at;
            """),
        new(4, "fingerprints of recent bodies (replays under a new delivery id)", """
            CREATE TABLE delivery_fingerprints (
                platform TEXT NOT NULL, fingerprint TEXT NOT NULL, delivery_id TEXT NOT NULL, seen_at INTEGER NOT NULL,
                PRIMARY KEY (platform, fingerprint)) WITHOUT ROWID;
            CREATE INDEX ix_delivery_fingerprints_seen ON delivery_fingerprints (seen_at);
            """),
        new(5, "the append-only audit trail", """
            CREATE TABLE audit (
                seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL, action INTEGER NOT NULL, item TEXT,
                subject TEXT NOT NULL, until TEXT, reason TEXT, origin TEXT, key TEXT UNIQUE);
            CREATE INDEX ix_audit_at ON audit (at, seq);
            """),
        new(6, "links between items (for re-checks across platforms and levels)", """
            CREATE TABLE links (
                source INTEGER NOT NULL, item_id TEXT NOT NULL, item_kind INTEGER NOT NULL,
                target_source INTEGER NOT NULL, target_id TEXT NOT NULL, kind INTEGER NOT NULL,
                PRIMARY KEY (source, item_id, target_source, target_id)) WITHOUT ROWID;
            CREATE INDEX ix_links_target ON links (target_source, target_id);
            """),
    ];

    public static int Latest => All[^1].Version;
}
