namespace Rampart.Intel.Actors;

/// <summary>Evidence that two families of different galaxies are one actor: a shared ATT&amp;CK id, names, or both.</summary>
internal sealed record ClusterLink(ClusterFamily First, ClusterFamily Second, bool SharesAttackId, NameAgreement Names);
