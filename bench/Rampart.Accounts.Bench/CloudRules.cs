using Rampart.Accounts.Scanning;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Bench;

/// <summary>
/// All SigmaHQ cloud rules (aws, azure, gcp, m365) from ../shared, or the rules of
/// <c>directory</c>, else a small built-in set so the kernels still run; compiled with the field
/// aliases <c>logs scan</c> uses.
/// </summary>
internal static class CloudRules
{
    public static (SigmaRuleSet Set, string Origin) Load(string? directory = null)
    {
        var options = new SigmaCompileOptions { FieldAliases = AuditLogFieldAliases.SigmaHq };
        directory ??= SharedData.Find(Path.Combine("sigma", "rules", "cloud"));
        if (directory is null)
        {
            var builtIn = SigmaLoader.LoadText(BuiltIn, "built-in.yml");
            return (SigmaRuleSet.Compile(builtIn.Documents, options), "built-in rules (../shared absent)");
        }

        var loaded = SigmaLoader.LoadDirectory(directory);
        return (SigmaRuleSet.Compile(loaded.Documents, options), directory);
    }

    /// <summary>How many rules an event of each logsource is tested against, as `name: count` lines.</summary>
    public static IEnumerable<string> RulesPerLogsource(SigmaRuleSet set, IEnumerable<string> logsources) =>
        logsources.Order(StringComparer.Ordinal).Select(key =>
        {
            var parts = key.Split('/');
            var source = new SigmaLogSource(parts[0], parts.Length > 1 ? parts[1] : null, parts.Length > 2 ? parts[2] : null);
            return $"{key}: {set.RuleCountFor(source)} rules";
        });

    private const string BuiltIn = """
        title: inbox rule forwarding outside
        logsource: {product: m365, service: exchange}
        detection:
            selection:
                Operation: New-InboxRule
                Parameters.ForwardTo|endswith: '@evil.example'
            condition: selection
        ---
        title: federated domain added
        logsource: {product: m365, service: exchange}
        detection:
            selection:
                eventSource: Exchange
                eventName: Add-FederatedDomain
                status: success
            condition: selection
        """;
}
