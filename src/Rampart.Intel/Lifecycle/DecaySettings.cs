using Rampart.Core.Indicators;

namespace Rampart.Intel.Lifecycle;

/// <summary>
/// The configuration section <c>Intel:Decay</c>, shaped like a MISP decaying model: a threshold
/// below which an indicator leaves the matching index, a base score (the indicator's confidence
/// unless fixed here), and a lifetime and decay speed per indicator type. The defaults decay IP
/// addresses fastest (re-assigned within weeks), URLs and domains slower, file hashes slowest (a
/// file's hash never changes meaning).
/// </summary>
public sealed class DecaySettings
{
    public const string Section = "Intel:Decay";

    /// <summary>False: indicators never decay (validity and revocation still apply).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>MISP's default threshold: below 30 an indicator is not acted on.</summary>
    public double Threshold { get; set; } = 30;

    /// <summary>A fixed base score for every indicator, as MISP's <c>default_base_score</c>; null: each indicator's confidence.</summary>
    public double? BaseScore { get; set; }

    /// <summary>Confidence points each false-positive sighting takes away (never below 0).</summary>
    public int FalsePositivePenalty { get; set; } = 25;

    /// <summary>Lifetime and decay speed per indicator type wire name (<c>ipv4</c>, <c>domain</c>, <c>sha256</c>…).</summary>
    public Dictionary<string, DecayTypeSettings> Types { get; set; } = Defaults();

    /// <summary>The problems of a configuration, each naming its key; empty when it is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Threshold is < 0 or > 100 || double.IsNaN(Threshold))
        {
            problems.Add($"{Section}:Threshold: {Threshold} is not between 0 and 100");
        }

        if (BaseScore is { } fixedScore && (fixedScore is < 0 or > 100 || double.IsNaN(fixedScore)))
        {
            problems.Add($"{Section}:BaseScore: {fixedScore} is not between 0 and 100");
        }

        if (FalsePositivePenalty is < 0 or > 100)
        {
            problems.Add($"{Section}:FalsePositivePenalty: {FalsePositivePenalty} is not between 0 and 100");
        }

        foreach (var (name, type) in Types)
        {
            if (!IndicatorTypes.TryParse(name, out var parsed) || !string.Equals(parsed.Value.ToWire(), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{Section}:Types:{name}: not an indicator type; one of {string.Join(", ", IndicatorTypes.WireNames)}");
            }

            if (type.Lifetime <= TimeSpan.Zero)
            {
                problems.Add($"{Section}:Types:{name}:Lifetime: {type.Lifetime} must be positive");
            }

            if (!(type.DecaySpeed > 0) || double.IsInfinity(type.DecaySpeed))
            {
                problems.Add($"{Section}:Types:{name}:DecaySpeed: {type.DecaySpeed} must be a positive number");
            }
        }

        return problems;
    }

    private static Dictionary<string, DecayTypeSettings> Defaults()
    {
        static DecayTypeSettings Days(int days, double speed) => new() { Lifetime = TimeSpan.FromDays(days), DecaySpeed = speed };

        // Confidence 50 (a list's default) falls below 30 after 12 days for an IP, 24 for a URL,
        // 114 for a domain or address, 555 for a hash.
        return new Dictionary<string, DecayTypeSettings>(StringComparer.OrdinalIgnoreCase)
        {
            ["ipv4"] = Days(30, 1),
            ["ipv6"] = Days(30, 1),
            ["cidr"] = Days(30, 1),
            ["url"] = Days(60, 1),
            ["domain"] = Days(180, 0.5),
            ["email"] = Days(180, 0.5),
            ["md5"] = Days(730, 0.3),
            ["sha1"] = Days(730, 0.3),
            ["sha256"] = Days(730, 0.3),
        };
    }
}
