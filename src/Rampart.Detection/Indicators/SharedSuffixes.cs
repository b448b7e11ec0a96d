using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Rampart.Detection.Indicators;

/// <summary>
/// Parent keys (<see cref="IndicatorKeys.ParentKey"/>) of two-label public suffixes that some
/// indicator sits under — <c>co.uk</c>, <c>github.io</c>, <c>duckdns.org</c> — where anyone may register a
/// name, so one listed <c>evil.co.uk</c> must not send every <c>*.co.uk</c> lookup to the full probe.
/// Indicators under such a suffix are filed in the <see cref="ParentFilter"/> under their last
/// three labels instead (<see cref="IndicatorKeys.ThreeLabelKey"/>), and a lookup whose parent key
/// is here uses that key too. A key is <see cref="SharedSuffix.Listed"/> when a lookup must probe
/// in any case: the suffix is itself an indicator, or something was filed under the same key
/// the ordinary way (a different spelling, a collision), which only costs speed.
/// </summary>
/// <remarks>
/// A 4 KB bitmap of the keys' top bits answers "not here" for nearly every lookup from L1 cache;
/// the rest look in a small open-addressed table.
/// </remarks>
internal sealed class SharedSuffixes
{
    private const int BitmapBits = 1 << 15;

    private readonly ulong[] _bitmap = new ulong[BitmapBits / 64];
    private readonly ulong[] _keys;
    private readonly bool[] _listed;
    private readonly int _mask;

    public SharedSuffixes(IReadOnlyDictionary<ulong, bool> keys)
    {
        var capacity = 16;
        while (capacity < keys.Count * 2)
        {
            capacity *= 2;
        }

        _keys = new ulong[capacity];
        _listed = new bool[capacity];
        _mask = capacity - 1;
        foreach (var (key, listed) in keys)
        {
            _bitmap[key >> 55] |= 1UL << (int)(key >> 49);
            var i = (int)key & _mask;
            while (_keys[i] != 0)
            {
                i = (i + 1) & _mask;
            }

            _keys[i] = key;
            _listed[i] = listed;
        }
    }

    public static SharedSuffixes None { get; } = new(new Dictionary<ulong, bool>());

    /// <summary>False when <paramref name="key"/> is certainly not a shared suffix's (a parent key is never 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayHold(ulong key) => ((Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_bitmap), (nint)(key >> 55)) >> (int)(key >> 49)) & 1) != 0;

    public SharedSuffix Find(ulong key)
    {
        for (var i = (int)key & _mask; _keys[i] != 0; i = (i + 1) & _mask)
        {
            if (_keys[i] == key)
            {
                return _listed[i] ? SharedSuffix.Listed : SharedSuffix.Shared;
            }
        }

        return SharedSuffix.No;
    }
}
