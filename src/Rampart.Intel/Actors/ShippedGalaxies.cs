namespace Rampart.Intel.Actors;

/// <summary>The galaxy files embedded in this assembly from <c>data/actors/</c> (see Rampart.Intel.csproj).</summary>
internal static class ShippedGalaxies
{
    /// <summary>Matches the EmbeddedResource LogicalName in Rampart.Intel.csproj.</summary>
    public const string ResourcePrefix = "Rampart.Intel.Actors.";

    public static ActorKnowledgeBase Load()
    {
        using var threatActor = Open(ActorGalaxy.ThreatActor);
        using var microsoft = Open(ActorGalaxy.MicrosoftActivityGroup);
        using var mitre = Open(ActorGalaxy.MitreIntrusionSet);
        return ActorKnowledgeBase.Build(threatActor, microsoft, mitre);
    }

    /// <summary>The version <see cref="Load"/>'s knowledge base has, from the files alone.</summary>
    public static string Version() => KnowledgeBaseVersion.Compute([.. ActorGalaxies.All.Select(Bytes)]);

    private static byte[] Bytes(ActorGalaxy galaxy)
    {
        using var stream = Open(galaxy);
        return ActorKnowledgeBase.ReadAll(stream);
    }

    private static Stream Open(ActorGalaxy galaxy)
    {
        var name = ResourcePrefix + ActorGalaxies.FileName(galaxy);
        return typeof(ShippedGalaxies).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The actor knowledge base resource '{name}' is not embedded in {typeof(ShippedGalaxies).Assembly.GetName().Name}; check data/actors/ and the EmbeddedResource item in Rampart.Intel.csproj.");
    }
}
