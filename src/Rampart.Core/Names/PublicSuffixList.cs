using System.Collections.Frozen;

namespace Rampart.Core.Names;

/// <summary>
/// The Public Suffix List (publicsuffix.org): normal, wildcard (<c>*.ck</c>) and exception
/// (<c>!www.ck</c>) rules, ICANN and private sections. The private section matters for phishing:
/// with it, <c>evil.github.io</c> and <c>evil.azurewebsites.net</c> are registrable domains of their
/// own, so whoever picked the subdomain is judged, not the hosting company.
/// A copy ships in <c>data/names/</c>; <see cref="Load"/> takes a newer one.
/// </summary>
public sealed class PublicSuffixList
{
    private static readonly Lazy<PublicSuffixList> Shipped = new(() =>
    {
        using var reader = ShippedData.Open("Rampart.Core.Names.public_suffix_list.dat");
        return Load(reader);
    });

    private readonly FrozenDictionary<string, RuleFlags>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private PublicSuffixList(FrozenDictionary<string, RuleFlags> rules)
    {
        _lookup = rules.GetAlternateLookup<ReadOnlySpan<char>>();
        RuleCount = rules.Values.Count(flags => (flags & (RuleFlags.Normal | RuleFlags.Wildcard | RuleFlags.Exception)) != 0);
    }

    [Flags]
    private enum RuleFlags : byte
    {
        /// <summary>Present only as the parent of a longer rule: the walk goes on.</summary>
        Node = 0,
        Normal = 1,
        Wildcard = 2,
        Exception = 4,
        Private = 8,
    }

    /// <summary>The list shipped with Rampart (see <c>data/names/README.md</c> for its date).</summary>
    public static PublicSuffixList Default => Shipped.Value;

    public int RuleCount { get; }

    /// <summary>Reads a list in the published format; lines that are not valid rules are skipped.</summary>
    public static PublicSuffixList Load(TextReader reader)
    {
        var rules = new Dictionary<string, RuleFlags>(StringComparer.Ordinal);
        var isPrivate = false;
        while (reader.ReadLine() is { } line)
        {
            var text = line.AsSpan().Trim();
            if (text.StartsWith("// ===BEGIN PRIVATE DOMAINS===", StringComparison.Ordinal))
            {
                isPrivate = true;
            }

            if (text.IsEmpty || text.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            var space = text.IndexOfAny(' ', '\t');
            if (space >= 0)
            {
                text = text[..space];
            }

            var flag = RuleFlags.Normal;
            if (text[0] == '!')
            {
                flag = RuleFlags.Exception;
                text = text[1..];
            }
            else if (text.StartsWith("*.", StringComparison.Ordinal))
            {
                flag = RuleFlags.Wildcard;
                text = text[2..];
            }

            if (!DomainNames.TryToAscii(text.ToString(), out var ascii, out _))
            {
                continue;
            }

            Add(rules, ascii, flag | (isPrivate ? RuleFlags.Private : 0));
        }

        return new PublicSuffixList(rules.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// Splits a lower-case ASCII host (as <see cref="DomainNames.TryToAscii(ReadOnlySpan{char}, Span{char}, out int, out DomainNameProblem)"/>
    /// gives). Unlisted top-level labels count as a suffix of one label, as the list's "*" rule says.
    /// </summary>
    public DomainSplit Split(ReadOnlySpan<char> host)
    {
        var lastDot = host.LastIndexOf('.');
        var suffixStart = lastDot + 1;
        var isPrivate = false;
        var listed = false;
        var parentWildcard = false;
        var parentPrivate = false;
        var start = suffixStart;
        while (true)
        {
            var suffix = host[start..];
            var found = _lookup.TryGetValue(suffix, out var flags);
            if (found && (flags & RuleFlags.Exception) != 0)
            {
                // "!www.ck": www.ck is registrable; its parent is the suffix.
                suffixStart = start + suffix.IndexOf('.') + 1;
                isPrivate = (flags & RuleFlags.Private) != 0;
                listed = true;
                break;
            }

            if ((found && (flags & RuleFlags.Normal) != 0) || parentWildcard)
            {
                suffixStart = start;
                isPrivate = found && (flags & RuleFlags.Normal) != 0 ? (flags & RuleFlags.Private) != 0 : parentPrivate;
                listed = true;
            }

            parentWildcard = found && (flags & RuleFlags.Wildcard) != 0;
            parentPrivate = (flags & RuleFlags.Private) != 0;
            if ((!found && !parentWildcard) || start == 0)
            {
                break;
            }

            var previousDot = host[..(start - 1)].LastIndexOf('.');
            start = previousDot + 1;
        }

        var registrableStart = -1;
        if (suffixStart > 0)
        {
            registrableStart = host[..(suffixStart - 1)].LastIndexOf('.') + 1;
        }

        return new DomainSplit(suffixStart, registrableStart, isPrivate, listed);
    }

    private static void Add(Dictionary<string, RuleFlags> rules, string rule, RuleFlags flag)
    {
        rules[rule] = rules.GetValueOrDefault(rule) | flag;
        for (var dot = rule.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = rule.IndexOf('.', dot + 1))
        {
            rules.TryAdd(rule[(dot + 1)..], RuleFlags.Node);
        }
    }
}
