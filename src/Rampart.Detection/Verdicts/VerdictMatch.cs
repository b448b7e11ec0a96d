using Rampart.Core.Indicators;
using Rampart.Core.Markings;

namespace Rampart.Detection.Verdicts;

/// <summary>One indicator that a checked value matched, and how.</summary>
/// <param name="How">
/// <c>exact</c>, <c>parent-domain</c> (the value is a subdomain of an indicator), <c>url-host</c>
/// (a URL's host matched), <c>url-prefix</c> (a URL under a URL indicator's host and path),
/// <c>email-domain</c>, or <c>cidr</c> (see <see cref="Indicators.MatchHows"/>).
/// </param>
/// <param name="Tlp">The indicator's TLP marking, so each way out can hold back what its caller may not receive.</param>
public sealed record VerdictMatch(
    string IndicatorId,
    IndicatorType Type,
    string Value,
    string How,
    int Confidence,
    string Source,
    string? ActorId,
    string? ActorName,
    Tlp? Tlp = null);
