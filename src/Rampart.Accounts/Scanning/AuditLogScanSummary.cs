using System.Runtime.InteropServices;
using Rampart.Accounts.AuditLogs;
using Rampart.Accounts.Events;

namespace Rampart.Accounts.Scanning;

/// <summary>What a scan read and found: counts, the first problems, and the matches kept.</summary>
public sealed class AuditLogScanSummary
{
    public List<string> Files { get; } = [];

    public long Bytes { get; set; }

    /// <summary>Events read, including those before <see cref="AuditLogScanOptions.Since"/>.</summary>
    public long Events { get; set; }

    /// <summary>Events evaluated (at or after <see cref="AuditLogScanOptions.Since"/>).</summary>
    public long Evaluated { get; set; }

    public long ProblemCount { get; private set; }

    public List<AuditLogProblem> Problems { get; } = [];

    public long MatchCount { get; private set; }

    public List<ScanMatch> Matches { get; } = [];

    /// <summary>Matches per rule key, with the rule's title and level.</summary>
    public Dictionary<string, RuleTally> PerRule { get; } = new(StringComparer.Ordinal);

    /// <summary>Matches per account (events without one count under "(none)").</summary>
    public Dictionary<string, long> PerAccount { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Events per logsource, matched or not.</summary>
    public Dictionary<string, long> PerLogsource { get; } = new(StringComparer.Ordinal);

    internal void AddProblem(AuditLogProblem problem, int keep)
    {
        ProblemCount++;
        if (Problems.Count < keep)
        {
            Problems.Add(problem);
        }
    }

    internal void CountEvent(string logsource) => CollectionsMarshal.GetValueRefOrAddDefault(PerLogsource, logsource, out _)++;

    internal void AddMatch(ScanMatch match, int keep)
    {
        MatchCount++;
        if (Matches.Count < keep)
        {
            Matches.Add(match);
        }

        var rule = match.Rule;
        if (!PerRule.TryGetValue(rule.Key, out var tally))
        {
            tally = PerRule[rule.Key] = new RuleTally(rule.Title, rule.Level);
        }

        tally.Matches++;
        var account = match.Event.Account ?? "(none)";
        tally.Accounts.Add(account);
        PerAccount[account] = PerAccount.GetValueOrDefault(account) + 1;
    }
}
