namespace Rampart.Detection.Lookalikes;

/// <summary>A line of a hunted feed that is suspicious or worse, or that is not a host name.</summary>
public sealed record HuntHit(long Line, LookalikeResult Result);
