namespace Rampart.Intel.Actors;

/// <summary>One cluster of a MISP galaxy file, with only the fields the knowledge base uses.</summary>
/// <param name="Value">The cluster value as written (<c>APT28 - G0007</c> in ATT&amp;CK).</param>
/// <param name="Country">The <c>meta.country</c> code as written.</param>
/// <param name="StateSponsor">The threat-actor galaxy's <c>cfr-suspected-state-sponsor</c> country name.</param>
/// <param name="OriginThreat">Microsoft's <c>microsoft-origin-threat</c> ("Russia", "China, Influence operations").</param>
internal sealed record GalaxyCluster(
    ActorGalaxy Galaxy,
    Guid Uuid,
    string Value,
    string? Description,
    IReadOnlyList<string> Synonyms,
    IReadOnlyList<string> Refs,
    string? ExternalId,
    string? Country,
    string? StateSponsor,
    string? OriginThreat,
    IReadOnlyList<GalaxyRelation> Related)
{
    /// <summary>The primary name: the value without the group id ATT&amp;CK appends to it.</summary>
    public string Name => Names[0];

    /// <summary>
    /// The primary name, then every synonym that is a name. The threat-actor galaxy lists ATT&amp;CK
    /// ids among synonyms (APT28: "G0007"); those are ids, counted in <see cref="AttackIds"/>, not names.
    /// </summary>
    public IReadOnlyList<string> Names { get; } = NamesOf(Galaxy, Value, Synonyms);

    /// <summary>Every ATT&amp;CK group id the cluster states: its external id, group pages in its refs, ids among its synonyms.</summary>
    public IReadOnlySet<string> AttackIds { get; } = AttackGroupIds.Of(ExternalId, Refs, Synonyms);

    private static string[] NamesOf(ActorGalaxy galaxy, string value, IReadOnlyList<string> synonyms)
    {
        var name = galaxy == ActorGalaxy.MitreIntrusionSet ? AttackGroupIds.WithoutSuffix(value) : value;
        return [name, .. synonyms.Where(s => !AttackGroupIds.IsGroupId(s))];
    }
}
