using System.Reflection;
using Rampart.Accounts.Scanning;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Footholds;

/// <summary>
/// The Sigma rules that ship with Rampart for footholds, resets and compromise signs, embedded from
/// <c>Footholds/Rules/*.yml</c>. They are ordinary Sigma: <c>rampart rules check</c> reads them, and
/// what only code can say (an address outside the organization, an address in the indicator store)
/// is added by <see cref="FootholdAnalyzer"/>.
/// </summary>
public static class BuiltInFootholdRules
{
    private const string Prefix = "Rampart.Accounts.Footholds.Rules.";

    private static readonly Lazy<SigmaRuleSet> Compiled = new(() => Compile(Load()));

    /// <summary>The built-in rule set, compiled once per process.</summary>
    public static SigmaRuleSet RuleSet => Compiled.Value;

    /// <summary>Every built-in document, each named <c>builtin:&lt;file&gt;</c> in errors and matches.</summary>
    public static SigmaLoadResult Load()
    {
        var assembly = typeof(BuiltInFootholdRules).Assembly;
        var documents = new List<SigmaDocument>();
        var errors = new List<SigmaLoadError>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var result = SigmaLoader.LoadText(Read(assembly, name), "builtin:" + name[Prefix.Length..]);
            documents.AddRange(result.Documents);
            errors.AddRange(result.Errors);
        }

        return new SigmaLoadResult(documents, errors);
    }

    /// <summary>Compiles with the field aliases SigmaHQ's cloud rules use, so the built-ins and SigmaHQ's rules read events alike.</summary>
    public static SigmaRuleSet Compile(SigmaLoadResult loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        return SigmaRuleSet.Compile(loaded.Documents, new SigmaCompileOptions { FieldAliases = AuditLogFieldAliases.SigmaHq });
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
