namespace Rampart.Dns.Spool;

/// <summary>How the ingester moves hits from the spool into the store.</summary>
public sealed record HitIngesterOptions
{
    /// <summary>Hits per store transaction: big enough to amortise the commit, small enough to keep a retry cheap.</summary>
    public int BatchSize { get; init; } = 5000;

    /// <summary>Wait when the spool has nothing new.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>First wait after the store fails; doubled up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);
}
