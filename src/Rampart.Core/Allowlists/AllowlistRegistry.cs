using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Rampart.Core.Names;

namespace Rampart.Core.Allowlists;

/// <summary>
/// The one registry of domains every capability consults: brands' own domains, CDN edge namespaces
/// and popular sites (allowlists), and user-content hosting, dynamic DNS and link shorteners
/// (signals). Lookups walk a host's parents, most specific first, so
/// <c>x.blob.core.windows.net</c> is hosting although <c>windows.net</c> is Microsoft's; they take
/// spans and allocate nothing. Immutable: build a new one to change it.
/// </summary>
public sealed class AllowlistRegistry
{
    private static readonly (string File, DomainCategory Category)[] ShippedFiles =
    [
        ("brand-domains.txt", DomainCategory.BrandOwned),
        ("cdn-edge.txt", DomainCategory.CdnEdge),
        ("user-content-hosting.txt", DomainCategory.UserContentHosting),
        ("dynamic-dns.txt", DomainCategory.DynamicDns),
        ("url-shorteners.txt", DomainCategory.UrlShortener),
    ];

    private static readonly Lazy<IReadOnlyList<RegistryEntry>> ShippedEntries = new(() =>
        ShippedFiles.SelectMany(file => ReadList(file.File, file.Category)).ToArray());

    private static readonly Lazy<IReadOnlyList<RegistryEntry>> PopularEntries = new(() => ReadList("popular-majestic.txt", DomainCategory.Popular));

    private static readonly Lazy<AllowlistRegistry> Shipped = new(() => Create(new AllowlistOptions(), []));

    private readonly FrozenDictionary<string, RegistryEntry> _entries;
    private readonly FrozenDictionary<string, RegistryEntry>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private AllowlistRegistry(FrozenDictionary<string, RegistryEntry> entries)
    {
        _entries = entries;
        _lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The shipped lists with the popularity allowlist on.</summary>
    public static AllowlistRegistry Default => Shipped.Value;

    public int Count => _entries.Count;

    /// <summary>Name servers shared by millions of unrelated domains (the pivot ignores them); shipped, not a category of the entries above.</summary>
    public SharedDnsProviders SharedDnsProviders { get; } = SharedDnsProviders.Default;

    /// <summary>
    /// The shipped lists plus <paramref name="extra"/> (a user's own brand domains, say). Explicit
    /// entries win over popularity; popular names that are public suffixes are dropped.
    /// </summary>
    public static AllowlistRegistry Create(AllowlistOptions options, IEnumerable<RegistryEntry> extra)
    {
        var entries = new Dictionary<string, RegistryEntry>(StringComparer.Ordinal);
        foreach (var entry in ShippedEntries.Value.Concat(extra))
        {
            entries.TryAdd(entry.Domain, entry);
        }

        if (options.Popularity)
        {
            var suffixes = PublicSuffixList.Default;
            foreach (var entry in PopularEntries.Value)
            {
                if (suffixes.Split(entry.Domain).HasRegistrable && !entries.ContainsKey(entry.Domain))
                {
                    entries.Add(entry.Domain, entry);
                }
            }
        }

        return new AllowlistRegistry(entries.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// The most specific entry for <paramref name="host"/> or one of its parents (lower-case ASCII).
    /// Popular entries match only the registrable domain and its subdomains, never across a
    /// hosting or dynamic-DNS entry, because the walk stops at the first (most specific) entry.
    /// </summary>
    public bool TryMatch(ReadOnlySpan<char> host, [NotNullWhen(true)] out RegistryEntry? entry)
    {
        var rest = host;
        while (true)
        {
            if (_lookup.TryGetValue(rest, out entry))
            {
                return true;
            }

            var dot = rest.IndexOf('.');
            if (dot < 0)
            {
                return false;
            }

            rest = rest[(dot + 1)..];
        }
    }

    /// <summary>The domains a brand owns (entries of category <see cref="DomainCategory.BrandOwned"/>).</summary>
    public IEnumerable<string> DomainsOwnedBy(string owner) =>
        _entries.Values.Where(e => e.Category == DomainCategory.BrandOwned && string.Equals(e.Owner, owner, StringComparison.OrdinalIgnoreCase))
            .Select(e => e.Domain).Order(StringComparer.Ordinal);

    /// <summary>The registry as warninglists, one per category, for the intel exchange.</summary>
    public IReadOnlyList<Warninglist> ToWarninglists() =>
        _entries.Values.GroupBy(e => e.Category).OrderBy(g => g.Key).Select(g => new Warninglist(
            $"Rampart {g.Key.Describe()}",
            g.Key.IsAllowlist()
                ? $"Rampart allowlist: {g.Key.Describe()}; an indicator here is probably a false positive."
                : $"Rampart signal list: {g.Key.Describe()}; anyone can get a name here, so it is not an excuse.",
            "hostname",
            g.Key,
            g.Select(e => e.Domain).Order(StringComparer.Ordinal).ToArray())).ToArray();

    /// <summary>Reads a list in the shipped format (<c>domain owner words</c>, <c>#</c> comments); a single label is a brand top-level domain.</summary>
    public static IEnumerable<RegistryEntry> Parse(TextReader reader, DomainCategory category)
    {
        while (reader.ReadLine() is { } line)
        {
            var text = line.Trim();
            if (text.Length == 0 || text[0] == '#')
            {
                continue;
            }

            var space = text.IndexOf(' ', StringComparison.Ordinal);
            var domain = space < 0 ? text : text[..space];
            var owner = space < 0 ? "" : text[(space + 1)..].Trim();
            if (DomainNames.TryToAscii(domain, out var ascii, out _))
            {
                yield return new RegistryEntry(ascii, category, owner);
            }
        }
    }

    private static RegistryEntry[] ReadList(string file, DomainCategory category)
    {
        using var reader = ShippedData.Open($"Rampart.Core.Allowlists.{file}");
        return Parse(reader, category).ToArray();
    }
}
