namespace Rampart.Accounts.Sigma;

/// <summary>
/// How rules are compiled. Every limit on hostile input is named here with its reason.
/// </summary>
public sealed class SigmaCompileOptions
{
    public static readonly SigmaCompileOptions Default = new();

    /// <summary>Values of <c>%placeholder%</c>s for the <c>expand</c> modifier; a rule using one not listed is rejected.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per-log-source field aliases, tried before the field name itself.</summary>
    public SigmaFieldAliases FieldAliases { get; init; } = SigmaFieldAliases.BuiltIn;

    /// <summary>Regular expressions that .NET's linear-time engine cannot run fall back to backtracking, bounded by this.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>One value may expand (windash, base64offset, placeholders) to at most this many variants.</summary>
    public int MaxValueVariants { get; init; } = 4096;

    /// <summary>Correlation groups kept per correlation rule; beyond it the least recently active group is dropped.</summary>
    public int MaxCorrelationGroups { get; init; } = 100_000;

    /// <summary>Events kept per correlation group window; beyond it the oldest is dropped.</summary>
    public int MaxEventsPerGroup { get; init; } = 10_000;
}
