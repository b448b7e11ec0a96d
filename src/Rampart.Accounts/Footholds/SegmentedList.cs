namespace Rampart.Accounts.Footholds;

/// <summary>
/// A list of structs held in fixed segments of 16,384 items: growing allocates one more segment and
/// copies nothing, so a table of a million tallies never holds its old and new arrays at once (a
/// <see cref="List{T}"/> or <see cref="Dictionary{TKey, TValue}"/> doubling at that size briefly held
/// both, and the copies were most of what an audit allocated). Items are reached by reference; only
/// the first segment starts small and grows, so a small audit holds a small table.
/// </summary>
internal sealed class SegmentedList<T>
    where T : struct
{
    private const int Shift = 14;
    private const int SegmentSize = 1 << Shift;
    private const int Mask = SegmentSize - 1;

    private T[][] _segments = new T[4][];

    public int Count { get; private set; }

    public ref T this[int index] => ref _segments[index >> Shift][index & Mask];

    /// <summary>Adds <paramref name="item"/> and returns its index.</summary>
    public int Add(in T item)
    {
        var index = Count;
        var segment = index >> Shift;
        if (segment == _segments.Length)
        {
            Array.Resize(ref _segments, _segments.Length * 2);
        }

        var items = _segments[segment];
        if (items is null || (index & Mask) == items.Length)
        {
            Array.Resize(ref items, segment == 0 ? Math.Clamp(index * 2, 64, SegmentSize) : SegmentSize);
            _segments[segment] = items;
        }

        items[index & Mask] = item;
        Count++;
        return index;
    }
}
