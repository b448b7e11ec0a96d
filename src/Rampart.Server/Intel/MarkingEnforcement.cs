using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rampart.Core.Markings;
using Rampart.Intel.Exports;
using Rampart.Server.Platform.Auth;

namespace Rampart.Server.Intel;

/// <summary>
/// Markings on the API's ways out: each request passes its caller's TLP ceiling (the user's, or the
/// API key's, never above its owner's) to a <see cref="MarkingGate"/>, and what the gate held back is
/// told three ways: the <see cref="WithheldHeader"/> response header (and a <c>withheld</c> count in
/// JSON bodies), the <see cref="WithheldCounter"/> metric, and one log line naming the caller and the
/// endpoint, never a withheld value.
/// </summary>
public static partial class MarkingEnforcement
{
    /// <summary>How many objects above the caller's ceiling the response left out.</summary>
    public const string WithheldHeader = "X-Rampart-Withheld";

    /// <summary>The caller's TLP ceiling, so a client knows why.</summary>
    public const string CeilingHeader = "X-Rampart-Tlp-Max";

    public const string MeterName = "Rampart.Markings";

    public const string WithheldCounter = "rampart.markings.withheld";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Withheld = Meter.CreateCounter<long>(WithheldCounter, "{object}", "Objects held back from API callers by their TLP ceiling");

    /// <summary>A gate at this request's ceiling.</summary>
    public static MarkingGate Gate(this HttpContext context) => new(context.TlpCeiling());

    /// <summary>Sets the headers, counts and logs what <paramref name="gate"/> held back on <paramref name="endpoint"/>.</summary>
    /// <remarks>
    /// With <paramref name="redAsAbsent"/>, the caller's count leaves TLP:RED out: where a RED hit is answered as
    /// if it did not exist (a verdict on one value), a count of one would tell the caller it does. The metric
    /// and the log, which the operator reads, still count it.
    /// </remarks>
    public static void ReportWithheld(this HttpContext context, MarkingGate gate, string endpoint, bool redAsAbsent = false)
    {
        ArgumentNullException.ThrowIfNull(gate);
        var refused = gate.Refused;
        var shown = gate.RefusedTotal - (redAsAbsent ? refused.GetValueOrDefault(Tlp.Red.ToWire()) : 0);
        context.ReportWithheld(gate.Maximum, gate.RefusedTotal, refused, endpoint, shown);
    }

    public static void ReportWithheld(this HttpContext context, Tlp ceiling, int total, IReadOnlyDictionary<string, int> byLevel, string endpoint, int? shownToCaller = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(byLevel);
        context.Response.Headers[WithheldHeader] = (shownToCaller ?? total).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers[CeilingHeader] = ceiling.ToWire();
        if (total == 0)
        {
            return;
        }

        var via = context.User.Identity?.AuthenticationType ?? "none";
        foreach (var (level, count) in byLevel)
        {
            Withheld.Add(count, new KeyValuePair<string, object?>("endpoint", endpoint), new KeyValuePair<string, object?>("level", level), new KeyValuePair<string, object?>("via", via));
        }

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MarkingEnforcement).FullName!);
        var user = context.User.Identity?.Name ?? "anonymous";
        var levels = string.Join(", ", byLevel.Select(l => $"{l.Key} {l.Value}"));
        var ceilingName = ceiling.ToWire();
        LogWithheld(logger, total, endpoint, user, via, ceilingName, levels);
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Withheld {Count} object(s) from {User} ({Via}) on {Endpoint}: above TLP ceiling {Ceiling} ({Levels})")]
    private static partial void LogWithheld(ILogger logger, int count, string endpoint, string user, string via, string ceiling, string levels);
}
