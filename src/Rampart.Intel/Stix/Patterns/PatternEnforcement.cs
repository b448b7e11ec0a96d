using Rampart.Core.Indicators;

namespace Rampart.Intel.Stix.Patterns;

/// <summary>
/// Turns a parsed pattern into indexed indicators where it means "this one value is bad":
/// <c>[domain-name:value = '…']</c>, <c>url:value</c>, <c>ipv4-addr:value</c>/<c>ipv6-addr:value</c>
/// (= or ISSUBSET a CIDR), <c>email-addr:value</c>, <c>file:hashes.'MD5'|'SHA-1'|'SHA-256'</c>, an IN
/// set of those, and OR of any of them. Everything else (AND, FOLLOWEDBY, NOT, LIKE, MATCHES,
/// qualifiers, other properties) is kept unenforced with the reason; values go through
/// <see cref="IndicatorValueParser"/>, so they are normalized exactly as list imports are.
/// </summary>
public static class PatternEnforcement
{
    public static EnforceablePattern Analyze(ObservationNode pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var values = new List<IndicatorValue>();
        var notEnforced = new List<string>();
        Observation(pattern, values, notEnforced);
        return new EnforceablePattern(values, notEnforced);
    }

    private static void Observation(ObservationNode node, List<IndicatorValue> values, List<string> notEnforced)
    {
        switch (node)
        {
            case ObservationJunction { Operator: PatternTokenKind.Or } or:
                Observation(or.Left, values, notEnforced);
                Observation(or.Right, values, notEnforced);
                break;
            case ObservationJunction junction:
                notEnforced.Add($"{junction.Operator.ToString().ToUpperInvariant()} between observations needs several events, not one value");
                break;
            case QualifiedObservation qualified:
                notEnforced.Add($"{qualified.Qualifier.ToString().ToUpperInvariant()} qualifier depends on timing, not on one value");
                break;
            case Observation observation:
                Comparison(observation.Comparison, values, notEnforced);
                break;
        }
    }

    private static void Comparison(ComparisonNode node, List<IndicatorValue> values, List<string> notEnforced)
    {
        switch (node)
        {
            case ComparisonJunction { IsOr: true } or:
                Comparison(or.Left, values, notEnforced);
                Comparison(or.Right, values, notEnforced);
                break;
            case ComparisonJunction:
                notEnforced.Add("AND inside an observation needs every comparison on one object");
                break;
            case PropertyTest test:
                Test(test, values, notEnforced);
                break;
        }
    }

    private static void Test(PropertyTest test, List<IndicatorValue> values, List<string> notEnforced)
    {
        if (test.Negated || test.Operator == PatternTokenKind.NotEqual)
        {
            notEnforced.Add($"{test.Path.Text}: a negated comparison matches everything but a value");
            return;
        }

        var type = TypeOf(test.Path);
        if (type is null)
        {
            notEnforced.Add($"{test.Path.Text}: not a property Rampart indexes");
            return;
        }

        switch (test.Operator)
        {
            case PatternTokenKind.Equal:
                Add(test.Path, type.Value, test.Value!, values, notEnforced);
                break;
            case PatternTokenKind.In:
                foreach (var member in test.Value!.Members!)
                {
                    Add(test.Path, type.Value, member, values, notEnforced);
                }

                break;
            case PatternTokenKind.IsSubset when type is IndicatorType.Ipv4 or IndicatorType.Ipv6:
                Add(test.Path, IndicatorType.Cidr, test.Value!, values, notEnforced);
                break;
            default:
                notEnforced.Add($"{test.Path.Text}: {test.Operator.ToString().ToUpperInvariant()} does not name one value");
                break;
        }
    }

    private static void Add(ObjectPath path, IndicatorType type, PatternLiteral literal, List<IndicatorValue> values, List<string> notEnforced)
    {
        if (!literal.IsString)
        {
            notEnforced.Add($"{path.Text}: compared with a {literal.Kind} literal, not a string");
            return;
        }

        Add(path.ObjectType, path.Text, type, literal.Text, values, notEnforced);
    }

    /// <summary>One string compared with a property of <paramref name="objectType"/>: its value, or why it is not enforced. The one place both the grammar and <see cref="SingleComparisonPattern"/> turn a literal into a value.</summary>
    internal static void Add(string objectType, string pathText, IndicatorType type, string text, List<IndicatorValue> values, List<string> notEnforced)
    {
        // A CIDR with a full-length prefix is one address: index it as the address.
        if (type == IndicatorType.Cidr && !text.Contains('/', StringComparison.Ordinal))
        {
            type = objectType == "ipv4-addr" ? IndicatorType.Ipv4 : IndicatorType.Ipv6;
        }
        else if (objectType is "ipv4-addr" or "ipv6-addr" && text.Contains('/', StringComparison.Ordinal))
        {
            type = IsSingleAddressPrefix(text) ? (objectType == "ipv4-addr" ? IndicatorType.Ipv4 : IndicatorType.Ipv6) : IndicatorType.Cidr;
            if (type != IndicatorType.Cidr)
            {
                text = text[..text.IndexOf('/', StringComparison.Ordinal)];
            }
        }

        if (IndicatorValueParser.TryParse(text, type, out var error, out var value))
        {
            values.Add(value);
        }
        else
        {
            notEnforced.Add($"{pathText}: {error}");
        }
    }

    private static bool IsSingleAddressPrefix(string text) =>
        text.EndsWith("/32", StringComparison.Ordinal) && !text.Contains(':', StringComparison.Ordinal)
        || text.EndsWith("/128", StringComparison.Ordinal);

    private static IndicatorType? TypeOf(ObjectPath path) => path.ObjectType switch
    {
        "domain-name" when path.Is("domain-name", "value") => IndicatorType.Domain,
        "url" when path.Is("url", "value") => IndicatorType.Url,
        "ipv4-addr" when path.Is("ipv4-addr", "value") => IndicatorType.Ipv4,
        "ipv6-addr" when path.Is("ipv6-addr", "value") => IndicatorType.Ipv6,
        "email-addr" when path.Is("email-addr", "value") => IndicatorType.Email,
        "file" when path.Steps.Count == 2 && path.Steps[0] == "hashes" => path.Steps[1].ToUpperInvariant() switch
        {
            "MD5" => IndicatorType.Md5,
            "SHA-1" or "SHA1" => IndicatorType.Sha1,
            "SHA-256" or "SHA256" => IndicatorType.Sha256,
            _ => null,
        },
        _ => null,
    };
}
