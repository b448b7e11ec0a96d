namespace Rampart.Intel.Misp;

/// <summary>One MISP event as read: its identity, its tags (TLP, galaxies) and every attribute, those inside objects included.</summary>
public sealed record MispEvent(
    string File,
    string Uuid,
    string Info,
    string? Organisation,
    DateTimeOffset? Timestamp,
    IReadOnlyList<string> Tags,
    IReadOnlyList<MispAttribute> Attributes);
