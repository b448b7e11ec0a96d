using Rampart.Core.Identity;
using Rampart.Core.Markings;

namespace Rampart.Storage.Platform;

/// <summary>An <c>api_keys</c> row, with its owner's columns when joined, as Dapper reads it.</summary>
internal sealed class ApiKeyRow
{
    public const string Columns = "k.id AS Id, k.key_id AS KeyId, k.user_id AS UserId, k.name AS Name, k.secret_hash AS SecretHash, k.created_at AS CreatedAt, k.last_used_at AS LastUsedAt, k.revoked AS Revoked, k.tlp_max AS TlpMax";

    public const string OwnerColumns = "u.name AS OwnerName, u.role AS OwnerRole, u.created_at AS OwnerCreatedAt, u.disabled AS OwnerDisabled, u.tlp_max AS OwnerTlpMax";

    public string Id { get; set; } = "";

    public string KeyId { get; set; } = "";

    public string UserId { get; set; } = "";

    public string Name { get; set; } = "";

    public string SecretHash { get; set; } = "";

    public long CreatedAt { get; set; }

    public long? LastUsedAt { get; set; }

    public bool Revoked { get; set; }

    public string? TlpMax { get; set; }

    public string OwnerName { get; set; } = "";

    public string OwnerRole { get; set; } = "";

    public long OwnerCreatedAt { get; set; }

    public bool OwnerDisabled { get; set; }

    public string? OwnerTlpMax { get; set; }

    public ApiKey ToKey() => new(Id, KeyId, UserId, Name, StoreTime.FromStore(CreatedAt), StoreTime.FromStore(LastUsedAt), Revoked, TlpLevels.TryParse(TlpMax, out var tlp) ? tlp : null);

    public User ToOwner() => new(UserId, OwnerName, StoreNames.ToRole(OwnerRole), StoreTime.FromStore(OwnerCreatedAt), OwnerDisabled, TlpLevels.TryParse(OwnerTlpMax, out var tlp) ? tlp : null);
}
