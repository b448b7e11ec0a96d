using Rampart.Core.Markings;

namespace Rampart.Core.Identity;

/// <param name="TlpMax">The most restricted TLP level the user may receive; null: <see cref="TlpCeilings.DefaultUser"/>.</param>
public sealed record User(string Id, string Name, Role Role, DateTimeOffset CreatedAt, bool Disabled, Tlp? TlpMax = null);
