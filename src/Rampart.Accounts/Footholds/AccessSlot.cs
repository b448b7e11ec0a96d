namespace Rampart.Accounts.Footholds;

/// <summary>
/// A tally as <see cref="AccessTable"/> holds it: numbers only, so a million of them are arrays the
/// garbage collector never traces (the tally with texts, <see cref="AccessTally"/>, is made when read).
/// </summary>
/// <param name="Account">The account in lower case, as a text number.</param>
/// <param name="Kind">The index of what was used in <see cref="AccessTallies.Kinds"/>.</param>
/// <param name="Value">The address number for an address; the text number of the app, session or token; -1 for a session or token seen once (see <see cref="AccessTally.Value"/>).</param>
/// <param name="Last">The latest sighting (the first while there is one).</param>
internal readonly record struct AccessSlot(int Account, int Kind, int Value, long Count, SightingIds First, SightingIds Last);
