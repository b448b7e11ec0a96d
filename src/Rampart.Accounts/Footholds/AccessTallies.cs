using System.Numerics;
using System.Runtime.CompilerServices;
using Rampart.Accounts.AuditLogs;
using Rampart.Accounts.Events;

namespace Rampart.Accounts.Footholds;

/// <summary>
/// Every (account, address | app | session | token) tally of an audit, in one table keyed by a
/// 128-bit fingerprint of the three: a key costs 16 bytes, not the text of the value (a million
/// tallies of a random-address log held 250 bytes each as objects keyed by strings). At 128 bits two
/// keys of one audit collide with a probability far below that of a disk error; a collision would merge
/// two tallies, never lose one. Bounded by <see cref="FootholdAnalyzerOptions.MaxAccessKeys"/>.
/// <para>
/// The table holds numbers only (<see cref="AccessTable"/>; texts in <see cref="TextIds"/>, addresses in
/// <see cref="AddressIds"/>): with references in it, every collection traced and re-marked the whole
/// table as it grew, a third of an audit's CPU over 1M records.
/// </para>
/// </summary>
internal sealed class AccessTallies(int maxKeys)
{
    public const string ByIp = "ip";
    public const string ByApp = "app";
    public const string BySession = "session";
    public const string ByToken = "token";

    /// <summary>What a tally counts, by <see cref="AccessSlot.Kind"/>.</summary>
    public static readonly string[] Kinds = [ByIp, ByApp, BySession, ByToken];

    private const int IpKind = 0;
    private const int AppKind = 1;

    private readonly AccessTable _tallies = new();
    private readonly TextIds _texts = new();
    private readonly AddressIds _addresses = new();

    public int Count => _tallies.Count;

    /// <summary>The number of an account (lower case), an operation, an app or a file.</summary>
    public int TextId(string? text) => _texts.Id(text);

    /// <summary>What a tally keeps of <paramref name="auditEvent"/>; <paramref name="operation"/>, <paramref name="actor"/> and <paramref name="app"/> are text numbers.</summary>
    public static SightingIds Sighting(AuditEvent auditEvent, int operation, int actor, int clientIp, int app, int file) =>
        new(auditEvent.Timestamp?.UtcTicks ?? AccessSighting.NoTime, operation, actor, clientIp, app, file, auditEvent.Origin.Line);

    /// <summary>The number of a client address.</summary>
    public int AddressId(ClientAddressKey address) => _addresses.Id(address);

    /// <summary>Counts a sighting of an address (by its number).</summary>
    public void AddAddress(int account, ulong seed, int address, in SightingIds sighting) =>
        Add(account, IpKind, address, Fingerprint(seed, IpKind, address), AccessId.None, sighting);

    /// <summary>Counts a sighting of an app (the text number of its lower-case id).</summary>
    public void AddApp(int account, ulong seed, int app, in SightingIds sighting) =>
        Add(account, AppKind, app, Fingerprint(seed, AppKind, app), AccessId.None, sighting);

    /// <summary>Counts a sighting of a session or token id (<see cref="BySession"/> or <see cref="ByToken"/>); its text is made and kept from its second sighting.</summary>
    public void AddId(int account, ulong seed, string by, in AccessId id, in SightingIds sighting)
    {
        var kind = Array.IndexOf(Kinds, by);
        Span<char> chars = stackalloc char[AccessId.GuidChars];
        Add(account, kind, -1, Fingerprint(seed, kind, id.Chars(chars)), id, sighting);
    }

    /// <param name="account">The text number of the account in lower case.</param>
    /// <param name="number">The address or app's number; -1 for a session or token, then given as <paramref name="id"/>.</param>
    private void Add(int account, int kind, int number, UInt128 key, in AccessId id, in SightingIds sighting)
    {
        var index = _tallies.Find(key);
        if (index < 0)
        {
            if (_tallies.Count < maxKeys)
            {
                // A session or token seen once is not kept by its text (see AccessTally.Value).
                _tallies.Add(key, account, kind, number, sighting);
            }

            return;
        }

        _tallies.AddSighting(index, sighting);
        ref var value = ref _tallies.ValueOf(index);
        if (value < 0)
        {
            value = _texts.Id(id.Text);
        }
    }

