using Rampart.Core.Markings;

namespace Rampart.Core.Identity;

/// <summary>An API key's record; the secret itself is never stored, only its hash.</summary>
/// <param name="KeyId">The public part of the key, used to find the record.</param>
/// <param name="TlpMax">The most restricted TLP level the key may receive; null: <see cref="TlpCeilings.DefaultApiKey"/>.</param>
public sealed record ApiKey(
    string Id,
    string KeyId,
    string UserId,
    string Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    bool Revoked,
    Tlp? TlpMax = null);
