using Rampart.Core.Cases;

namespace Rampart.Cases.Pivots;

/// <summary>Why a domain is a candidate: the attribute it shares with a domain of the case, and how many domains share it.</summary>
/// <param name="Seed">The case's domain it shares the attribute with.</param>
/// <param name="Count">Distinct domains in the imported data (case domains included) holding the value.</param>
/// <param name="Source">The files the shared facts came from.</param>
public sealed record PivotReason(PivotFactKind Kind, string Value, string Seed, int Count, string Source)
{
    /// <summary>"same registrant e-mail kim@mail.example as hotrnall.com (4 domains; whois.csv)".</summary>
    public string Describe() => $"{Kind.Describe()} {Value} as {Seed} ({Count} domains; {Source})";
}
