using Microsoft.Data.Sqlite;
using Npgsql;

namespace Rampart.Storage;

/// <summary>
/// Where the store lives: a SQLite file in the data folder (the default) or a PostgreSQL database.
/// The command line and the server read <c>--database</c>/<c>RAMPART_DATABASE</c> and
/// <c>--data</c>/<c>RAMPART_DATA</c> and pass them to <see cref="Resolve"/>.
/// </summary>
public sealed record StoreLocation
{
    /// <summary>The SQLite file's name inside the data folder.</summary>
    public const string SqliteFileName = "rampart.db";

    private StoreLocation(StoreProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    public StoreProvider Provider { get; }

    /// <summary>The provider's connection string; may hold a password, so never log it (use <see cref="Describe"/>).</summary>
    public string ConnectionString { get; }

    /// <summary>The data folder used when neither a folder nor a database is given.</summary>
    public static string DefaultDataFolder =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "rampart");

    /// <summary>The SQLite store <c>&lt;dataFolder&gt;/rampart.db</c>; creates the folder.</summary>
    public static StoreLocation ForDataFolder(string dataFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        var folder = Path.GetFullPath(dataFolder);
        Directory.CreateDirectory(folder);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, SqliteFileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            // Seconds Microsoft.Data.Sqlite keeps retrying a busy database on top of busy_timeout.
            DefaultTimeout = 30,
        };
        return new StoreLocation(StoreProvider.Sqlite, builder.ToString());
    }

    /// <summary>A PostgreSQL database: <c>Host=…;Database=…;Username=…;Password=…</c>.</summary>
    public static StoreLocation ForPostgres(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        // Parses now so that a typo fails at startup with the keyword, not at the first query.
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return new StoreLocation(StoreProvider.Postgres, builder.ConnectionString);
    }

    /// <summary>
    /// A database connection string wins over the data folder; with neither, the store is SQLite in
    /// <see cref="DefaultDataFolder"/>.
    /// </summary>
    public static StoreLocation Resolve(string? dataFolder, string? database) =>
        !string.IsNullOrWhiteSpace(database) ? ForPostgres(database)
        : ForDataFolder(string.IsNullOrWhiteSpace(dataFolder) ? DefaultDataFolder : dataFolder);

    /// <summary>For logs and messages: the provider and where, never a password.</summary>
    public string Describe()
    {
        switch (Provider)
        {
            case StoreProvider.Sqlite:
                return $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}";
            case StoreProvider.Postgres:
                var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
                return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database} as {builder.Username}";
            default:
                throw new InvalidOperationException($"Unknown store provider {Provider}.");
        }
    }

    /// <summary>Records print <see cref="Describe"/>, so a location in a log line never shows a password.</summary>
    public override string ToString() => Describe();
}
