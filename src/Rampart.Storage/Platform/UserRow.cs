using Rampart.Core.Identity;
using Rampart.Core.Markings;

namespace Rampart.Storage.Platform;

/// <summary>A <c>users</c> row as Dapper reads it.</summary>
internal sealed class UserRow
{
    public const string Columns = "u.id AS Id, u.name AS Name, u.role AS Role, u.password_hash AS PasswordHash, u.created_at AS CreatedAt, u.disabled AS Disabled, u.tlp_max AS TlpMax";

    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string Role { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    public long CreatedAt { get; set; }

    public bool Disabled { get; set; }

    public string? TlpMax { get; set; }

    public User ToUser() => new(Id, Name, StoreNames.ToRole(Role), StoreTime.FromStore(CreatedAt), Disabled, TlpLevels.TryParse(TlpMax, out var tlp) ? tlp : null);
}
