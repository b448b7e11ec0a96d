using System.Collections.Frozen;

namespace Rampart.Detection.Verdicts;

/// <summary>
/// Link shorteners: a shortened link hides where it goes, which lures use to pass a glance and
/// naive filters. A signal to look closer, not a verdict: the same services carry legitimate links.
/// </summary>
public static class UrlShorteners
{
    private static readonly FrozenSet<string> Hosts = new[]
    {
        "bit.ly", "bitly.com", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "v.gd", "buff.ly", "rebrand.ly",
        "cutt.ly", "shorturl.at", "rb.gy", "t.ly", "tiny.cc", "bit.do", "lnkd.in", "s.id", "qr.ae", "adf.ly",
        "shorte.st", "bl.ink", "short.io", "tiny.one", "urlz.fr", "clck.ru", "me2.kr", "han.gl", "vo.la", "url.kr",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when <paramref name="host"/> (normalized) is a shortener or under one.</summary>
    public static bool Contains(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var lookup = Hosts.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = host.AsSpan();
        while (true)
        {
            if (lookup.Contains(span))
            {
                return true;
            }

            var dot = span.IndexOf('.');
            if (dot < 0)
            {
                return false;
            }

            span = span[(dot + 1)..];
        }
    }
}
