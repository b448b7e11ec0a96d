using System.Text.Json;

namespace Rampart.Intel.Stix;

/// <summary>
/// Reads a STIX bundle's <c>objects</c> one at a time from a stream with <see cref="Utf8JsonReader"/>:
/// the buffer holds at most one object (plus one read), so a 50 MB bundle never sits in memory, let
/// alone twice. Each object comes back as its exact UTF-8 bytes, valid until the next call.
/// </summary>
public sealed class StixBundleReader
{
    /// <summary>One object larger than this is refused: no real STIX object comes near it, a hostile file could.</summary>
    public const int MaxObjectBytes = 64 * 1024 * 1024;

    private const int InitialBufferBytes = 64 * 1024;

    private readonly Stream _stream;
    private byte[] _buffer = new byte[InitialBufferBytes];
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
    private Phase _phase = Phase.BeforeBundle;
    private string? _property;
    private long _consumedBefore;

    public StixBundleReader(Stream stream) => _stream = stream ?? throw new ArgumentNullException(nameof(stream));

    private enum Phase
    {
        BeforeBundle,
        InBundle,
        PropertyValue,
        InObjects,
        Done,
    }

    /// <summary>The bundle's <c>type</c> (must be <c>bundle</c>), known once read.</summary>
    public string? BundleType { get; private set; }

    public string? BundleId { get; private set; }

    /// <summary>Set by STIX 2.0 bundles only; 2.1 bundles carry the version on each object.</summary>
    public string? BundleSpecVersion { get; private set; }

    /// <summary>How many objects the array held so far, objects that were not JSON objects included.</summary>
    public int Index { get; private set; } = -1;

    /// <summary>
    /// The next object of the array, or false at the end of the bundle. An array item that is not a
    /// JSON object comes back as its bytes too; the caller reports it. Throws
    /// <see cref="StixFormatException"/> when the file is not JSON or not a bundle.
    /// </summary>
    public bool TryReadObject(out ReadOnlyMemory<byte> json)
    {
        while (true)
        {
            var outcome = Scan(out var objectStart, out var objectEnd);
            switch (outcome)
            {
                case ScanOutcome.Object:
                    json = _buffer.AsMemory(objectStart, objectEnd - objectStart);
                    Index++;
                    return true;
                case ScanOutcome.Done:
                    json = default;
                    return false;
                default:
                    Refill();
                    break;
            }
        }
    }

    private enum ScanOutcome
    {
        Object,
        NeedMore,
        Done,
    }

    private ScanOutcome Scan(out int objectStart, out int objectEnd)
    {
        objectStart = objectEnd = 0;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        try
        {
            while (true)
            {
                var safeState = reader.CurrentState;
                var safePosition = (int)reader.BytesConsumed;
                if (_phase == Phase.Done)
                {
                    // Only whitespace may follow; the reader throws on anything else.
                    if (reader.Read())
                    {
                        throw new StixFormatException(_consumedBefore + reader.TokenStartIndex, "content after the end of the bundle");
                    }

                    if (!_final)
                    {
                        Save(ref reader);
                        return ScanOutcome.NeedMore;
                    }

                    return ScanOutcome.Done;
                }

                if (!reader.Read())
                {
                    Save(ref reader);
                    return ScanOutcome.NeedMore;
                }

                switch (_phase)
                {
                    case Phase.BeforeBundle:
                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            throw new StixFormatException(_consumedBefore + reader.TokenStartIndex, "a STIX bundle is a JSON object");
                        }

                        _phase = Phase.InBundle;
                        break;
                    case Phase.InBundle when reader.TokenType == JsonTokenType.EndObject:
                        _phase = Phase.Done;
                        break;
                    case Phase.InBundle:
                        _property = reader.GetString();
                        _phase = Phase.PropertyValue;
                        break;
                    case Phase.PropertyValue when _property == "objects" && reader.TokenType == JsonTokenType.StartArray:
                        _phase = Phase.InObjects;
                        break;
                    case Phase.PropertyValue when reader.TokenType == JsonTokenType.String:
                        var text = reader.GetString();
                        switch (_property)
                        {
                            case "type": BundleType = text; break;
                            case "id": BundleId = text; break;
                            case "spec_version": BundleSpecVersion = text; break;
                        }

                        _phase = Phase.InBundle;
                        break;
                    case Phase.PropertyValue:
                        if (_property == "objects")
                        {
                            throw new StixFormatException(_consumedBefore + reader.TokenStartIndex, "the bundle's objects must be an array");
                        }

                        if (!reader.TrySkip())
                        {
                            Rewind(safeState, safePosition);
                            return ScanOutcome.NeedMore;
                        }

                        _phase = Phase.InBundle;
                        break;
                    case Phase.InObjects when reader.TokenType == JsonTokenType.EndArray:
                        _phase = Phase.InBundle;
                        break;
                    case Phase.InObjects:
                        var start = _start + (int)reader.TokenStartIndex;
                        if (!reader.TrySkip())
                        {
                            Rewind(safeState, safePosition);
                            return ScanOutcome.NeedMore;
                        }

                        objectStart = start;
                        objectEnd = _start + (int)reader.BytesConsumed;
                        Save(ref reader);
                        return ScanOutcome.Object;
                }
            }
        }
        catch (JsonException) when (_final && _phase == Phase.BeforeBundle && _buffer.AsSpan(_start, _end - _start).Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new StixFormatException(_consumedBefore, "the file is empty");
        }
        catch (JsonException) when (_final && _phase != Phase.Done && _buffer.AsSpan(_start + (int)reader.BytesConsumed, _end - _start - (int)reader.BytesConsumed).Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new StixFormatException(_consumedBefore + reader.BytesConsumed, "the bundle ends early");
        }
        catch (JsonException ex)
        {
            throw new StixFormatException(_consumedBefore + reader.BytesConsumed, $"not valid JSON: {ex.Message}");
        }
    }

    private void Save(ref Utf8JsonReader reader)
    {
        _state = reader.CurrentState;
        _start += (int)reader.BytesConsumed;
        _consumedBefore += reader.BytesConsumed;
    }

    /// <summary>Back to before the token whose value did not fit, so it is read whole after a refill.</summary>
    private void Rewind(JsonReaderState state, int position)
    {
        _state = state;
        _start += position;
        _consumedBefore += position;
    }

    private void Refill()
    {
        if (_final)
        {
            throw new StixFormatException(_consumedBefore, Index < 0 && _phase == Phase.BeforeBundle ? "the file is empty" : "the bundle ends early");
        }

        var pending = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = pending;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxObjectBytes)
            {
                throw new StixFormatException(_consumedBefore, $"an object is larger than {MaxObjectBytes / (1024 * 1024)} MB");
            }

            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, MaxObjectBytes));
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _final = true;
        }

        _end += read;
    }
}
