namespace Rampart.Intel.Actors;

/// <summary>
/// The MISP galaxies the knowledge base merges. The declaration order is the precedence for an
/// actor's name, id and description: ATT&amp;CK first because its names and STIX ids are what other
/// tools exchange, then the broad threat-actor galaxy, then Microsoft's names.
/// </summary>
internal enum ActorGalaxy
{
    MitreIntrusionSet,
    ThreatActor,
    MicrosoftActivityGroup,
}
