using Microsoft.Data.Sqlite;

namespace SalesCoach.Storage.Sqlite;

/// <summary>
/// The group commit's connection, with every statement it runs prepared once for as long as the drain
/// keeps the connection (while writes keep coming), instead of once per transaction.
/// </summary>
/// <remarks>
/// A <see cref="SqliteTransaction"/> runs <c>BEGIN IMMEDIATE</c> and <c>COMMIT</c> as new commands, and a
/// command made per transaction parses its SQL again; each <see cref="SqliteCommand"/> also costs the
/// connection a weak reference (a GC handle and a finalizer). At ~1,000 transactions a second that was
/// five statements parsed and five handles made per transaction, on the file's one writer thread.
/// The transaction is therefore begun and ended with statements of its own; the commands run with no
/// <see cref="SqliteCommand.Transaction"/>, which Microsoft.Data.Sqlite allows when it did not begin one.
/// </remarks>
internal sealed class SqliteWriterConnection : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;
    private readonly SqliteCommand _rollback;

    public SqliteWriterConnection(SqliteConnection connection)
    {
        Connection = connection;

        // IMMEDIATE takes the write lock up front (waiting up to busy_timeout for the reminder table or a
        // clear), so no statement inside can fail with SQLITE_BUSY half-way.
        _begin = Command("BEGIN IMMEDIATE;");
        _commit = Command("COMMIT;");
        _rollback = Command("ROLLBACK;");
    }

    public SqliteConnection Connection { get; }

    public void Begin() => _begin.ExecuteNonQuery();

    public void Commit() => _commit.ExecuteNonQuery();

    /// <summary>Undoes the open transaction, if SQLite has not already ended it (some errors roll back by themselves).</summary>
    public void RollbackIfOpen()
    {
        if (InTransaction)
        {
            _rollback.ExecuteNonQuery();
        }
    }

    /// <summary>The command for <paramref name="sql"/>, bound to <paramref name="parameters"/>; prepared on its first run and kept.</summary>
    public SqliteCommand Statement(string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        if (!_statements.TryGetValue(sql, out var command))
        {
            _statements[sql] = command = Command(sql);
        }

        Bind(command.Parameters, parameters);
        return command;
    }

    /// <summary>Closes the connection; one still in a transaction (its rollback failed) is closed for good, not pooled with it open.</summary>
    public void Dispose()
    {
        if (InTransaction)
        {
            SqliteConnection.ClearPool(Connection);
        }

        foreach (var command in _statements.Values.Concat([_begin, _commit, _rollback]))
        {
            command.Dispose();
        }

        Connection.Dispose();
    }

    private bool InTransaction => Connection.Handle is { } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0;

    // The same statement text always comes with the same names in the same order: the values are replaced in place.
    private static void Bind(SqliteParameterCollection bound, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        var same = bound.Count == parameters.Count;
        for (var i = 0; same && i < parameters.Count; i++)
        {
            same = bound[i].ParameterName == parameters[i].Name;
        }

        if (!same)
        {
            bound.Clear();
            foreach (var (name, value) in parameters)
            {
                bound.AddWithValue(name, value ?? DBNull.Value);
            }

            return;
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            bound[i].Value = parameters[i].Value ?? DBNull.Value;
        }
    }

    private SqliteCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
