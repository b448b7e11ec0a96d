using Dapper;
using Rampart.Core;
using Rampart.Core.Auditing;
using Rampart.Core.Identity;
using Rampart.Core.Markings;

namespace Rampart.Storage.Platform;

internal sealed class ApiKeyStore(StoreChanges changes) : IApiKeyStore
{
    private const string Insert = """
        INSERT INTO api_keys (id, key_id, user_id, name, secret_hash, created_at, last_used_at, revoked, tlp_max)
        VALUES (@Id, @KeyId, @UserId, @Name, @SecretHash, @CreatedAt, NULL, @Revoked, @TlpMax)
        """;

    public Task<ApiKey> CreateAsync(string userId, string name, string keyId, string secretHash, Tlp? tlpMax, ChangeContext context, CancellationToken cancellationToken) =>
        changes.RunAsync(context, async change =>
        {
            if (tlpMax == Tlp.Red)
            {
                throw new InvalidOperationException("TLP:RED never leaves, so it cannot be a ceiling.");
            }

            var key = new ApiKey(RampartId.New("api-key"), keyId, userId, name, StoreTime.FromStore(change.NowStore), LastUsedAt: null, Revoked: false, tlpMax);
            try
            {
                await change.ExecuteAsync(Insert, new
                {
                    key.Id,
                    KeyId = keyId,
                    UserId = userId,
                    Name = name,
                    SecretHash = secretHash,
                    CreatedAt = change.NowStore,
                    Revoked = false,
                    TlpMax = tlpMax?.ToWire(),
                }).ConfigureAwait(false);
            }
            catch (Exception e) when (StoreErrors.IsUniqueViolation(e))
            {
                throw new InvalidOperationException($"An API key with id '{keyId}' already exists.", e);
            }

            change.Audit("api-key.create", key.Id, $"key={keyId} user={userId} name={name} tlp_max={(tlpMax ?? TlpCeilings.DefaultApiKey).ToWire()}");
            return key;
        }, cancellationToken);

    public async Task<(ApiKey Key, User Owner, string SecretHash)?> FindActiveAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(new CommandDefinition(
            $"SELECT {ApiKeyRow.Columns}, {ApiKeyRow.OwnerColumns} FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.key_id = @KeyId AND NOT k.revoked",
            new { KeyId = keyId },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : (row.ToKey(), row.ToOwner(), row.SecretHash);
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(string? userId, CancellationToken cancellationToken)
    {
        await using var connection = await changes.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var sql = userId is null
            ? $"SELECT {ApiKeyRow.Columns} FROM api_keys k ORDER BY k.id"
            : $"SELECT {ApiKeyRow.Columns} FROM api_keys k WHERE k.user_id = @UserId ORDER BY k.id";
        var rows = await connection.QueryAsync<ApiKeyRow>(new CommandDefinition(sql, new { UserId = userId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToKey()).ToList();
    }

    /// <summary>False when no key has that id; revoking a revoked key is true and changes nothing.</summary>
    public Task<bool> RevokeAsync(string keyId, ChangeContext context, CancellationToken cancellationToken) =>
        changes.RunAsync(context, async change =>
        {
            var id = await change.QuerySingleOrDefaultAsync<string>(
                "UPDATE api_keys SET revoked = TRUE WHERE key_id = @KeyId AND NOT revoked RETURNING id", new { KeyId = keyId }).ConfigureAwait(false);
            if (id is not null)
            {
                change.Audit("api-key.revoke", id, $"key={keyId}");
                return true;
            }

            return await change.ScalarAsync<long>("SELECT COUNT(*) FROM api_keys WHERE key_id = @KeyId", new { KeyId = keyId }).ConfigureAwait(false) > 0;
        }, cancellationToken);
}
