using System.Runtime.CompilerServices;

namespace Rampart.Accounts.Footholds;

/// <summary>
/// One account's use of one address, app, session or token over the logs: first and last sighting
/// and how many. Order-free (files may come in any order), so "first seen before the reset, used
/// after it" is answered once the reset is known. A struct held in <see cref="AccessTallies"/>'s
/// table: a million tallies are a million entries of one array, not three objects each.
/// </summary>
internal struct AccessTally
{
    /// <summary>The account in lower case, one instance per account.</summary>
    public string Account;

    /// <summary>What was used: <see cref="AccessTallies.ByIp"/>, <see cref="AccessTallies.ByApp"/>, <see cref="AccessTallies.BySession"/> or <see cref="AccessTallies.ByToken"/>.</summary>
    public string By;

    /// <summary>
    /// The address, the app (lower case), or the session or token id. A session or token seen once is
    /// not kept by its text (most are, and one sighting cannot span a reset): null until it is seen again.
    /// </summary>
    public string? Value;

    public long Count;

    public AccessSighting First;

    /// <summary>Made when a second sighting differs from the first; most tallies of a big log have one sighting.</summary>
    private StrongBox<AccessSighting>? _last;

    public readonly AccessSighting Last => _last is { } last ? last.Value : First;

    public AccessTally(string account, string by, string? value, in AccessSighting first)
    {
        Account = account;
        By = by;
        Value = value;
        Count = 1;
        First = first;
    }

    /// <summary>Counts a sighting; it replaces the first when earlier, the last when not earlier than the last.</summary>
    public void Add(in AccessSighting sighting)
    {
        Count++;
        var isFirst = sighting.Ticks < First.Ticks;
        var isLast = sighting.Ticks >= Last.Ticks;
        if (isFirst)
        {
            _last ??= new StrongBox<AccessSighting>(First);
            First = sighting;
        }

        if (isLast)
        {
            if (_last is null)
            {
                _last = new StrongBox<AccessSighting>(sighting);
            }
            else
            {
                _last.Value = sighting;
            }
        }
    }
}
