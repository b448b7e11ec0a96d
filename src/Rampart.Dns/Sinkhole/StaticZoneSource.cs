namespace Rampart.Dns.Sinkhole;

/// <summary>A zone set that changes only when told: tests, and hosts that push sets themselves.</summary>
public sealed class StaticZoneSource(SinkholeZoneSet initial) : ISinkholeZoneSource
{
    private volatile SinkholeZoneSet _current = initial;

    public SinkholeZoneSet Current => _current;

    public event EventHandler? Changed;

    public void Replace(SinkholeZoneSet zones)
    {
        _current = zones;
        Changed?.Invoke(this, EventArgs.Empty);
    }
}