    public bool TryGet(string account, string by, string value, out AccessTally tally)
    {
        var kind = Array.IndexOf(Kinds, by);
        var number = kind switch
        {
            IpKind => _addresses.Find(value),
            AppKind => _texts.Find(value),
            _ => -2,
        };
        var index = number == -1 ? -1 : _tallies.Find(number >= 0 ? Fingerprint(Seed(account), kind, number) : Fingerprint(Seed(account), kind, value));
        if (index >= 0)
        {
            tally = Read(_tallies.Slot(index));
            return true;
        }

        tally = default;
        return false;
    }

    /// <summary>
    /// The numbers of the addresses some tally counts, each once, in the order first counted: read from
    /// the table's numbers, so asking about every address makes no tally and no text (a million tallies
    /// read whole, each with its sightings' texts, cost seconds).
    /// </summary>
    public List<int> TalliedAddresses()
    {
        var seen = new bool[_addresses.Count];
        var ids = new List<int>();
        for (var i = 0; i < _tallies.Count; i++)
        {
            var slot = _tallies.Slot(i);
            if (slot.Kind == IpKind && !seen[slot.Value])
            {
                seen[slot.Value] = true;
                ids.Add(slot.Value);
            }
        }

        return ids;
    }

    /// <summary>The address with number <paramref name="id"/>.</summary>
    public ClientAddressKey AddressKey(int id) => _addresses.Key(id);

    /// <summary>The address with number <paramref name="id"/> as <see cref="System.Net.IPAddress.ToString"/> writes it, as the tallies read it.</summary>
    public string AddressText(int id) => _addresses.Text(id)!;

    /// <summary>The tallies of the addresses numbered in <paramref name="ids"/>, in the order they were first counted.</summary>
    public IEnumerable<AccessTally> OfAddresses(IReadOnlySet<int> ids) => Slots.Where(s => s.Kind == IpKind && ids.Contains(s.Value)).Select(Read);

    /// <summary>Every tally, in the order they were first counted.</summary>
    public IEnumerable<AccessTally> All => Slots.Select(Read);

    /// <summary>The tallies seen at two different times or more, the only ones that can span a reset.</summary>
    public IEnumerable<AccessTally> Spanning =>
        _tallies.SeenTwice().Select(_tallies.Slot).Where(s => s.First.Ticks < s.Last.Ticks).Select(Read);

    private IEnumerable<AccessSlot> Slots
    {
        get
        {
            for (var i = 0; i < _tallies.Count; i++)
            {
                yield return _tallies.Slot(i);
            }
        }
    }

    private AccessTally Read(AccessSlot slot)
    {
        var value = slot.Kind == IpKind ? _addresses.Text(slot.Value) : _texts.Text(slot.Value);
        return new AccessTally(_texts.Text(slot.Account)!, Kinds[slot.Kind], value, slot.Count, Read(slot.First), Read(slot.Last));
    }

    private AccessSighting Read(in SightingIds s) =>
        new(s.Ticks, _texts.Text(s.Operation), _texts.Text(s.Actor), _addresses.Text(s.ClientIp), _texts.Text(s.App), _texts.Text(s.File)!, s.Line);

    /// <summary>An account's share of every fingerprint, from its lower-case form.</summary>
    public static ulong Seed(string account) => Mix(Hash(0x9E3779B97F4A7C15UL, account));

    /// <summary>A number's fingerprint is that of its two halves as two chars: kinds keyed by number never meet those keyed by text.</summary>
    private static UInt128 Fingerprint(ulong seed, int kind, int number) =>
        Fingerprint(seed, kind, [(char)(number & 0xFFFF), (char)((uint)number >> 16)]);

    private static UInt128 Fingerprint(ulong seed, int kind, ReadOnlySpan<char> value)
    {
        var mixed = (ulong)(kind + 1) * 0xC2B2AE3D27D4EB4FUL;
        var low = Mix(Hash(seed ^ mixed, value));
        var high = Mix(Hash(BitOperations.RotateLeft(seed, 31) + mixed + 0x165667B19E3779F9UL, value) ^ low);
        return new UInt128(high, low);
    }

    /// <summary>FNV-1a over the chars, one multiply per char.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        return h ^ (h >> 33);
    }
}
