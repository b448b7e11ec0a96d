using Microsoft.Extensions.Logging;

namespace Rampart.Storage;

/// <summary>Storage log messages; event ids 3000–3099 belong to storage.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Applied migration {Module} {Version:D4} {Name}")]
    public static partial void MigrationApplied(ILogger logger, string module, int version, string name);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Store schema is up to date")]
    public static partial void StoreUpToDate(ILogger logger);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Created PostgreSQL database {Database}")]
    public static partial void DatabaseCreated(ILogger logger, string database);
}
