namespace Rampart.Core.Identity;

public sealed record User(string Id, string Name, Role Role, DateTimeOffset CreatedAt, bool Disabled);
