using System.Globalization;

namespace Rampart.Dns.Spool;

/// <summary>One measurement of a node's spool against its limit.</summary>
public readonly record struct SpoolReadinessReport(bool Ready, long PendingBytes, long LimitBytes)
{
    public string Describe() => Ready
        ? string.Create(CultureInfo.InvariantCulture, $"ready: {PendingBytes} spooled bytes not yet in the store (limit {LimitBytes})")
        : string.Create(CultureInfo.InvariantCulture, $"not ready: {PendingBytes} spooled bytes not yet in the store, past the limit of {LimitBytes}; the store is down or slower than the hits");
}
