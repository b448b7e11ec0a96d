namespace Rampart.Accounts.Footholds;

/// <summary>The outcome of an audit: one report per account that has anything to report, compromised accounts first.</summary>
public sealed record FootholdAnalysis(IReadOnlyList<AccountReport> Accounts, long Events, long AccountsSeen, int IndicatorAddresses);
