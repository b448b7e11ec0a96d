using Rampart.Core.Sinkhole;

namespace Rampart.Dns.Victims;

/// <summary>
/// Groups a case's per-source activity by organization. Most hits first; the unattributed group last.
/// </summary>
public static class VictimReport
{
    public static IReadOnlyList<VictimOrganization> Build(IEnumerable<SourceActivity> activity, VictimAttributor attributor)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(attributor);
        var sources = activity
            .GroupBy(a => a.SourceIp, StringComparer.Ordinal)
            .Select(g => (Attribution: attributor.Attribute(g.Key), Source: new VictimSource(
                g.Key,
                g.Min(a => a.FirstSeen),
                g.Max(a => a.LastSeen),
                g.Sum(a => a.Hits),
                [.. g.GroupBy(a => a.QueryName, StringComparer.Ordinal)
                    .Select(d => new VictimDomain(d.Key, d.Min(a => a.FirstSeen), d.Max(a => a.LastSeen), d.Sum(a => a.Hits)))
                    .OrderBy(d => d.Name, StringComparer.Ordinal)])));
        return
        [
            .. sources
                .GroupBy(s => s.Attribution.Organization ?? "")
                .Select(g =>
                {
                    var first = g.First().Attribution;
                    var members = g.Select(s => s.Source).OrderByDescending(s => s.Hits).ThenBy(s => s.SourceIp, StringComparer.Ordinal).ToList();
                    return new VictimOrganization(
                        first.Organization,
                        first.Asn,
                        first.Country,
                        members.Min(s => s.FirstSeen),
                        members.Max(s => s.LastSeen),
                        members.Sum(s => s.Hits),
                        members,
                        [.. members.SelectMany(s => s.Domains).Select(d => d.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
                })
                .OrderBy(o => o.Organization is null)
                .ThenByDescending(o => o.Hits)
                .ThenBy(o => o.Organization, StringComparer.Ordinal),
        ];
    }
}
