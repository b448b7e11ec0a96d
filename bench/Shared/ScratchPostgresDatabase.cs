using Npgsql;
using Rampart.Storage;

namespace Rampart.Bench;

/// <summary>
/// A database of its own for one bench run on the server an admin connection string names (the store
/// creates it when it migrates), dropped with everything in it when the run ends. Compiled into each
/// bench that measures PostgreSQL.
/// </summary>
internal sealed class ScratchPostgresDatabase(string admin, string prefix) : IAsyncDisposable
{
    private readonly string _name = prefix + "_" + Guid.NewGuid().ToString("N");

    public StoreLocation Location => StoreLocation.ForPostgres(new NpgsqlConnectionStringBuilder(admin) { Database = _name }.ConnectionString);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
#pragma warning disable CA2100 // The name is generated here from a GUID; DROP DATABASE takes no parameters.
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
#pragma warning restore CA2100
        await drop.ExecuteNonQueryAsync();
    }
}
