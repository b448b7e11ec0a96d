using Rampart.Core.Accounts;

namespace Rampart.Storage.Accounts.SigmaRules;

/// <summary>One log source with its rule counts and whether its rule set is on (no <c>sigma_logsources</c> row: on).</summary>
internal sealed class SigmaLogSourceRow
{
    public string Product { get; set; } = "";

    public string Service { get; set; } = "";

    public string Category { get; set; } = "";

    public long Rules { get; set; }

    public long EnabledRules { get; set; }

    public bool Enabled { get; set; }

    public SigmaLogSourceSetting ToSetting() => new(
        SigmaRuleRow.NullIfEmpty(Product), SigmaRuleRow.NullIfEmpty(Service), SigmaRuleRow.NullIfEmpty(Category), (int)Rules, (int)EnabledRules, Enabled);
}
