using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Rampart.Accounts.Sigma;

/// <summary>
/// A correlation ready to run. Its state is only a function of the events fed to it, so it can be
/// rebuilt by replaying them (<see cref="SigmaEvaluator.ResetCorrelations"/>); it is bounded in
/// groups and in events per group. A correlation fires when its condition holds for the window that
/// ends at the current event; the group's window then starts afresh, so one burst fires once.
/// </summary>
internal sealed class CompiledCorrelation(CorrelationPlan plan, SigmaCompileOptions options)
{
    private readonly int _inputs = plan.Rule.Rules.Count;

    private readonly Dictionary<string, CorrelationGroup> _groups = new(StringComparer.Ordinal);

    public SigmaCorrelationRule Rule => plan.Rule;

    private bool Reports => plan.Reports;

    private FieldPath[][][] GroupPaths => plan.GroupPaths;

    private FieldPath[][] ValuePaths => plan.ValuePaths;

    /// <summary>This evaluator's instances of the correlations this one feeds, at which input position.</summary>
    public List<(CompiledCorrelation Correlation, int Position)> Feeds { get; } = [];

    public int GroupCount => _groups.Count;

    public void Reset() => _groups.Clear();

    public void Add(int position, EventRecord record, DateTimeOffset timestamp, List<SigmaMatch> matches)
    {
        var ticks = timestamp.UtcTicks;
        var key = GroupKey(position, record);
        string? value = null;
        var number = 0d;
        if (ValuePaths.Length > 0)
        {
            if (!SigmaEventContext.Resolve(record, ValuePaths[position], out var element) || !element.IsScalar)
            {
                return; // an event without the aggregated field says nothing about it
            }

            value = Text(record, element);
            if (Rule.Type is SigmaCorrelationType.ValueSum or SigmaCorrelationType.ValueAvg
                && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
            {
                return;
            }
        }

        var group = GroupFor(key, ticks);
        group.LastSeen = Math.Max(group.LastSeen, ticks);
        var horizon = ticks - Rule.Timespan.Ticks;
        double measure;
        switch (Rule.Type)
        {
            case SigmaCorrelationType.Temporal:
                group.Times![position] = Math.Max(group.Times[position], ticks);
                measure = group.Times.Count(t => t != long.MinValue && t >= horizon);
                break;
            case SigmaCorrelationType.TemporalOrdered:
                var times = group.Times!;
                if (position == 0)
                {
                    times[0] = ticks;
                }
                else if (times[position - 1] != long.MinValue && times[position - 1] >= horizon)
                {
                    times[position] = Math.Max(times[position], times[position - 1]);
                }

                // The count of steps completed in order within the window ending now.
                measure = 0;
                while (measure < times.Length && times[(int)measure] != long.MinValue && times[(int)measure] >= horizon)
                {
                    measure++;
                }

                if (position != times.Length - 1)
                {
                    measure = Math.Min(measure, times.Length - 1);
                }

                break;
            default:
                Push(group, ticks, value, number, horizon);
                measure = Measure(group, value);
                break;
        }

        if (!Holds(measure))
        {
            return;
        }

        group.Clear();
        var match = new SigmaMatch(Rule, timestamp, key);
        if (Reports)
        {
            matches.Add(match);
        }

        foreach (var (parent, parentPosition) in Feeds)
        {
            parent.Add(parentPosition, record, timestamp, matches);
        }
    }

    private bool Holds(double measure)
    {
        if (Rule.Condition.Count == 0)
        {
            return measure >= _inputs; // temporal types without a condition: every rule, (in order)
        }

        foreach (var criterion in Rule.Condition)
        {
            if (!criterion.IsSatisfiedBy(measure))
            {
                return false;
            }
        }

        return true;
    }

    private void Push(CorrelationGroup group, long ticks, string? value, double number, long horizon)
    {
        var window = group.Window;
        while (window.Count > 0 && (window.Peek().Ticks < horizon || window.Count >= options.MaxEventsPerGroup))
        {
            Pop(group);
        }

        window.Enqueue((ticks, value, number));
        group.Sum += number;
        if (value is not null && group.Counts is not null)
        {
            group.Counts[value] = group.Counts.GetValueOrDefault(value) + 1;
        }
    }

    private static void Pop(CorrelationGroup group)
    {
        var (_, value, number) = group.Window.Dequeue();
        group.Sum -= number;
        if (value is not null && group.Counts is not null && group.Counts.TryGetValue(value, out var count))
        {
            if (count <= 1)
            {
                group.Counts.Remove(value);
            }
            else
            {
                group.Counts[value] = count - 1;
            }
        }
    }

    private double Measure(CorrelationGroup group, string? value) => Rule.Type switch
    {
        SigmaCorrelationType.EventCount => group.Window.Count,
        SigmaCorrelationType.ValueCount => group.Counts!.Count,
        SigmaCorrelationType.ValueSum => group.Sum,
        SigmaCorrelationType.ValueAvg => group.Window.Count == 0 ? 0 : group.Sum / group.Window.Count,
        // value_percentile: how common the current event's value is in the window, in percent.
        SigmaCorrelationType.ValuePercentile => 100.0 * group.Counts!.GetValueOrDefault(value!) / group.Window.Count,
        SigmaCorrelationType.Temporal or SigmaCorrelationType.TemporalOrdered => 0,
    };

    private CorrelationGroup GroupFor(string key, long ticks)
    {
        if (_groups.TryGetValue(key, out var group))
        {
            return group;
        }

        if (_groups.Count >= options.MaxCorrelationGroups)
        {
            Evict(ticks);
        }

        group = new CorrelationGroup();
        if (Rule.Type is SigmaCorrelationType.ValueCount or SigmaCorrelationType.ValuePercentile)
        {
            group.Counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        }

        if (Rule.Type is SigmaCorrelationType.Temporal or SigmaCorrelationType.TemporalOrdered)
        {
            group.Times = new long[_inputs];
            Array.Fill(group.Times, long.MinValue);
        }

        _groups[key] = group;
        return group;
    }

    /// <summary>At the group limit: drop groups whose window has passed, else the least recently active one.</summary>
    private void Evict(long now)
    {
        var horizon = now - Rule.Timespan.Ticks;
        foreach (var (key, group) in _groups)
        {
            if (group.LastSeen < horizon)
            {
                _groups.Remove(key);
            }
        }

        if (_groups.Count >= options.MaxCorrelationGroups)
        {
            var oldest = _groups.MinBy(g => g.Value.LastSeen).Key;
            _groups.Remove(oldest);
        }
    }

    private string GroupKey(int position, EventRecord record)
    {
        if (Rule.GroupBy.Count == 0)
        {
            return "";
        }

        var builder = new StringBuilder();
        for (var i = 0; i < Rule.GroupBy.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(Rule.GroupBy[i]).Append('=');
            if (SigmaEventContext.Resolve(record, GroupPaths[position][i], out var element))
            {
                builder.Append(Text(record, element));
            }
        }

        return builder.ToString();
    }

    /// <summary>A string unescaped; anything else (number, boolean, null, object, array) as written.</summary>
    private static string Text(EventRecord record, RawValue value) =>
        value.Kind == JsonTokenType.String ? RawJson.Text(record.Utf8, value)! : Encoding.UTF8.GetString(record.Utf8.Slice(value.Start, value.Length));
}
