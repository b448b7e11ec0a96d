namespace Rampart.Intel.Actors;

/// <summary>Names of each <see cref="ActorGalaxy"/>: its MISP type, its file and the source its aliases carry.</summary>
internal static class ActorGalaxies
{
    /// <summary>Every galaxy, in precedence order.</summary>
    public static readonly IReadOnlyList<ActorGalaxy> All =
        [ActorGalaxy.MitreIntrusionSet, ActorGalaxy.ThreatActor, ActorGalaxy.MicrosoftActivityGroup];

    /// <summary>The galaxy's <c>type</c>, as in its cluster file and in MISP tags (<c>misp-galaxy:threat-actor="APT28"</c>).</summary>
    public static string Type(ActorGalaxy galaxy) => galaxy switch
    {
        ActorGalaxy.MitreIntrusionSet => "mitre-intrusion-set",
        ActorGalaxy.ThreatActor => "threat-actor",
        ActorGalaxy.MicrosoftActivityGroup => "microsoft-activity-group",
    };

    public static string FileName(ActorGalaxy galaxy) => Type(galaxy) + ".json";

    /// <summary>The source every alias and actor from this galaxy records.</summary>
    public static string Source(ActorGalaxy galaxy) => "misp-galaxy:" + Type(galaxy);
}
