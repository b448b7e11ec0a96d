namespace Rampart.Dns.Victims;

/// <summary>How long raw hits are kept and how often the rollup runs (<c>Sinkhole:Retention</c> in serve).</summary>
public sealed class SinkholeRetentionOptions
{
    public const int DefaultDays = 90;

    /// <summary>Raw hits (source addresses are personal data) are kept this many whole days, then rolled up.</summary>
    public int Days { get; set; } = DefaultDays;

    /// <summary>How often serve looks for hits past retention; a day rolls up within this much of expiring.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    public bool Enabled { get; set; } = true;
}
