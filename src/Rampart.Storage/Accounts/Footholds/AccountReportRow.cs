using Rampart.Core.Accounts;

namespace Rampart.Storage.Accounts.Footholds;

/// <summary>An <c>account_reports</c> row as Dapper reads it.</summary>
internal sealed class AccountReportRow
{
    public const string Columns = "account AS Account, status AS Status, window_opened AS WindowOpened, last_reset AS LastReset, actors AS Actors, footholds AS Footholds, open_steps AS OpenSteps, report AS Report, audited_at AS AuditedAt";

    public string Account { get; set; } = "";

    public string Status { get; set; } = "";

    public long? WindowOpened { get; set; }

    public long? LastReset { get; set; }

    public string Actors { get; set; } = "";

    public long Footholds { get; set; }

    public long OpenSteps { get; set; }

    public string Report { get; set; } = "";

    public long AuditedAt { get; set; }

    public AccountReportRecord ToRecord() => new(
        Account, Status, WindowOpened is { } w ? StoreTime.FromStore(w) : null, LastReset is { } r ? StoreTime.FromStore(r) : null,
        Actors, (int)Footholds, (int)OpenSteps, Report, StoreTime.FromStore(AuditedAt));
}
