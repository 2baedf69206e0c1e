namespace SalesCoach.Storage.Sqlite;

/// <summary>
/// The tables of the SQLite providers. Both live in every database file so that grain state and
/// reminders may share one file or use two.
/// </summary>
internal static class SqliteSchema
{
    // grain_state keeps its rowid because state blobs can be large, and SQLite advises WITHOUT ROWID
    // only for small rows; reminder rows are small, so they live in the primary key's B-tree.
    // start_at and period are ticks (start_at in UTC); grain_hash is GrainId.GetUniformHashCode().
    public const string CreateTables = """
        CREATE TABLE IF NOT EXISTS grain_state (
            service_id TEXT NOT NULL,
            state_name TEXT NOT NULL,
            grain_id   TEXT NOT NULL,
            etag       TEXT NOT NULL,
            data       BLOB NOT NULL,
            PRIMARY KEY (service_id, state_name, grain_id)
        );

        CREATE TABLE IF NOT EXISTS reminders (
            service_id    TEXT    NOT NULL,
            grain_id      TEXT    NOT NULL,
            reminder_name TEXT    NOT NULL,
            grain_hash    INTEGER NOT NULL,
            start_at      INTEGER NOT NULL,
            period        INTEGER NOT NULL,
            etag          TEXT    NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)
        ) WITHOUT ROWID;

        CREATE INDEX IF NOT EXISTS ix_reminders_ring ON reminders (service_id, grain_hash);
        """;
}
