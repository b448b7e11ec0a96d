namespace Rampart.Accounts.Sigma;

/// <summary>
/// The state of one group (one group-by key) of one correlation: a window of recent events for the
/// counting and value types, per-rule times for the temporal types. Bounded by
/// <see cref="SigmaCompileOptions.MaxEventsPerGroup"/>.
/// </summary>
internal sealed class CorrelationGroup
{
    public long LastSeen { get; set; }

    public Queue<(long Ticks, string? Value, double Number)> Window { get; } = new();

    public Dictionary<string, int>? Counts { get; set; }

    public double Sum { get; set; }

    /// <summary>temporal: when each rule last matched; temporal_ordered: the latest start of a chain completed up to each step.</summary>
    public long[]? Times { get; set; }

    public void Clear()
    {
        Window.Clear();
        Counts?.Clear();
        Sum = 0;
        if (Times is not null)
        {
            Array.Fill(Times, long.MinValue);
        }
    }
}
