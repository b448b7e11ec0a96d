using Rampart.Core.Auditing;

namespace Rampart.Core.Accounts;

/// <summary>Sigma rules in the store, each enabled or not, grouped in rule sets per log source that are switched on and off together.</summary>
public interface ISigmaRuleStore
{
    /// <summary>Adds or replaces documents by id, in one transaction; a replaced rule keeps its enabled flag. Returns how many changed.</summary>
    Task<int> ImportAsync(IReadOnlyList<StoredSigmaRule> rules, ChangeContext context, CancellationToken cancellationToken);

    Task<StoredSigmaRule?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Rules in title order, optionally of one product/service and enabled state.</summary>
    Task<IReadOnlyList<StoredSigmaRule>> ListAsync(string? product, string? service, bool? enabled, CancellationToken cancellationToken);

    /// <summary>The rules to run: enabled, and in a log source whose rule set is not switched off.</summary>
    Task<IReadOnlyList<StoredSigmaRule>> ListActiveAsync(CancellationToken cancellationToken);

    Task<bool> SetEnabledAsync(string id, bool enabled, ChangeContext context, CancellationToken cancellationToken);

    /// <summary>Switches the rule set of one log source (exactly these product/service/category values) on or off.</summary>
    Task SetLogSourceEnabledAsync(string? product, string? service, string? category, bool enabled, ChangeContext context, CancellationToken cancellationToken);

    Task<IReadOnlyList<SigmaLogSourceSetting>> ListLogSourcesAsync(CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string id, ChangeContext context, CancellationToken cancellationToken);
}
