using System.Buffers;
using System.Runtime.CompilerServices;
using Rampart.Accounts.Events;

namespace Rampart.Accounts.AuditLogs;

/// <summary>
/// Records copied out of the source into one pooled buffer, so a worker can normalize them while the
/// source reads on. Batching keeps the hand-off cost per record small.
/// </summary>
internal sealed class RawBatch
{
    /// <summary>The bytes a batch is sized for; a record that does not fit grows it.</summary>
    public const int Capacity = 2 * 1024 * 1024;

    private byte[] _buffer = [];
    private int _used;

    public List<(int Offset, int Length, EventOrigin Origin, AuditLogFormat? Container, string? Error, bool Unchecked)> Items { get; } = [];

    public int Bytes => _used;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(RawItem item)
    {
        if (_buffer.Length == 0)
        {
            _buffer = ArrayPool<byte>.Shared.Rent(Capacity);
        }

        if (item.Error is not null)
        {
            Items.Add((0, 0, item.Origin, item.Container, item.Error, false));
            return;
        }

        var length = item.Bytes.Length;
        if (_buffer.Length - _used < length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _used + length));
            _buffer.AsSpan(0, _used).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        item.Bytes.Span.CopyTo(_buffer.AsSpan(_used));
        Items.Add((_used, length, item.Origin, item.Container, null, item.Unchecked));
        _used += length;
    }

    public ReadOnlyMemory<byte> BytesOf(int offset, int length) => _buffer.AsMemory(offset, length);

    /// <summary>Returns the buffer to the pool and forgets the items: the batch can be filled again.</summary>
    public void Release()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = [];
        _used = 0;
        Items.Clear();
    }
}
