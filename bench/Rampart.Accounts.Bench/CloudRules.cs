using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Bench;

/// <summary>All SigmaHQ cloud rules (aws, azure, gcp, m365) from ../shared, else a small built-in set so the kernel still runs.</summary>
internal static class CloudRules
{
    public static (SigmaRuleSet Set, string Origin) Load()
    {
        var directory = SharedData.Find(Path.Combine("sigma", "rules", "cloud"));
        if (directory is null)
        {
            var builtIn = SigmaLoader.LoadText(BuiltIn, "built-in.yml");
            return (SigmaRuleSet.Compile(builtIn.Documents), "built-in rules (../shared absent)");
        }

        var loaded = SigmaLoader.LoadDirectory(directory);
        return (SigmaRuleSet.Compile(loaded.Documents), directory);
    }

    private const string BuiltIn = """
        title: inbox rule forwarding outside
        logsource: {product: m365, service: exchange}
        detection:
            selection:
                Operation: New-InboxRule
                Parameters.Value|endswith: '@external.example'
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
