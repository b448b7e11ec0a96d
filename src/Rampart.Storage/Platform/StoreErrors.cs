using Microsoft.Data.Sqlite;
using Npgsql;

namespace Rampart.Storage.Platform;

/// <summary>Recognizes the same database error from either provider.</summary>
internal static class StoreErrors
{
    private const int SqliteConstraint = 19;

    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
            && sqlite.Message.Contains("UNIQUE", StringComparison.Ordinal),
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
