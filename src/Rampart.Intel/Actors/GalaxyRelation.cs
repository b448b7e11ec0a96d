namespace Rampart.Intel.Actors;

/// <summary>One <c>related</c> entry of a galaxy cluster: another cluster and how the galaxy says they relate.</summary>
/// <param name="Type">MISP relation type: <c>similar</c>, <c>same-as</c>, <c>revoked-by</c>, <c>uses</c> …</param>
internal sealed record GalaxyRelation(Guid Destination, string Type)
{
    /// <summary>ATT&amp;CK's mark on an intrusion set it folded into another one.</summary>
    public const string RevokedBy = "revoked-by";
}
