using Dapper;
using Rampart.Core.Storage;

namespace Rampart.Storage.Platform;

/// <summary>Reads the one-row revision table: a primary-key lookup, cheap enough to poll every second.</summary>
internal sealed class StoreRevision(StoreDatabase database) : IStoreRevision
{
    public async Task<long> CurrentAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT revision FROM store_revision WHERE id = 1", cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
