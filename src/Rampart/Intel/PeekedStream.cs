namespace Rampart.Intel;

/// <summary>
/// A read-only stream that first returns bytes already read from another (to look at a file's start,
/// even stdin, which cannot seek) and then the rest of that stream.
/// </summary>
internal sealed class PeekedStream(byte[] head, int headLength, Stream rest) : Stream
{
    private int _position;

    /// <summary>Reads up to <paramref name="count"/> bytes from the start of <paramref name="stream"/> and returns a stream that still yields them.</summary>
    public static (PeekedStream Stream, ReadOnlyMemory<byte> Head) Peek(Stream stream, int count)
    {
        var head = new byte[count];
        var length = 0;
        int read;
        while (length < count && (read = stream.Read(head, length, count - length)) > 0)
        {
            length += read;
        }

        return (new PeekedStream(head, length, stream), head.AsMemory(0, length));
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position < headLength)
        {
            var n = Math.Min(count, headLength - _position);
            Buffer.BlockCopy(head, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        return rest.Read(buffer, offset, count);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
