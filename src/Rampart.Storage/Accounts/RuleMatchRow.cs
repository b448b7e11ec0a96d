using Rampart.Core.Accounts;

namespace Rampart.Storage.Accounts;

/// <summary>A <c>rule_matches</c> row as Dapper reads it.</summary>
internal sealed class RuleMatchRow
{
    public const string Columns = """
        id AS Id, scan_id AS ScanId, rule_id AS RuleId, rule_title AS RuleTitle, level AS Level, logsource AS Logsource,
        event_time AS EventTime, account AS Account, client_ip AS ClientIp, operation AS Operation, file AS File,
        line AS Line, group_key AS GroupKey, event AS Event
        """;

    public string Id { get; set; } = "";

    public string ScanId { get; set; } = "";

    public string RuleId { get; set; } = "";

    public string RuleTitle { get; set; } = "";

    public string? Level { get; set; }

    public string Logsource { get; set; } = "";

    public long? EventTime { get; set; }

    public string? Account { get; set; }

    public string? ClientIp { get; set; }

    public string? Operation { get; set; }

    public string File { get; set; } = "";

    public long Line { get; set; }

    public string? GroupKey { get; set; }

    public string Event { get; set; } = "{}";

    public StoredRuleMatch ToStored() => new(Id, ScanId, new RuleMatch(
        RuleId, RuleTitle, Level, Logsource, EventTime is { } t ? StoreTime.FromStore(t) : null,
        Account, ClientIp, Operation, File, (int)Line, GroupKey, Event));
}
