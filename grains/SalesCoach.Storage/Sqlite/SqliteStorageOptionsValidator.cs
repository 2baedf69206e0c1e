using Microsoft.Extensions.Options;

namespace SalesCoach.Storage.Sqlite;

/// <summary>
/// Validates <see cref="SqliteStorageOptions"/>, by name, before a provider opens the database.
/// </summary>
public sealed class SqliteStorageOptionsValidator : IValidateOptions<SqliteStorageOptions>
{
    // Pragmas take no parameters, so the value is interpolated: only these words may reach the SQL.
    private static readonly string[] SynchronousModes = ["OFF", "NORMAL", "FULL", "EXTRA"];

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var subject = string.IsNullOrEmpty(name) ? nameof(SqliteStorageOptions) : $"{nameof(SqliteStorageOptions)} '{name}'";
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add($"{subject}: {nameof(options.Path)} is required; set it to the SQLite database file, e.g. \"data/salescoach.db\".");
        }
        else if (options.Path.Trim() == ":memory:")
        {
            // Every pooled connection would see its own empty database.
            failures.Add($"{subject}: {nameof(options.Path)} must be a file; an in-memory database is not shared between connections.");
        }

        if (!SynchronousModes.Contains(options.Synchronous, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{subject}: {nameof(options.Synchronous)} is '{options.Synchronous}'; expected one of {string.Join(", ", SynchronousModes)}.");
        }

        if (options.BusyTimeout < TimeSpan.Zero || options.BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            failures.Add($"{subject}: {nameof(options.BusyTimeout)} must be between zero and {int.MaxValue} ms.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> when <paramref name="options"/> is invalid.</summary>
    public static void ThrowIfInvalid(string? name, SqliteStorageOptions options)
    {
        var result = new SqliteStorageOptionsValidator().Validate(name, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(name ?? Options.DefaultName, typeof(SqliteStorageOptions), result.Failures);
        }
    }
}
