namespace Rampart.Core.Actors;

/// <summary>
/// A threat actor (STIX intrusion-set) known by all of its names.
/// </summary>
/// <param name="Id">Stable id: <c>intrusion-set--…</c>.</param>
/// <param name="Name">The primary name shown first.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of the suspected sponsor, when known.</param>
/// <param name="AttackId">MITRE ATT&amp;CK group id (G0094), when known.</param>
/// <param name="Aliases">Every name, the primary one included, each with its source.</param>
/// <param name="Related">Names of actors the sources say are related; never merged into this one.</param>
/// <param name="Sources">Where this actor's record comes from (galaxy cluster ids, bundles).</param>
public sealed record Actor(
    string Id,
    string Name,
    string? Country,
    string? AttackId,
    string? Description,
    IReadOnlyList<ActorAlias> Aliases,
    IReadOnlyList<string> Related,
    IReadOnlyList<string> Sources);
