using System.Net;
using Rampart.Core.Indicators;
using Rampart.Detection.Indicators;

namespace Rampart.Detection.Verdicts;

/// <summary>
/// Verdicts from the current <see cref="IndicatorSnapshot"/>: exact matches, any parent domain of a
/// domain, a URL's or e-mail address's host, and CIDRs containing an address.
/// </summary>
public sealed class SnapshotVerdictEngine(Lookalikes.LookalikeVerdictContributor? lookalikes = null) : IVerdictEngine
{
    private IndicatorSnapshot _snapshot = IndicatorSnapshot.Empty;

    public long Revision => Volatile.Read(ref _snapshot).Revision;

    /// <summary>Swaps in a new snapshot; checks in flight finish on the one they started with.</summary>
    public void Replace(IndicatorSnapshot snapshot) => Volatile.Write(ref _snapshot, snapshot);

    public Verdict Check(string value) => lookalikes is null ? CheckIndicators(value) : lookalikes.Contribute(CheckIndicators(value));

    private Verdict CheckIndicators(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var snapshot = Volatile.Read(ref _snapshot);
        if (!IndicatorValueParser.TryParse(value, out var error, out var parsed))
        {
            return new Verdict(value, null, null, Disposition.Invalid, 0, [error], [], snapshot.Revision);
        }

        var matches = new List<VerdictMatch>();
        Match(snapshot, parsed, matches);
        if (matches.Count == 0)
        {
            return new Verdict(value, parsed.Type, parsed.Normalized, Disposition.Unknown, 0, ["no live indicator matches"], [], snapshot.Revision);
        }

        var reasons = matches.Select(Explain).Distinct(StringComparer.Ordinal).ToArray();
        return new Verdict(value, parsed.Type, parsed.Normalized, Disposition.Malicious, matches.Max(m => m.Confidence), reasons, matches, snapshot.Revision);
    }

    private static void Match(IndicatorSnapshot snapshot, IndicatorValue value, List<VerdictMatch> into)
    {
        switch (value.Type)
        {
            case IndicatorType.Domain:
                MatchDomain(snapshot, value.Normalized, "exact", into);
                break;
            case IndicatorType.Url:
                snapshot.MatchExact(IndicatorType.Url, value.Normalized, "exact", into);
                if (Uri.TryCreate(value.Normalized, UriKind.Absolute, out var uri))
                {
                    MatchHost(snapshot, uri, into);
                }

                break;
            case IndicatorType.Email:
                snapshot.MatchExact(IndicatorType.Email, value.Normalized, "exact", into);
                MatchDomain(snapshot, value.Normalized[(value.Normalized.LastIndexOf('@') + 1)..], "email-domain", into);
                break;
            case IndicatorType.Ipv4:
            case IndicatorType.Ipv6:
                snapshot.MatchExact(value.Type, value.Normalized, "exact", into);
                if (IPAddress.TryParse(value.Normalized, out var address))
                {
                    snapshot.MatchNetworks(address, into);
                }

                break;
            case IndicatorType.Cidr:
            case IndicatorType.Md5:
            case IndicatorType.Sha1:
            case IndicatorType.Sha256:
                snapshot.MatchExact(value.Type, value.Normalized, "exact", into);
                break;
        }
    }

    private static void MatchHost(IndicatorSnapshot snapshot, Uri uri, List<VerdictMatch> into)
    {
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address))
        {
            var type = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? IndicatorType.Ipv4 : IndicatorType.Ipv6;
            snapshot.MatchExact(type, address.ToString(), "url-host", into);
            snapshot.MatchNetworks(address, into);
            return;
        }

        MatchDomain(snapshot, uri.IdnHost.ToLowerInvariant(), "url-host", into);
    }

    /// <summary>The domain itself, then each parent: <c>a.b.evil.com</c> matches <c>b.evil.com</c> and <c>evil.com</c>.</summary>
    private static void MatchDomain(IndicatorSnapshot snapshot, string domain, string how, List<VerdictMatch> into)
    {
        snapshot.MatchExact(IndicatorType.Domain, domain, how, into);
        for (var dot = domain.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = domain.IndexOf('.', dot + 1))
        {
            var parent = domain[(dot + 1)..];
            if (!parent.Contains('.', StringComparison.Ordinal))
            {
                break;
            }

            snapshot.MatchExact(IndicatorType.Domain, parent, "parent-domain", into);
        }
    }

    private static string Explain(VerdictMatch match)
    {
        var what = match.How switch
        {
            "parent-domain" => $"is under {match.Type.ToWire()} indicator {match.Value}",
            "url-host" => $"host is {match.Type.ToWire()} indicator {match.Value}",
            "email-domain" => $"address is at domain indicator {match.Value}",
            "cidr" => $"address is in network indicator {match.Value}",
            _ => $"is {match.Type.ToWire()} indicator {match.Value}",
        };
        var actor = match.ActorName ?? match.ActorId;
        return actor is null
            ? $"{what} (source {match.Source}, confidence {match.Confidence})"
            : $"{what}, attributed to {actor} (source {match.Source}, confidence {match.Confidence})";
    }
}
