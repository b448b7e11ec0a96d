namespace Rampart.Dns.Http;

/// <summary>
/// The chunked transfer coding (RFC 9112 §7.1) decoded incrementally as a request body arrives, so no
/// more than one read is ever buffered: chunk-size lines (hex digits, optional extensions, CRLF), data,
/// the CRLF after each chunk, then trailer lines up to a blank line (skipped). Strict: a bare LF, a
/// missing CRLF, a non-hex size or an over-long line is an error, never a guess (guessing is how
/// requests are smuggled). Every limit is a named option of <see cref="HttpSinkholeOptions"/>.
/// </summary>
internal struct ChunkedBodyDecoder
{
    /// <summary>15 hex digits (2^60) stay far inside a long, and far beyond any body limit.</summary>
    private const int MaxSizeDigits = 15;

    private State _state;
    private long _remaining;
    private int _digits;
    private int _lineBytes;
    private int _trailerBytes;

    private enum State : byte
    {
        Size,
        Extension,
        SizeLf,
        Data,
        DataCr,
        DataLf,
        TrailerStart,
        TrailerLine,
        TrailerLf,
        EndLf,
        Done,
    }

    /// <summary>Body bytes decoded so far (data only, no framing).</summary>
    public long BodyLength { get; private set; }

    /// <summary>
    /// Reads framing from <paramref name="input"/> until a run of data, the end of the body, an error, or the end of the
    /// input. <paramref name="consumed"/> counts the bytes used, <paramref name="data"/> is the run returned with <see cref="ChunkedStatus.Data"/>.
    /// </summary>
    public ChunkedStatus Decode(ReadOnlySpan<byte> input, in ChunkedLimits limits, out int consumed, out ReadOnlySpan<byte> data, out HttpParseError error)
    {
        data = default;
        error = HttpParseError.None;
        var i = 0;
        while (i < input.Length)
        {
            if (_state == State.Data)
            {
                var take = (int)Math.Min(_remaining, input.Length - i);
                data = input.Slice(i, take);
                _remaining -= take;
                BodyLength += take;
                if (_remaining == 0)
                {
                    _state = State.DataCr;
                }

                consumed = i + take;
                return ChunkedStatus.Data;
            }

            var b = input[i++];
            switch (_state)
            {
                case State.Size:
                    if (HexValue(b) is var digit and >= 0)
                    {
                        if (++_digits > MaxSizeDigits)
                        {
                            return Fail(HttpParseError.BadChunk, i, out consumed, out error);
                        }

                        _remaining = (_remaining << 4) | (uint)digit;
                    }
                    else if (_digits > 0 && b is (byte)';' or (byte)' ' or (byte)'\t')
                    {
                        _state = State.Extension;
                    }
                    else if (_digits > 0 && b == '\r')
                    {
                        _state = State.SizeLf;
                    }
                    else
                    {
                        return Fail(HttpParseError.BadChunk, i, out consumed, out error);
                    }

                    break;
                case State.Extension:
                    if (b == '\r')
                    {
                        _state = State.SizeLf;
                    }
                    else if (b == '\n')
                    {
                        return Fail(HttpParseError.BadChunk, i, out consumed, out error);
                    }

                    break;
                case State.SizeLf:
                    if (b != '\n')
                    {
                        return Fail(HttpParseError.BadChunk, i, out consumed, out error);
                    }

                    if (_remaining == 0)
                    {
                        _state = State.TrailerStart;
                    }
                    else if (BodyLength + _remaining > limits.MaxBodyBytes)
                    {
                        return Fail(HttpParseError.BodyTooLarge, i, out consumed, out error);
                    }
                    else
                    {
                        _state = State.Data;
                    }

                    _digits = 0;
                    _lineBytes = 0;
                    continue;
                case State.DataCr:
                    if (b != '\r')
                    {
                        return Fail(HttpParseError.BadChunk, i, out consumed, out error);
                    }

                    _state = State.DataLf;
                    continue;
                case State.DataLf:
                    if (b != '\n')
                    {
                        return Fail(HttpParseError.BadChunk, i, out consumed, out error);
                    }

                    _state = State.Size;
                    continue;
                case State.TrailerStart:
                    if (b == '\n')
                    {
                        return Fail(HttpParseError.BadChunk, i, out consumed, out error);
                    }

                    _state = b == '\r' ? State.EndLf : State.TrailerLine;
                    break;
                case State.TrailerLine:
                    if (b == '\r')
                    {
                        _state = State.TrailerLf;
                    }
                    else if (b == '\n')
                    {
                        return Fail(HttpParseError.BadChunk, i, out consumed, out error);
                    }

                    break;
                case State.TrailerLf:
                    if (b != '\n')
                    {
                        return Fail(HttpParseError.BadChunk, i, out consumed, out error);
                    }

                    _state = State.TrailerStart;
                    break;
                case State.EndLf:
                    if (b != '\n')
                    {
                        return Fail(HttpParseError.BadChunk, i, out consumed, out error);
                    }

                    _state = State.Done;
                    consumed = i;
                    return ChunkedStatus.Complete;
                default:
                    return Fail(HttpParseError.BadChunk, i, out consumed, out error);
            }

            // Size lines with their extensions, and the trailer section, are bounded.
            if (_state is State.Size or State.Extension or State.SizeLf && ++_lineBytes > limits.MaxChunkLineBytes)
            {
                return Fail(HttpParseError.BadChunk, i, out consumed, out error);
            }

            if (_state is State.TrailerStart or State.TrailerLine or State.TrailerLf or State.EndLf && ++_trailerBytes > limits.MaxTrailerBytes)
            {
                return Fail(HttpParseError.HeadTooLarge, i, out consumed, out error);
            }
        }

        consumed = i;
        return ChunkedStatus.NeedMore;
    }

    private ChunkedStatus Fail(HttpParseError reason, int at, out int consumed, out HttpParseError error)
    {
        _state = State.Done;
        consumed = at;
        error = reason;
        return ChunkedStatus.Invalid;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
