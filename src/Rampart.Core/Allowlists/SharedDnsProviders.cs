using System.Collections.Frozen;
using Rampart.Core.Names;

namespace Rampart.Core.Allowlists;

/// <summary>
/// Name servers of large shared DNS providers (shipped list <c>data/allowlists/shared-dns-providers.txt</c>,
/// reached through <see cref="AllowlistRegistry.SharedDnsProviders"/>): a name server under one of
/// their domains, or whose registrable label starts with one of their prefixes (<c>awsdns-</c>),
/// links nothing. Kept apart from the registry's categories: <c>google.com</c> is both a brand's own
/// domain and a DNS provider's.
/// </summary>
public sealed class SharedDnsProviders
{
    private static readonly Lazy<SharedDnsProviders> Shipped = new(() =>
    {
        using var reader = ShippedData.Open("Rampart.Core.Allowlists.shared-dns-providers.txt");
        return Parse(reader);
    });

    private readonly FrozenSet<string> _domains;
    private readonly string[] _labelPrefixes;

    private SharedDnsProviders(FrozenSet<string> domains, string[] labelPrefixes) => (_domains, _labelPrefixes) = (domains, labelPrefixes);

    public static SharedDnsProviders Default => Shipped.Value;

    /// <summary>No provider at all (tests that show what the list prevents).</summary>
    public static SharedDnsProviders None { get; } = new(FrozenSet<string>.Empty, []);

    public int Count => _domains.Count + _labelPrefixes.Length;

    /// <summary>Reads the shipped format: <c>domain provider words</c> or <c>label-prefix- provider words</c>, <c>#</c> comments.</summary>
    public static SharedDnsProviders Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var domains = new List<string>();
        var prefixes = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var text = line.Trim();
            if (text.Length == 0 || text[0] == '#')
            {
                continue;
            }

            var name = text.Split(' ', 2)[0].ToLowerInvariant();
            (name.EndsWith('-') ? prefixes : domains).Add(name);
        }

        return new SharedDnsProviders(domains.ToFrozenSet(StringComparer.Ordinal), [.. prefixes]);
    }

    /// <summary>True when <paramref name="nameServer"/> (any case, trailing dot or not) is one of the providers' servers.</summary>
    public bool Contains(string nameServer)
    {
        ArgumentNullException.ThrowIfNull(nameServer);
        var name = nameServer.TrimEnd('.').ToLowerInvariant();
        for (var rest = name; ; rest = rest[(rest.IndexOf('.', StringComparison.Ordinal) + 1)..])
        {
            if (_domains.Contains(rest))
            {
                return true;
            }

            if (!rest.Contains('.', StringComparison.Ordinal))
            {
                break;
            }
        }

        if (_labelPrefixes.Length == 0)
        {
            return false;
        }

        var registrable = PublicSuffixList.Default.Split(name);
        var label = registrable.HasRegistrable ? registrable.Label(name).ToString() : name;
        return _labelPrefixes.Any(p => label.StartsWith(p, StringComparison.Ordinal));
    }
}
