namespace Rampart.Cases.Appendix;

/// <summary>One domain of the appendix with its evidence in capture order; <see cref="Domain"/> is empty for evidence about the whole case.</summary>
public sealed record AppendixRow(
    string Domain,
    DateTimeOffset? AddedAt,
    string? AddedBy,
    string? Reason,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    IReadOnlyList<string> Actors,
    string? Lookalike,
    IReadOnlyList<AppendixEvidence> Evidence);
