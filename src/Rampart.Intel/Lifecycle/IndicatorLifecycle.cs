using System.Globalization;
using Rampart.Core.Indicators;

namespace Rampart.Intel.Lifecycle;

/// <summary>
/// Whether an indicator is enforced at a moment, and why not: revoked, not yet valid, expired
/// (valid_until passed) or decayed (its MISP-style score fell below the threshold). The index
/// builders, the verdict's confirmation and every listing ask this one place.
/// </summary>
public sealed class IndicatorLifecycle
{
    private readonly DecaySettings _settings;
    private readonly Dictionary<IndicatorType, DecayModel> _models;

    public IndicatorLifecycle(DecaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(settings));
        }

        _settings = settings;
        _models = Enum.GetValues<IndicatorType>().ToDictionary(t => t, t => settings.Types.TryGetValue(t.ToWire(), out var configured) ? configured.ToModel() : Fallback);
    }

    /// <summary>The defaults of <see cref="DecaySettings"/>.</summary>
    public static IndicatorLifecycle Default { get; } = new(new DecaySettings());

    /// <summary>A type left out of a configured <c>Types</c> decays like a domain.</summary>
    private static readonly DecayModel Fallback = new(TimeSpan.FromDays(180), 0.5);

    public DecaySettings Settings => _settings;

    public DecayModel ModelOf(IndicatorType type) => _models[type];

    public bool IsLive(Indicator indicator, DateTimeOffset now) => Assess(indicator, now).IsLive;

    /// <summary>The confidence after false-positive sightings.</summary>
    public int Confidence(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return Math.Clamp(indicator.Confidence - (indicator.FalsePositives * _settings.FalsePositivePenalty), 0, 100);
    }

    public IndicatorStanding Assess(Indicator indicator, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var confidence = Confidence(indicator);
        var baseScore = _settings.BaseScore ?? confidence;
        var lastSeen = indicator.LastSeen is { } seen && seen > indicator.ValidFrom ? seen : indicator.ValidFrom;
        var model = _models[indicator.Type];
        var score = _settings.Enabled ? model.Score(baseScore, now - lastSeen) : baseScore;
        DateTimeOffset? decaysAt = _settings.Enabled ? lastSeen + model.TimeToThreshold(baseScore, _settings.Threshold) : null;
        var standing = new IndicatorStanding(IndicatorStatus.Live, confidence, baseScore, Math.Round(score, 2), _settings.Threshold, lastSeen, decaysAt, "");

        if (indicator.Revoked)
        {
            return standing with { Status = IndicatorStatus.Revoked, Why = "revoked" };
        }

        if (indicator.ValidFrom > now)
        {
            return standing with { Status = IndicatorStatus.NotYetValid, Why = $"not valid before {Time(indicator.ValidFrom)}" };
        }

        if (indicator.ValidUntil is { } until && until <= now)
        {
            return standing with { Status = IndicatorStatus.Expired, Why = $"expired: valid until {Time(until)}" };
        }

        var formula = string.Create(
            CultureInfo.InvariantCulture,
            $"{indicator.Type.ToWire()}: base {baseScore:0.##} × (1 − (t/{model.Lifetime.TotalDays:0.##}d)^(1/{model.DecaySpeed:0.##})), t = {(now - lastSeen).TotalDays:0.#}d since {Time(lastSeen)}");
        if (_settings.Enabled && score < _settings.Threshold)
        {
            var lowered = confidence < indicator.Confidence
                ? $"; confidence {indicator.Confidence} lowered to {confidence} by {indicator.FalsePositives} false-positive sighting(s)"
                : "";
            var why = string.Create(CultureInfo.InvariantCulture, $"decayed: score {score:0.##} < threshold {_settings.Threshold:0.##} ({formula}{lowered})");
            return standing with { Status = IndicatorStatus.Decayed, Why = why };
        }

        return standing with
        {
            Why = _settings.Enabled
                ? string.Create(CultureInfo.InvariantCulture, $"live: score {score:0.##} ≥ threshold {_settings.Threshold:0.##} until {Time(decaysAt!.Value)} ({formula})")
                : "live: decay is off",
        };
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
