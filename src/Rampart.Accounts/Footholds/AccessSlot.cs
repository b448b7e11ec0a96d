namespace Rampart.Accounts.Footholds;

/// <summary>
/// A tally as <see cref="AccessTallies"/> stores it: numbers only, so a million of them are one array
/// the garbage collector never traces (the tally with texts, <see cref="AccessTally"/>, is made when read).
/// </summary>
internal struct AccessSlot
{
    /// <summary>The account in lower case, as a text number.</summary>
    public int Account;

    /// <summary>The index of what was used in <see cref="AccessTallies.Kinds"/>.</summary>
    public int Kind;

    /// <summary>The address number for an address; the text number of the app, session or token; -1 for a session or token seen once (see <see cref="AccessTally.Value"/>).</summary>
    public int Value;

    public long Count;

    public SightingIds First;

    /// <summary>The latest sighting (the first while there is one).</summary>
    public SightingIds Last;

    /// <summary>Counts a sighting; it replaces the first when earlier, the last when not earlier than the last.</summary>
    public void Add(in SightingIds sighting)
    {
        Count++;
        var isFirst = sighting.Ticks < First.Ticks;
        var isLast = sighting.Ticks >= Last.Ticks;
        if (isFirst)
        {
            First = sighting;
        }

        if (isLast)
        {
            Last = sighting;
        }
    }
}
