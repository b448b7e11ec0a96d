using Rampart.Core.Auditing;

namespace Rampart.Core.Accounts;

/// <summary>The latest footholds audit of each account: a summary for lists and the report (with its plan) as JSON.</summary>
public interface IAccountReportStore
{
    /// <summary>Replaces the stored report of each account given, in one transaction; returns how many changed.</summary>
    Task<int> SaveAsync(IReadOnlyList<AccountReportRecord> reports, ChangeContext context, CancellationToken cancellationToken);

    /// <summary>Every stored account, compromised first, then by name.</summary>
    Task<IReadOnlyList<AccountReportRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>One account's report (the account compared without regard to case), or null.</summary>
    Task<AccountReportRecord?> GetAsync(string account, CancellationToken cancellationToken);
}
