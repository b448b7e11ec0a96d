namespace Rampart.Server.Intel;

/// <summary>
/// One written MISP feed: the store revision it shows, its folder, what its TLP gate held back, what
/// its lifecycle gate left out (expired, decayed…), and when it goes stale with no store change (an
/// indicator in it decays or expires, or one left out becomes valid); null: only a store change does.
/// </summary>
public sealed record MispFeedFolder(
    long Revision,
    string Folder,
    int Withheld,
    IReadOnlyDictionary<string, int> WithheldByLevel,
    int NotLive,
    IReadOnlyDictionary<string, int> NotLiveByStatus,
    DateTimeOffset? StaleAfter)
{
    public bool IsCurrent(long revision, DateTimeOffset now) => Revision == revision && (StaleAfter is null || now < StaleAfter);
}
