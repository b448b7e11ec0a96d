using System.Collections.Frozen;
using Rampart.Core.Cases;
using Rampart.Core.Names;
using Rampart.Detection.Lookalikes;

namespace Rampart.Cases.Pivots;

/// <summary>
/// Lists the siblings of a case's domains in the imported data: same registrant e-mail or name,
/// same name servers (shared providers excluded), same IPs in overlapping periods, same certificate,
/// same naming pattern (the lookalike engine's brand and technique). Values shared by too many
/// domains (<see cref="PivotOptions.MaxDomainsPerValue"/>) or masked by privacy services give nothing.
/// </summary>
public sealed class PivotEngine(PivotOptions options, LookalikeEngine? lookalikes)
{
    /// <summary>Candidates in order of evidence: most reasons first, then by name.</summary>
    /// <param name="caseDomains">The case's domains: never candidates themselves.</param>
    /// <param name="seeds">The domains to pivot from (all case domains when null).</param>
    public IReadOnlyList<PivotCandidate> Pivot(IReadOnlyCollection<string> caseDomains, IReadOnlyList<PivotFact> facts, IReadOnlyCollection<string>? seeds = null)
    {
        ArgumentNullException.ThrowIfNull(caseDomains);
        ArgumentNullException.ThrowIfNull(facts);
        var inCase = caseDomains.ToFrozenSet(StringComparer.Ordinal);
        var all = facts.Concat(NamingPatterns(facts, inCase)).ToList();
        var byValue = all.GroupBy(f => (f.Kind, f.Value)).ToDictionary(g => g.Key, g => g.ToList());
        var byDomain = all.ToLookup(f => f.Domain, StringComparer.Ordinal);
        var reasons = new Dictionary<string, Dictionary<(PivotFactKind, string), PivotReason>>(StringComparer.Ordinal);

        foreach (var seed in (seeds ?? caseDomains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            foreach (var fact in byDomain[seed])
            {
                var sharing = byValue[(fact.Kind, fact.Value)];
                var count = sharing.Select(f => f.Domain).Distinct(StringComparer.Ordinal).Count();
                if (count < 2 || Excluded(fact, count))
                {
                    continue;
                }

                foreach (var other in sharing)
                {
                    if (inCase.Contains(other.Domain) || (fact.Kind == PivotFactKind.Address && !Overlap(fact, other)))
                    {
                        continue;
                    }

                    var forDomain = reasons.TryGetValue(other.Domain, out var existing) ? existing : reasons[other.Domain] = [];
                    if (!forDomain.ContainsKey((fact.Kind, fact.Value)))
                    {
                        var source = string.Join(", ", new[] { fact.Source, other.Source }.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
                        forDomain[(fact.Kind, fact.Value)] = new PivotReason(fact.Kind, fact.Value, seed, count, source);
                    }
                }
            }
        }

        // A name under a case domain or under another candidate adds nothing: the parent covers it
        // (the RPZ lists *.parent, the sinkhole answers every subdomain).
        var names = reasons.Keys.ToHashSet(StringComparer.Ordinal);
        return [.. reasons
            .Where(r => !HasParentIn(r.Key, inCase) && !HasParentIn(r.Key, names))
            .Select(r => new PivotCandidate(r.Key, [.. r.Value.Values.OrderBy(v => v.Kind).ThenBy(v => v.Value, StringComparer.Ordinal)]))
            .OrderByDescending(c => c.Reasons.Count)
            .ThenBy(c => c.Domain, StringComparer.Ordinal)];
    }

    private static bool HasParentIn(string domain, IReadOnlySet<string> set)
    {
        for (var dot = domain.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = domain.IndexOf('.', dot + 1))
        {
            if (set.Contains(domain[(dot + 1)..]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the value is shared infrastructure or a privacy mask, not a link between domains.</summary>
    public bool Excluded(PivotFact fact, int distinctDomains)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (distinctDomains > options.MaxDomainsPerValue && fact.Kind != PivotFactKind.NamingPattern)
        {
            return true;
        }

        return fact.Kind switch
        {
            PivotFactKind.NameServer => IsSharedNameServer(fact.Value),
            PivotFactKind.RegistrantEmail or PivotFactKind.RegistrantName => IsPrivacyMask(fact.Value),
            PivotFactKind.Address or PivotFactKind.Certificate or PivotFactKind.NamingPattern => false,
        };
    }

    public bool IsSharedNameServer(string nameServer) => options.SharedDnsProviders.Contains(nameServer);

    private bool IsPrivacyMask(string value) =>
        options.PrivacyPlaceholders.Any(p => value.Replace(" ", "", StringComparison.Ordinal).Contains(p.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));

    /// <summary>Periods overlap (within the slack); a fact without a period overlaps everything.</summary>
    private bool Overlap(PivotFact a, PivotFact b)
    {
        var aStart = a.FirstSeen ?? a.LastSeen;
        var aEnd = a.LastSeen ?? a.FirstSeen;
        var bStart = b.FirstSeen ?? b.LastSeen;
        var bEnd = b.LastSeen ?? b.FirstSeen;
        if (aStart is null || bStart is null)
        {
            return true;
        }

        return aStart.Value - options.AddressPeriodSlack <= bEnd && bStart.Value - options.AddressPeriodSlack <= aEnd;
    }

    /// <summary>The naming pattern of every domain in the data and the case: "brand by technique" from its strongest brand finding.</summary>
    private IEnumerable<PivotFact> NamingPatterns(IReadOnlyList<PivotFact> facts, IReadOnlySet<string> inCase)
    {
        if (lookalikes is null)
        {
            yield break;
        }

        foreach (var domain in facts.Select(f => f.Domain).Concat(inCase).Distinct(StringComparer.Ordinal))
        {
            var result = lookalikes.Screen(domain);
            if (!result.IsFlagged || result.Findings.Where(f => f.Brand is not null).MaxBy(f => f.Score) is not { } top)
            {
                continue;
            }

            yield return new PivotFact(domain, PivotFactKind.NamingPattern, $"{top.Brand} by {Technique(top.Technique)}", null, null, "lookalike engine");
        }
    }

    private static string Technique(LookalikeTechnique technique) => technique.ToString().ToLowerInvariant();
}
