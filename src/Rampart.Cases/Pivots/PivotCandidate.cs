namespace Rampart.Cases.Pivots;

/// <summary>A domain outside the case that shares one or more attributes with domains in it.</summary>
public sealed record PivotCandidate(string Domain, IReadOnlyList<PivotReason> Reasons)
{
    /// <summary>All reasons in one line; adding the domain keeps it as the domain's reason.</summary>
    public string Describe() => "pivot: " + string.Join("; ", Reasons.Select(r => r.Describe()));
}
