using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Rampart.Accounts.Sigma;

/// <summary>
/// The event being evaluated, with a per-event cache: each distinct field of the rule set is
/// resolved at most once per event and its text decoded at most once, into buffers that are reused
/// from event to event (no allocation once they have grown to the largest event's size). Values are
/// read from the event's UTF-8 bytes (<see cref="EventRecord"/>); no document is built.
/// </summary>
internal sealed class SigmaEventContext
{
    private readonly FieldPath[][] _slotPaths;
    private readonly int[] _slotGeneration;
    private readonly RawValue[] _slotValue;
    private readonly bool[] _slotFound;
    // Whether a field not found may still be found through arrays (AnyThroughArrays): only when a path stopped at one.
    private readonly bool[] _slotStoppedAtArray;
    private readonly int[] _textGeneration;
    private readonly int[] _textStart;
    private readonly int[] _textLength;
    private readonly EventRecord _own = new();
    private char[] _text = new char[4096];
    private int _textUsed;
    private int _generation;

    public SigmaEventContext(FieldPath[][] slotPaths)
    {
        _slotPaths = slotPaths;
        var n = slotPaths.Length;
        _slotGeneration = new int[n];
        _slotValue = new RawValue[n];
        _slotFound = new bool[n];
        _slotStoppedAtArray = new bool[n];
        _textGeneration = new int[n];
        _textStart = new int[n];
        _textLength = new int[n];
    }

    public EventRecord Record { get; private set; } = null!;

    public ReadOnlySpan<byte> Buffer => Record.Utf8;

    /// <summary>Evaluates <paramref name="record"/> next; it must stay unchanged until the next reset.</summary>
    public void Reset(EventRecord record)
    {
        Record = record;
        _textUsed = 0;
        if (++_generation == int.MaxValue)
        {
            _generation = 1;
            Array.Clear(_slotGeneration);
            Array.Clear(_textGeneration);
        }
    }

    /// <summary>Evaluates a JSON object next: its bytes are copied into this context's own record and indexed once.</summary>
    public void Reset(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object)
        {
            _own.Load(JsonMarshal.GetRawUtf8Value(root));
        }
        else
        {
            _own.Load("{}"u8);
        }

        Reset(_own);
    }

    /// <summary>The field's value, or false when no candidate path exists in this event.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGet(int slot, out RawValue value)
    {
        if (_slotGeneration[slot] != _generation)
        {
            _slotGeneration[slot] = _generation;
            _slotFound[slot] = Resolve(Record, _slotPaths[slot], out _slotValue[slot], out _slotStoppedAtArray[slot]);
        }

        value = _slotValue[slot];
        return _slotFound[slot];
    }

    /// <summary>The text of a scalar field, decoded once per event.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<char> SlotText(int slot, RawValue value)
    {
        if (_textGeneration[slot] != _generation)
        {
            _textGeneration[slot] = _generation;
            _textStart[slot] = _textUsed;
            _textLength[slot] = DecodeInto(value);
            _textUsed += _textLength[slot];
        }

        return _text.AsSpan(_textStart[slot], _textLength[slot]);
    }

    /// <summary>The text of any scalar (array elements, keyword leaves): decoded into scratch space, valid until the next call.</summary>
    public ReadOnlySpan<char> ScratchText(RawValue value)
    {
        var length = DecodeInto(value);
        return _text.AsSpan(_textUsed, length);
    }

    private int DecodeInto(RawValue value)
    {
        var max = RawJson.MaxChars(value);
        if (_textUsed + max > _text.Length)
        {
            // Grow; earlier slots' text is copied, so spans already handed out stay valid in the old array.
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textUsed + max));
        }

        return RawJson.Decode(Buffer, value, _text.AsSpan(_textUsed));
    }

    /// <summary>True when any scalar element of the array <paramref name="array"/> matches.</summary>
    public bool AnyElement(RawValue array, ValueMatcher matcher)
    {
        foreach (var element in ValidJson.Elements(Buffer, array))
        {
            if (element.IsScalar && matcher.Matches(ScratchText(element)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// For a dotted field that passes through arrays (<c>Parameters.Value</c> over
    /// <c>[{"Name":…,"Value":…}]</c>): true when the value under any element matches. Walks the
    /// event without allocating; used only when the field is not found on a direct path. A walk
    /// follows the direct paths until one reaches an array, so when none did (the field is simply
    /// absent: a sign-in has no <c>riskLevelDuringSignIn</c>, its <c>properties</c> no <c>message</c>)
    /// there is nothing to walk: a tenth of the rules' CPU went to such walks, once per value tested.
    /// </summary>
    public bool AnyThroughArrays(int slot, ValueMatcher matcher)
    {
        if (!TryGet(slot, out _) && !_slotStoppedAtArray[slot])
        {
            return false;
        }

        foreach (var path in _slotPaths[slot])
        {
            if (path.Segments.Length > 1 && Record.TryGet(path.Segments[0], out var first) && Walk(first, path, 1, matcher, 1))
            {
                return true;
            }
        }

        return false;
    }

    private bool Walk(RawValue current, FieldPath path, int segment, ValueMatcher matcher, int depth)
    {
        if (depth > 32)
        {
            return false;
        }

        if (current.Kind == JsonTokenType.StartArray)
        {
            foreach (var element in ValidJson.Elements(Buffer, current))
            {
                if (Walk(element, path, segment, matcher, depth + 1))
                {
                    return true;
                }
            }

            return false;
        }

        if (segment == path.Segments.Length)
        {
            return current.IsScalar && matcher.Matches(ScratchText(current));
        }

        return RawJson.TryGetMember(Buffer, current, path.Utf8Segments[segment], path.Segments[segment], out var next)
            && Walk(next, path, segment + 1, matcher, depth + 1);
    }

    /// <summary>
    /// The first candidate path present in the record: its first name from the member table, the rest
    /// read from the bytes. The one field look-up: rules read fields through it, and correlations
    /// their group-by and value fields.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Resolve(EventRecord record, FieldPath[] candidates, out RawValue value) => Resolve(record, candidates, out value, out _);

    /// <summary><see cref="Resolve(EventRecord, FieldPath[], out RawValue)"/>, saying also whether a path that was not found stopped at an array.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Resolve(EventRecord record, FieldPath[] candidates, out RawValue value, out bool stoppedAtArray)
    {
        stoppedAtArray = false;
        foreach (var path in candidates)
        {
            if (!record.TryGet(path.Segments[0], out var current))
            {
                continue;
            }

            var found = true;
            for (var i = 1; i < path.Segments.Length; i++)
            {
                if (!RawJson.TryGetMember(record.Utf8, current, path.Utf8Segments[i], path.Segments[i], out var next))
                {
                    stoppedAtArray |= current.Kind == JsonTokenType.StartArray;
                    found = false;
                    break;
                }

                current = next;
            }

            if (found)
            {
                value = current;
                return true;
            }
        }

        value = default;
        return false;
    }
}
