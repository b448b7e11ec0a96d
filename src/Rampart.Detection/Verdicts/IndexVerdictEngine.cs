using System.Net;
using Rampart.Core.Indicators;
using Rampart.Core.Urls;
using Rampart.Detection.Indicators;

namespace Rampart.Detection.Verdicts;

/// <summary>
/// Verdicts from the current <see cref="IndicatorView"/>: a domain and every parent, a URL's
/// canonical host and its Safe Browsing host/path expressions, an e-mail address and its domain,
/// an address and the networks holding it, a file hash. Fingerprint hits are confirmed against
/// <see cref="IIndicatorRecords"/>, which also supplies the indicator id and the stored value.
/// </summary>
public sealed class IndexVerdictEngine(IIndicatorRecords records, Lookalikes.LookalikeVerdictContributor? lookalikes = null) : IVerdictEngine
{
    /// <summary>Hits kept per probe; more indicators than this on one value are not all listed.</summary>
    private const int MaxHits = 64;

    private const int BareIpWeight = 40;
    private const int ShortenerWeight = 30;

    private IndicatorView _view = IndicatorView.Empty;

    public long Revision => View.Revision;

    public IndicatorView View => Volatile.Read(ref _view);

    /// <summary>Swaps in a new view; checks in flight finish on the one they started with.</summary>
    public void Replace(IndicatorView view) => Volatile.Write(ref _view, view);

    public async ValueTask<Verdict> CheckAsync(string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        var view = View;
        if (!IndicatorValueParser.TryParse(value, out var error, out var parsed))
        {
            return new Verdict(value, null, null, Disposition.Invalid, 0, [new VerdictReason(VerdictReason.Codes.Invalid, error)], [], view.Revision);
        }

        var candidates = new List<Candidate>();
        var signals = new List<VerdictReason>();
        Collect(view, parsed, candidates, signals);
        var matches = await ResolveAsync(candidates, cancellationToken);
        var verdict = Decide(value, parsed.Type, parsed.Normalized, matches, signals, view.Revision);
        return lookalikes is null ? verdict : lookalikes.Contribute(verdict, HostName(parsed));
    }

    /// <summary>
    /// Whether the snapshot or the delta holds an address or network indicator containing
    /// <paramref name="address"/> (4 or 16 bytes): the probes <see cref="CheckAsync"/> makes for the
    /// address's text, which the value parser normalizes to these same bytes (an IPv4-mapped IPv6
    /// address stays IPv6 in both), without parsing text or building a verdict. A record revoked
    /// since the snapshot still answers true here; the full verdict then leaves it out.
    /// </summary>
    public bool MayMatchAddress(ReadOnlySpan<byte> address)
    {
        if (address.Length is not (4 or 16))
        {
            throw new ArgumentException("an address is 4 or 16 bytes", nameof(address));
        }

        var view = View;
        Span<IndexHit> hit = stackalloc IndexHit[1];
        return view.Snapshot.MatchAddress(address, hit) > 0 || view.Added.MatchAddress(address, hit) > 0;
    }

    /// <summary>The host name a value names, already normalized: what lookalike screening reads.</summary>
    private static string? HostName(IndicatorValue parsed) => parsed.Type switch
    {
        IndicatorType.Domain => parsed.Normalized,
        IndicatorType.Url => parsed.Url is { HostIsAddress: false } url ? url.Host : null,
        IndicatorType.Email => parsed.Normalized[(parsed.Normalized.LastIndexOf('@') + 1)..],
        _ => null,
    };

    private static Verdict Decide(string input, IndicatorType type, string normalized, List<VerdictMatch> matches, List<VerdictReason> signals, long revision)
    {
        if (matches.Count > 0)
        {
            var reasons = matches.Select(Explain).Concat(signals).ToArray();
            return new Verdict(input, type, normalized, Disposition.Malicious, matches.Max(m => m.Confidence), reasons, matches, revision);
        }

        if (signals.Count > 0)
        {
            return new Verdict(input, type, normalized, Disposition.Suspicious, Math.Min(100, signals.Sum(s => s.Weight)), signals, [], revision);
        }

        return new Verdict(input, type, normalized, Disposition.Clean, 0,
            [new VerdictReason(VerdictReason.Codes.NoMatch, "no live indicator matches", normalized)], [], revision);
    }

