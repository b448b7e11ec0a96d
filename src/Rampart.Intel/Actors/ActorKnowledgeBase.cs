using Rampart.Core.Actors;

namespace Rampart.Intel.Actors;

/// <summary>
/// The actors shipped inside the product, built in memory from three MISP galaxies (threat actors,
/// Microsoft activity groups, ATT&amp;CK intrusion sets) and found by any of their names.
/// </summary>
/// <remarks>
/// How clusters become actors, in order:
/// <list type="number">
/// <item><see cref="GalaxyReader"/> reads each file.</item>
/// <item><see cref="SupersededClusters"/> folds records a single-curator galaxy itself retired (revoked ATT&amp;CK sets, Microsoft's pre-2023 names).</item>
/// <item><see cref="ClusterLinker"/> finds cross-galaxy evidence: a shared ATT&amp;CK id or one listing the other's primary name.</item>
/// <item><see cref="ActorMerger"/> joins the best-supported pairs, at most one cluster family per galaxy per actor.</item>
/// <item><see cref="ActorComposer"/> writes the <see cref="Actor"/> records; <see cref="ActorIndex"/> answers lookups.</item>
/// </list>
/// </remarks>
public sealed class ActorKnowledgeBase
{
    // Building takes tens of milliseconds; once per process is enough and the result is immutable.
    private static readonly Lazy<ActorKnowledgeBase> ShippedInstance = new(ShippedGalaxies.Load, LazyThreadSafetyMode.ExecutionAndPublication);

    // A store already holding this version needs no actors built: a hash of the files costs milliseconds.
    private static readonly Lazy<string> ShippedVersionInstance = new(ShippedGalaxies.Version, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ActorIndex _index;

    private ActorKnowledgeBase(string version, IReadOnlyList<Actor> actors)
    {
        Version = version;
        Actors = actors;
        _index = new ActorIndex(actors);
    }

    /// <summary>The knowledge base built from the galaxy files embedded in this assembly, built on first use.</summary>
    public static ActorKnowledgeBase Shipped => ShippedInstance.Value;

    /// <summary>The <see cref="Version"/> of <see cref="Shipped"/>, without building it.</summary>
    public static string ShippedVersion => ShippedVersionInstance.Value;

    /// <summary>A short hash of the merge rules and the files: changes exactly when the built actors may change.</summary>
    public string Version { get; }

    /// <summary>Every actor, by name.</summary>
    public IReadOnlyList<Actor> Actors { get; }

    /// <summary>Builds a knowledge base from galaxy cluster files (the streams are read to the end, not closed).</summary>
    /// <exception cref="GalaxyFormatException">A file is not a readable galaxy; the message names the file and cluster.</exception>
    public static ActorKnowledgeBase Build(Stream threatActor, Stream microsoftActivityGroup, Stream mitreIntrusionSet)
    {
        ArgumentNullException.ThrowIfNull(threatActor);
        ArgumentNullException.ThrowIfNull(microsoftActivityGroup);
        ArgumentNullException.ThrowIfNull(mitreIntrusionSet);

        var files = new Dictionary<ActorGalaxy, byte[]>
        {
            [ActorGalaxy.ThreatActor] = ReadAll(threatActor),
            [ActorGalaxy.MicrosoftActivityGroup] = ReadAll(microsoftActivityGroup),
            [ActorGalaxy.MitreIntrusionSet] = ReadAll(mitreIntrusionSet),
        };

        var families = ActorGalaxies.All
            .SelectMany(galaxy => SupersededClusters.Fold(GalaxyReader.Read(files[galaxy], galaxy), galaxy))
            .ToArray();
        var groups = ActorMerger.Merge(families, ClusterLinker.Link(families));
        var version = KnowledgeBaseVersion.Compute([.. ActorGalaxies.All.Select(g => files[g])]);
        return new ActorKnowledgeBase(version, ActorComposer.Compose(groups));
    }

    /// <summary>The actors one of whose names matches (<see cref="ActorNames.Normalize"/>): none, one, or several candidates.</summary>
    public IReadOnlyList<Actor> Find(string nameOrAlias) => _index.Find(nameOrAlias);

    /// <summary>The actors of a country (ISO 3166-1 alpha-2, any case); every actor when <paramref name="countryCode"/> is null.</summary>
    public IReadOnlyList<Actor> ListByCountry(string? countryCode) => _index.ListByCountry(countryCode);

    internal static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
