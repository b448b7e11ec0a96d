using System.Buffers;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Rampart.Dns.Http;

/// <summary>One client connection, owned by one event loop: its buffers and where its request stands.</summary>
internal sealed class HttpConnection(Socket socket, int inputSize, byte[] source, int sourceLength, ushort port)
{
    public Socket Socket { get; } = socket;

    public int Fd { get; } = (int)socket.Handle;

    public byte[] Input { get; private set; } = ArrayPool<byte>.Shared.Rent(inputSize);

    public int Filled { get; set; }

    public byte[] Output { get; private set; } = ArrayPool<byte>.Shared.Rent(4096);

    public int OutputStart { get; set; }

    public int OutputEnd { get; set; }

    public ReadOnlySpan<byte> Source => source.AsSpan(0, sourceLength);

    public ushort Port => port;

    /// <summary>A connection to a TLS port: its hits are "https".</summary>
    public bool Tls { get; init; }

    /// <summary>The server name the client sent in its TLS ClientHello (SNI), as sent; null when none.</summary>
    public byte[]? Sni { get; set; }

    /// <summary>Hits of this connection written to the spool so far.</summary>
    public long Recorded { get; set; }

    public long LastActive { get; set; }

    /// <summary>Answer what is queued, then close: the client asked for it, or its request was bad.</summary>
    public bool CloseAfterFlush { get; set; }

    /// <summary>Registered for writability (output did not fit the socket buffer); reading waits.</summary>
    public bool WaitingForWritable { get; set; }

    /// <summary>Bytes of a body still to come; its hit is <see cref="PendingHit"/>, answered when it is complete.</summary>
    public long BodyRemaining { get; set; }

    public IncrementalHash? BodyHash { get; set; }

    /// <summary>A chunked body is arriving: <see cref="Decoder"/> holds where its framing stands; its hit is <see cref="PendingHit"/>.</summary>
    public bool ChunkedBody { get; set; }

#pragma warning disable SA1401, CA1051 // A mutable struct decoded in place: a property would hand out copies.
    public ChunkedBodyDecoder Decoder;
#pragma warning restore SA1401, CA1051

    public byte[]? PendingHit { get; set; }

    public int PendingHitLength { get; set; }

    public HttpAnswer PendingAnswer { get; set; }

    public bool PendingClose { get; set; }

    public bool PendingHead { get; set; }

    public int PendingOutput => OutputEnd - OutputStart;

    public void Append(ReadOnlySpan<byte> response)
    {
        if (Output.Length - OutputEnd < response.Length)
        {
            // Slide what is unsent to the front, or grow.
            var pending = PendingOutput;
            var target = pending + response.Length <= Output.Length ? Output : ArrayPool<byte>.Shared.Rent(Math.Max(Output.Length * 2, pending + response.Length));
            Output.AsSpan(OutputStart, pending).CopyTo(target);
            if (!ReferenceEquals(target, Output))
            {
                ArrayPool<byte>.Shared.Return(Output);
                Output = target;
            }

            OutputStart = 0;
            OutputEnd = pending;
        }

        response.CopyTo(Output.AsSpan(OutputEnd));
        OutputEnd += response.Length;
    }

    public void Release()
    {
        BodyHash?.Dispose();
        BodyHash = null;
        ArrayPool<byte>.Shared.Return(Input);
        ArrayPool<byte>.Shared.Return(Output);
        Input = [];
        Output = [];
    }
}
