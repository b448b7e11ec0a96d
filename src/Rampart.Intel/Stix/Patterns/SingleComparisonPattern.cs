using System.Text;
using Rampart.Core.Indicators;

namespace Rampart.Intel.Stix.Patterns;

/// <summary>
/// The fast path for the pattern nearly every feed indicator carries: one equality on one indexed
/// property, <c>[domain-name:value = 'evil.example']</c>, read from the pattern's UTF-8 bytes without
/// the grammar (no tokens, no tree, one string: the value). Anything else — other spacing, escapes,
/// OR, qualifiers, other properties — is not recognized and goes to <see cref="StixPatternParser"/>,
/// which gives the same result for what this recognizes (a property test holds them to it).
/// </summary>
public static class SingleComparisonPattern
{
    private static readonly (byte[] Path, string ObjectType, string PathText, IndicatorType Type)[] Paths =
    [
        ("domain-name:value"u8.ToArray(), "domain-name", "domain-name:value", IndicatorType.Domain),
        ("url:value"u8.ToArray(), "url", "url:value", IndicatorType.Url),
        ("ipv4-addr:value"u8.ToArray(), "ipv4-addr", "ipv4-addr:value", IndicatorType.Ipv4),
        ("ipv6-addr:value"u8.ToArray(), "ipv6-addr", "ipv6-addr:value", IndicatorType.Ipv6),
        ("email-addr:value"u8.ToArray(), "email-addr", "email-addr:value", IndicatorType.Email),
        ("file:hashes.'SHA-256'"u8.ToArray(), "file", "file:hashes.SHA-256", IndicatorType.Sha256),
        ("file:hashes.'SHA-1'"u8.ToArray(), "file", "file:hashes.SHA-1", IndicatorType.Sha1),
        ("file:hashes.MD5"u8.ToArray(), "file", "file:hashes.MD5", IndicatorType.Md5),
        ("file:hashes.'MD5'"u8.ToArray(), "file", "file:hashes.MD5", IndicatorType.Md5),
    ];

    /// <summary>
    /// True when <paramref name="pattern"/> (UTF-8, as the JSON string holds it, without escapes) is
    /// <c>[path = 'literal']</c> with single spaces around <c>=</c>, a path Rampart indexes, and a
    /// literal without quote or backslash; the values and reasons are then added as the full
    /// grammar and <see cref="PatternEnforcement"/> would add them.
    /// </summary>
    public static bool TryAnalyze(ReadOnlySpan<byte> pattern, List<IndicatorValue> values, List<string> notEnforced)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(notEnforced);
        if (pattern.Length > StixPatternParser.MaxLength || pattern.Length < 2 || pattern[0] != '[' || pattern[^1] != ']')
        {
            return false;
        }

        var inner = pattern[1..^1];
        var equals = inner.IndexOf(" = '"u8);
        if (equals < 0 || inner[^1] != '\'')
        {
            return false;
        }

        var literal = inner[(equals + 4)..^1];
        if (literal.IndexOfAny((byte)'\'', (byte)'\\') >= 0)
        {
            return false;
        }

        var path = inner[..equals];
        foreach (var (bytes, objectType, pathText, type) in Paths)
        {
            if (path.SequenceEqual(bytes))
            {
                PatternEnforcement.Add(objectType, pathText, type, Encoding.UTF8.GetString(literal), values, notEnforced);
                return true;
            }
        }

        return false;
    }
}
