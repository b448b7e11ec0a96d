namespace Rampart.Core.Urls;

/// <summary>
/// The host-suffix/path-prefix expressions Safe Browsing looks up for a URL, so an indicator for
/// <c>evil.com/phish/</c> matches <c>http://a.b.evil.com/phish/login.html?x=1</c>: the exact host and
/// up to four more formed from the last five labels by removing leading labels (never the top-level
/// domain alone; only the exact host for an IP address), times the exact path with query, the exact
/// path without query, and up to four prefixes from the root adding one segment at a time.
/// </summary>
public static class UrlExpressions
{
    /// <summary>Safe Browsing's limits: 5 hosts × 6 paths = at most 30 expressions per URL.</summary>
    public const int MaxHosts = 5;

    public const int MaxPathPrefixes = 4;

    public static IReadOnlyList<string> For(CanonicalUrl url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var paths = new List<string>(MaxPathPrefixes + 2);
        if (url.Query is not null)
        {
            paths.Add($"{url.Path}?{url.Query}");
        }

        paths.Add(url.Path);
        // Directories only: the last segment of "/a/b.html" is a file, of "/a/b/" a directory.
        var segments = url.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var directories = url.Path.EndsWith('/') ? segments.Length : segments.Length - 1;
        var prefix = "/";
        for (var i = 0; i < MaxPathPrefixes; i++)
        {
            if (!paths.Contains(prefix))
            {
                paths.Add(prefix);
            }

            if (i >= directories)
            {
                break;
            }

            prefix += segments[i] + "/";
        }

        var expressions = new List<string>(paths.Count * MaxHosts);
        foreach (var host in Hosts(url))
        {
            foreach (var path in paths)
            {
                expressions.Add(host + path);
            }
        }

        return expressions;
    }

    private static IEnumerable<string> Hosts(CanonicalUrl url)
    {
        yield return url.Host;
        if (url.HostIsAddress)
        {
            yield break;
        }

        var labels = url.Host.Split('.');
        var start = Math.Max(1, labels.Length - MaxHosts);
        for (var i = start; i <= labels.Length - 2; i++)
        {
            yield return string.Join('.', labels[i..]);
        }
    }
}
