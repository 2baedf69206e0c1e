using Microsoft.Data.Sqlite;

namespace SalesCoach.Api.Tests.Infrastructure;

/// <summary>Removes a test's temp directory, with the SQLite files a host kept in it.</summary>
internal static class TempDirectory
{
    /// <summary>Closes pooled SQLite connections first (they hold the files open); a file still held open only leaves the directory behind.</summary>
    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Only a temp directory left behind.
        }
    }
}
