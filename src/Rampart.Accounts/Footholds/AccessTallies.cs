using System.Numerics;
using System.Runtime.InteropServices;

namespace Rampart.Accounts.Footholds;

/// <summary>
/// Every (account, address | app | session | token) tally of an audit, in one table keyed by a
/// 128-bit fingerprint of the three: a key costs 16 bytes, not the text of the value (a million
/// tallies of a random-address log held 250 bytes each as objects keyed by strings). At 128 bits two
/// keys of one audit collide with a probability far below that of a disk error; a collision would merge
/// two tallies, never lose one. Bounded by <see cref="FootholdAnalyzerOptions.MaxAccessKeys"/>.
/// </summary>
internal sealed class AccessTallies(int maxKeys)
{
    public const string ByIp = "ip";
    public const string ByApp = "app";
    public const string BySession = "session";
    public const string ByToken = "token";

    private readonly Dictionary<UInt128, AccessTally> _tallies = [];

    public int Count => _tallies.Count;

    /// <summary>Counts a sighting of <paramref name="value"/>; <paramref name="text"/> is its string when the caller has one, else it is made from the span when kept.</summary>
    /// <param name="account">The account in lower case, one instance per account.</param>
    /// <param name="seed">The account's seed (<see cref="Seed"/>).</param>
    public void Add(string account, ulong seed, string by, ReadOnlySpan<char> value, string? text, in AccessSighting sighting)
    {
        var key = Fingerprint(seed, by, value);
        if (_tallies.Count >= maxKeys && !_tallies.ContainsKey(key))
        {
            return;
        }

        ref var tally = ref CollectionsMarshal.GetValueRefOrAddDefault(_tallies, key, out var exists);
        if (!exists)
        {
            // A session or token seen once is not kept by its text (see AccessTally.Value).
            var kept = by is BySession or ByToken ? null : text ?? value.ToString();
            tally = new AccessTally(account, by, kept, sighting);
            return;
        }

        tally.Add(sighting);
        tally.Value ??= text ?? value.ToString();
    }

    public bool TryGet(string account, string by, string value, out AccessTally tally) =>
        _tallies.TryGetValue(Fingerprint(Seed(account), by, value), out tally);

    public IEnumerable<AccessTally> All => _tallies.Values;

    /// <summary>An account's share of every fingerprint, from its lower-case form.</summary>
    public static ulong Seed(string account) => Mix(Hash(0x9E3779B97F4A7C15UL, account));

    private static UInt128 Fingerprint(ulong seed, string by, ReadOnlySpan<char> value)
    {
        var kind = (ulong)by.Length * 0xC2B2AE3D27D4EB4FUL ^ by[0];
        var low = Mix(Hash(seed ^ kind, value));
        var high = Mix(Hash(BitOperations.RotateLeft(seed, 31) + kind + 0x165667B19E3779F9UL, value) ^ low);
        return new UInt128(high, low);
    }

    /// <summary>FNV-1a over the chars, one multiply per char.</summary>
    private static ulong Hash(ulong hash, ReadOnlySpan<char> text)
    {
        hash ^= 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 0x100000001B3UL;
        }

        return hash;
    }

    /// <summary>MurmurHash3's 64-bit finalizer: every input bit reaches every output bit.</summary>
    private static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        return h ^ (h >> 33);
    }
}