    /// <summary>Gathers the hits of both the snapshot and the delta.</summary>
    private static void Collect(IndicatorView view, IndicatorValue parsed, List<Candidate> into, List<VerdictReason> signals)
    {
        foreach (var index in (ReadOnlySpan<IndicatorIndex>)[view.Snapshot, view.Added])
        {
            var skip = index == view.Snapshot ? view.Changed : null;
            switch (parsed.Type)
            {
                case IndicatorType.Domain:
                    Domain(index, skip, parsed.Normalized, MatchHow.Exact, MatchHow.ParentDomain, into);
                    break;
                case IndicatorType.Email:
                    Exact(index, skip, parsed.Normalized, (i, v, h) => i.MatchEmail(v, h), into);
                    var at = parsed.Normalized.LastIndexOf('@');
                    Domain(index, skip, parsed.Normalized[(at + 1)..], MatchHow.EmailDomain, MatchHow.EmailDomain, into);
                    break;
                case IndicatorType.Md5:
                case IndicatorType.Sha1:
                case IndicatorType.Sha256:
                    Exact(index, skip, parsed.Normalized, (i, v, h) => i.MatchFileHash(v, h), into);
                    break;
                case IndicatorType.Ipv4:
                case IndicatorType.Ipv6:
                    Address(index, skip, IPAddress.Parse(parsed.Normalized), 128, MatchHow.Exact, into);
                    break;
                case IndicatorType.Cidr:
                    var network = IPNetwork.Parse(parsed.Normalized);
                    Address(index, skip, network.BaseAddress, network.PrefixLength, MatchHow.Exact, into);
                    break;
                case IndicatorType.Url when parsed.Url is { } url:
                    Url(index, skip, url, into);
                    if (index == view.Snapshot)
                    {
                        Signals(url, signals);
                    }

                    break;
            }
        }
    }

    private static void Url(IndicatorIndex index, IReadOnlySet<string>? skip, CanonicalUrl url, List<Candidate> into)
    {
        if (url.HostIsAddress && IPAddress.TryParse(url.Host.Trim('[', ']'), out var address))
        {
            Address(index, skip, address, 128, MatchHow.UrlHost, into);
        }
        else if (!url.HostIsAddress)
        {
            Domain(index, skip, url.Host, MatchHow.UrlHost, MatchHow.ParentDomain, into);
        }

        var expression = url.Expression;
        foreach (var candidate in UrlExpressions.For(url))
        {
            var how = candidate == expression ? MatchHow.Exact : MatchHow.UrlPrefix;
            Exact(index, skip, candidate, (i, v, h) => i.MatchUrlExpression(v, how, h), into);
        }
    }

    private static void Signals(CanonicalUrl url, List<VerdictReason> signals)
    {
        if (url.HostIsAddress)
        {
            signals.Add(new VerdictReason(VerdictReason.Codes.BareIpUrl,
                $"the link goes to a bare IP address ({url.Host}) instead of a name, as lures do to avoid domain reputation",
                url.Host, Weight: BareIpWeight));
        }
        else if (UrlShorteners.Contains(url.Host))
        {
            signals.Add(new VerdictReason(VerdictReason.Codes.UrlShortener,
                $"the link is shortened by {url.Host}, which hides where it leads: expand it before trusting it",
                url.Host, Weight: ShortenerWeight));
        }
    }

    private static void Domain(IndicatorIndex index, IReadOnlySet<string>? skip, string domain, MatchHow exactHow, MatchHow parentHow, List<Candidate> into)
    {
        Span<IndexHit> hits = stackalloc IndexHit[MaxHits];
        var n = index.MatchDomain(domain, hits);
        foreach (var hit in hits[..n])
        {
            Add(index, skip, hit with { How = hit.Start == 0 ? exactHow : parentHow }, domain[hit.Start..], into);
        }
    }

    private static void Exact(IndicatorIndex index, IReadOnlySet<string>? skip, string value, Func<IndicatorIndex, string, Span<IndexHit>, int> match, List<Candidate> into)
    {
        var hits = new IndexHit[MaxHits];
        var n = match(index, value, hits);
        foreach (var hit in hits.AsSpan(0, n))
        {
            Add(index, skip, hit, value, into);
        }
    }

