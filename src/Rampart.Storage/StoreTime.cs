namespace Rampart.Storage;

/// <summary>
/// The one place that decides how the store keeps times: as <c>bigint</c> Unix milliseconds (UTC) in
/// both providers. Both engines compare and index them the same way, Dapper maps them to
/// <see cref="long"/> without provider-specific conversions, and there is no time zone or text format
/// to disagree about. Precision is one millisecond: times read back are truncated to it.
/// </summary>
internal static class StoreTime
{
    public static long ToStore(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static long? ToStore(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromStore(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    public static DateTimeOffset? FromStore(long? milliseconds) =>
        milliseconds is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
}
