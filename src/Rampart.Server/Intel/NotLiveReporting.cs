using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rampart.Intel.Exports;

namespace Rampart.Server.Intel;

/// <summary>
/// What a blocking way out (lists, blocking formats, the MISP feed, RPZ) left out because it is no
/// longer enforced — expired, decayed, not yet valid — told beside the TLP count of
/// <see cref="MarkingEnforcement"/>: the <see cref="NotLiveHeader"/> response header, the
/// <see cref="NotLiveCounter"/> metric, a debug log line. Not a refusal: the indicators stay queryable.
/// </summary>
public static partial class NotLiveReporting
{
    /// <summary>How many indicators the response left out as not live (its lifecycle status says why).</summary>
    public const string NotLiveHeader = "X-Rampart-Not-Live";

    public const string MeterName = "Rampart.Exports";

    public const string NotLiveCounter = "rampart.exports.not_live";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> NotLive = Meter.CreateCounter<long>(NotLiveCounter, "{indicator}", "Indicators left out of blocking exports as expired, decayed or not yet valid");

    public static void ReportNotLive(this HttpContext context, LifecycleGate gate, string endpoint)
    {
        ArgumentNullException.ThrowIfNull(gate);
        context.ReportNotLive(gate.LeftOutTotal, gate.LeftOut, endpoint);
    }

    public static void ReportNotLive(this HttpContext context, int total, IReadOnlyDictionary<string, int> byStatus, string endpoint)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(byStatus);
        context.Response.Headers[NotLiveHeader] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (total == 0)
        {
            return;
        }

        foreach (var (status, count) in byStatus)
        {
            NotLive.Add(count, new KeyValuePair<string, object?>("endpoint", endpoint), new KeyValuePair<string, object?>("status", status));
        }

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(NotLiveReporting).FullName!);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var statuses = string.Join(", ", byStatus.Select(s => $"{s.Key} {s.Value}"));
            LogNotLive(logger, total, endpoint, statuses);
        }
    }

    [LoggerMessage(EventId = 2102, Level = LogLevel.Debug, Message = "Left {Count} indicator(s) out of {Endpoint} as not live ({Statuses})")]
    private static partial void LogNotLive(ILogger logger, int count, string endpoint, string statuses);
}
