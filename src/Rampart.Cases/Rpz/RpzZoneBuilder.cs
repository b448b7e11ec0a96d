using System.Globalization;
using System.Net.Sockets;

namespace Rampart.Cases.Rpz;

/// <summary>
/// Builds an RPZ zone from domains: for each, a QNAME trigger for the name and one for
/// <c>*.name</c> (every subdomain), with the policy's action (RPZ draft: local data, <c>CNAME .</c>
/// for NXDOMAIN, <c>CNAME *.</c> for NODATA).
/// </summary>
public static class RpzZoneBuilder
{
    /// <summary>Longest presentation name a trigger may have (RFC 1035: 253 characters without the root dot).</summary>
    public const int MaxNameLength = 253;

    /// <summary>The zone's records (SOA first); names too long to sit under the origin come back in <paramref name="refused"/>.</summary>
    public static RpzZone Build(RpzZoneOptions options, IEnumerable<string> domains, long serial, out IReadOnlyList<string> refused)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(domains);
        if (options.Policy == RpzPolicy.LocalData && options.SinkholeAddresses.Count == 0)
        {
            throw new ArgumentException("local-data needs at least one sinkhole address (or choose nxdomain or nodata)", nameof(options));
        }

        var origin = Absolute(options.Origin);
        var actions = Actions(options);
        var records = new List<RpzRecord>
        {
            new(origin, "SOA", options.Ttl, string.Create(CultureInfo.InvariantCulture,
                $"{Absolute(options.NameServer)} {Absolute(options.Mailbox)} {serial} {options.Timers.Refresh} {options.Timers.Retry} {options.Timers.Expire} {options.Timers.Minimum}")),
            new(origin, "NS", options.Ttl, Absolute(options.NameServer)),
        };
        var tooLong = new List<string>();
        foreach (var domain in domains.Select(d => d.TrimEnd('.').ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (domain.Length + 2 + origin.Length - 1 > MaxNameLength)
            {
                tooLong.Add(domain);
                continue;
            }

            foreach (var owner in new[] { $"{domain}.{origin}", $"*.{domain}.{origin}" })
            {
                records.AddRange(actions.Select(a => new RpzRecord(owner, a.Type, options.Ttl, a.Rdata)));
            }
        }

        refused = tooLong;
        return new RpzZone(origin, serial, records);
    }

    private static List<(string Type, string Rdata)> Actions(RpzZoneOptions options) => options.Policy switch
    {
        RpzPolicy.LocalData => [.. options.SinkholeAddresses.Distinct().OrderBy(a => a.AddressFamily).ThenBy(a => a.ToString(), StringComparer.Ordinal)
            .Select(a => (a.AddressFamily == AddressFamily.InterNetworkV6 ? "AAAA" : "A", a.ToString()))],
        RpzPolicy.Nxdomain => [("CNAME", ".")],
        RpzPolicy.Nodata => [("CNAME", "*.")],
    };

    private static string Absolute(string name) => name.EndsWith('.') ? name.ToLowerInvariant() : name.ToLowerInvariant() + ".";
}
