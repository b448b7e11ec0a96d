namespace Rampart.Detection.Lookalikes;

/// <summary>What a hunt saw: lines read, and how many were malicious, suspicious, allowlisted or invalid.</summary>
public sealed record HuntSummary(long Lines, long Malicious, long Suspicious, long Allowlisted, long Invalid, long Skipped, TimeSpan Elapsed)
{
    public double NamesPerSecond => Elapsed.TotalSeconds > 0 ? Lines / Elapsed.TotalSeconds : 0;
}
