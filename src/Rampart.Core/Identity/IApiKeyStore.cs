using Rampart.Core.Auditing;
using Rampart.Core.Markings;

namespace Rampart.Core.Identity;

/// <summary>API keys: the public key id and a hash of the secret.</summary>
public interface IApiKeyStore
{
    Task<ApiKey> CreateAsync(string userId, string name, string keyId, string secretHash, ChangeContext context, CancellationToken cancellationToken) =>
        CreateAsync(userId, name, keyId, secretHash, null, context, cancellationToken);

    /// <param name="tlpMax">The key's TLP ceiling; null for the default (<see cref="TlpCeilings.DefaultApiKey"/>).</param>
    Task<ApiKey> CreateAsync(string userId, string name, string keyId, string secretHash, Tlp? tlpMax, ChangeContext context, CancellationToken cancellationToken);

    /// <summary>The key, its owner and the stored secret hash, for a key that is not revoked.</summary>
    Task<(ApiKey Key, User Owner, string SecretHash)?> FindActiveAsync(string keyId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKey>> ListAsync(string? userId, CancellationToken cancellationToken);

    Task<bool> RevokeAsync(string keyId, ChangeContext context, CancellationToken cancellationToken);
}