    private static void Address(IndicatorIndex index, IReadOnlySet<string>? skip, IPAddress address, int maxPrefix, MatchHow exactHow, List<Candidate> into)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        Span<IndexHit> hits = stackalloc IndexHit[MaxHits];
        var n = index.MatchAddress(bytes[..written], hits, maxPrefix);
        foreach (var hit in hits[..n])
        {
            var type = index.AttributionOf(hit).Type;
            var normalized = type == IndicatorType.Cidr
                ? Network(bytes[..written], hit.PrefixLength)
                : address.ToString();
            Add(index, skip, hit.How == MatchHow.Exact ? hit with { How = exactHow } : hit, normalized, into);
        }
    }

    private static string Network(ReadOnlySpan<byte> address, int prefixLength)
    {
        Span<byte> masked = stackalloc byte[address.Length];
        for (var i = 0; i < address.Length; i++)
        {
            var bits = Math.Clamp(prefixLength - (i * 8), 0, 8);
            masked[i] = (byte)(address[i] & (0xFF << (8 - bits)));
        }

        return new IPNetwork(new IPAddress(masked), prefixLength).ToString();
    }

    private static void Add(IndicatorIndex index, IReadOnlySet<string>? skip, IndexHit hit, string normalized, List<Candidate> into)
    {
        var record = index.RecordOf(hit);
        if (record is not null && skip is not null && skip.Contains(record.Id))
        {
            // Revoked or updated since the snapshot: the delta has the current state.
            return;
        }

        into.Add(new Candidate(hit.How, index.AttributionOf(hit), normalized, record));
    }

    private async Task<List<VerdictMatch>> ResolveAsync(List<Candidate> candidates, CancellationToken cancellationToken)
    {
        var matches = new List<VerdictMatch>();
        if (candidates.Count == 0)
        {
            return matches;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var confirmed = new HashSet<(IndicatorType, string)>();
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (candidate.Record is { } record)
            {
                if (seen.Add(record.Id))
                {
                    matches.Add(Match(record, candidate.How, candidate.Attribution.ActorName));
                }

                continue;
            }

            if (!confirmed.Add((candidate.Attribution.Type, candidate.Normalized)))
            {
                continue;
            }

            foreach (var indicator in await records.FindLiveAsync(candidate.Attribution.Type, candidate.Normalized, cancellationToken))
            {
                if (!seen.Add(indicator.Id))
                {
                    continue;
                }

                string? actorName = null;
                if (indicator.ActorId is { } actorId && !names.TryGetValue(actorId, out actorName))
                {
                    names[actorId] = actorName = await records.ActorNameAsync(actorId, cancellationToken);
                }

                matches.Add(Match(indicator, candidate.How, actorName));
            }
        }

        return [.. matches.OrderByDescending(m => m.Confidence)];
    }

    private static VerdictMatch Match(Indicator indicator, MatchHow how, string? actorName) =>
        new(indicator.Id, indicator.Type, indicator.NormalizedValue, how.ToWire(), indicator.Confidence, indicator.Source, indicator.ActorId, actorName, indicator.Tlp);

    private static VerdictReason Explain(VerdictMatch match)
    {
        var what = match.How switch
        {
            "parent-domain" => $"is under {match.Type.ToWire()} indicator {match.Value}",
            "url-host" => $"host is {match.Type.ToWire()} indicator {match.Value}",
            "url-prefix" => $"is under URL indicator {match.Value}",
            "email-domain" => $"address is at domain indicator {match.Value}",
            "cidr" => $"address is in network indicator {match.Value}",
            _ => $"matches {match.Type.ToWire()} indicator {match.Value}",
        };
        var actor = match.ActorName ?? match.ActorId;
        var text = actor is null
            ? $"{what} from source {match.Source} (confidence {match.Confidence})"
            : $"{what} from source {match.Source}, attributed to {actor} (confidence {match.Confidence})";
        return new VerdictReason(VerdictReason.Codes.Indicator, text, match.Value, Weight: match.Confidence);
    }

    private readonly record struct Candidate(MatchHow How, Attribution Attribution, string Normalized, Indicator? Record);
}
