namespace Rampart.Intel.Lifecycle;

/// <summary>
/// MISP's polynomial decay for one indicator type: <c>score = base × (1 − (t/τ)^(1/δ))</c>, where t is
/// the time since the indicator was last seen, τ the <paramref name="Lifetime"/> after which the
/// score is 0, and δ the <paramref name="DecaySpeed"/> (above 1 the score drops early, below 1 it
/// holds and falls late, 1 is a straight line).
/// </summary>
public sealed record DecayModel(TimeSpan Lifetime, double DecaySpeed)
{
    /// <summary>The score <paramref name="age"/> after the last sighting; never below 0, the base score at age 0 or less.</summary>
    public double Score(double baseScore, TimeSpan age)
    {
        if (age <= TimeSpan.Zero)
        {
            return baseScore;
        }

        if (age >= Lifetime)
        {
            return 0;
        }

        return baseScore * (1 - Math.Pow(age / Lifetime, 1 / DecaySpeed));
    }

    /// <summary>
    /// How long after the last sighting the score falls below <paramref name="threshold"/>: solving the
    /// formula for t gives <c>τ × (1 − threshold/base)^δ</c>; zero when the base is not above the threshold.
    /// </summary>
    public TimeSpan TimeToThreshold(double baseScore, double threshold) =>
        baseScore <= threshold ? TimeSpan.Zero : Lifetime * Math.Pow(1 - (threshold / baseScore), DecaySpeed);
}
