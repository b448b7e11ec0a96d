namespace Rampart.Intel.Lifecycle;

/// <summary>One indicator type's decay, as configured (<c>Intel:Decay:Types:&lt;type&gt;</c>).</summary>
public sealed class DecayTypeSettings
{
    /// <summary>τ: after this long without a sighting the score is 0.</summary>
    public TimeSpan Lifetime { get; set; }

    /// <summary>δ: above 1 the score drops early, below 1 it holds and falls late.</summary>
    public double DecaySpeed { get; set; } = 1;

    public DecayModel ToModel() => new(Lifetime, DecaySpeed);
}
