using Npgsql;
using Rampart.Storage;

namespace Rampart.Testing;

/// <summary>
/// A database of its own, with a random name, on the server an admin connection string names; dropped with
/// everything in it when disposed. The store creates it when it migrates, or <see cref="CreateAsync"/> does.
/// Compiled into each test and bench project that uses PostgreSQL, so there is one way to get one.
/// </summary>
internal sealed class ScratchPostgresDatabase(string admin, string prefix) : IAsyncDisposable
{
    private readonly string _name = prefix + "_" + Guid.NewGuid().ToString("N");

    public string ConnectionString => new NpgsqlConnectionStringBuilder(admin) { Database = _name }.ConnectionString;

    public StoreLocation Location => StoreLocation.ForPostgres(ConnectionString);

    public Task CreateAsync(CancellationToken cancellationToken) => ExecuteAdminAsync($"CREATE DATABASE {_name}", cancellationToken);

    public async ValueTask DisposeAsync()
    {
        // Only this database's pool: other tests in the process keep theirs.
        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", CancellationToken.None);
    }

    private async Task ExecuteAdminAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
#pragma warning disable CA2100 // The name is made here from a GUID; CREATE and DROP DATABASE take no parameters.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
