using System.Text.Json;
using Rampart.Core.Accounts;

namespace Rampart.Storage.Accounts;

/// <summary>A <c>log_scans</c> row as Dapper reads it.</summary>
internal sealed class LogScanRow
{
    public const string Columns = "id AS Id, at AS At, files AS Files, events AS Events, problems AS Problems, rules AS Rules, matches AS Matches";

    public string Id { get; set; } = "";

    public long At { get; set; }

    public string Files { get; set; } = "[]";

    public long Events { get; set; }

    public long Problems { get; set; }

    public long Rules { get; set; }

    public long Matches { get; set; }

    public LogScan ToLogScan() =>
        new(Id, StoreTime.FromStore(At), JsonSerializer.Deserialize<string[]>(Files) ?? [], Events, Problems, (int)Rules, (int)Matches);
}
