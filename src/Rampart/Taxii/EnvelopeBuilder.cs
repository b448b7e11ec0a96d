namespace Rampart.Taxii;

/// <summary>Collects objects' JSON into one envelope (<c>{"objects":[…]}</c>) without re-serializing them.</summary>
internal sealed class EnvelopeBuilder : IDisposable
{
    private readonly MemoryStream _objects = new();

    public int Count { get; private set; }

    public long Length => _objects.Length + 16;

    public void Add(ReadOnlySpan<byte> json)
    {
        if (Count > 0)
        {
            _objects.WriteByte((byte)',');
        }

        _objects.Write(json);
        Count++;
    }

    /// <summary>The envelope so far; the builder starts empty again.</summary>
    public ReadOnlyMemory<byte> Build()
    {
        var envelope = new MemoryStream((int)Length);
        envelope.Write("{\"objects\":["u8);
        _objects.Position = 0;
        _objects.CopyTo(envelope);
        envelope.Write("]}"u8);
        _objects.SetLength(0);
        Count = 0;
        return envelope.ToArray();
    }

    public void Dispose() => _objects.Dispose();
}
