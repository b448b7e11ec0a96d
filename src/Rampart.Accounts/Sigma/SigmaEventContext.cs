using System.Text.Json;

namespace Rampart.Accounts.Sigma;

/// <summary>
/// The event being evaluated, with a per-event cache: each distinct field of the rule set is
/// resolved at most once per event and its text decoded at most once, into buffers that are reused
/// from event to event (no allocation once they have grown to the largest event's size).
/// </summary>
internal sealed class SigmaEventContext
{
    private readonly FieldPath[][] _slotPaths;
    private readonly int[] _slotGeneration;
    private readonly JsonElement[] _slotValue;
    private readonly bool[] _slotFound;
    private readonly int[] _textGeneration;
    private readonly int[] _textStart;
    private readonly int[] _textLength;
    private char[] _text = new char[4096];
    private int _textUsed;
    private int _generation;

    public SigmaEventContext(FieldPath[][] slotPaths)
    {
        _slotPaths = slotPaths;
        var n = slotPaths.Length;
        _slotGeneration = new int[n];
        _slotValue = new JsonElement[n];
        _slotFound = new bool[n];
        _textGeneration = new int[n];
        _textStart = new int[n];
        _textLength = new int[n];
    }

    public JsonElement Root { get; private set; }

    public void Reset(JsonElement root)
    {
        Root = root;
        _textUsed = 0;
        if (++_generation == int.MaxValue)
        {
            _generation = 1;
            Array.Clear(_slotGeneration);
            Array.Clear(_textGeneration);
        }
    }

    /// <summary>The field's value, or false when no candidate path exists in this event.</summary>
    public bool TryGet(int slot, out JsonElement value)
    {
        if (_slotGeneration[slot] != _generation)
        {
            _slotGeneration[slot] = _generation;
            _slotFound[slot] = Resolve(Root, _slotPaths[slot], out _slotValue[slot]);
        }

        value = _slotValue[slot];
        return _slotFound[slot];
    }

    /// <summary>The text of a scalar field, decoded once per event.</summary>
    public ReadOnlySpan<char> SlotText(int slot, JsonElement value)
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
    public ReadOnlySpan<char> ScratchText(JsonElement value)
    {
        var length = DecodeInto(value);
        return _text.AsSpan(_textUsed, length);
    }

    private int DecodeInto(JsonElement value)
    {
        var max = JsonText.MaxChars(value);
        if (_textUsed + max > _text.Length)
        {
            // Grow; earlier slots' text is copied, so spans already handed out stay valid in the old array.
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textUsed + max));
        }

        return JsonText.Decode(value, _text.AsSpan(_textUsed));
    }

    /// <summary>
    /// For a dotted field that passes through arrays (<c>Parameters.Value</c> over
    /// <c>[{"Name":…,"Value":…}]</c>): true when the value under any element matches. Walks the
    /// event without allocating; used only when the field is not found on a direct path.
    /// </summary>
    public bool AnyThroughArrays(int slot, ValueMatcher matcher)
    {
        foreach (var path in _slotPaths[slot])
        {
            if (path.Segments.Length > 1 && Walk(Root, path, 0, matcher, 0))
            {
                return true;
            }
        }

        return false;
    }

    private bool Walk(JsonElement current, FieldPath path, int segment, ValueMatcher matcher, int depth)
    {
        if (depth > 32)
        {
            return false;
        }

        if (current.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in current.EnumerateArray())
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
            return current.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
                && matcher.Matches(ScratchText(current));
        }

        return JsonText.TryGetProperty(current, path.Utf8Segments[segment], path.Segments[segment], out var next)
            && Walk(next, path, segment + 1, matcher, depth + 1);
    }

    public static bool Resolve(JsonElement root, FieldPath[] candidates, out JsonElement value)
    {
        foreach (var path in candidates)
        {
            var current = root;
            var found = true;
            for (var i = 0; i < path.Segments.Length; i++)
            {
                if (!JsonText.TryGetProperty(current, path.Utf8Segments[i], path.Segments[i], out current))
                {
                    found = false;
                    break;
                }
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
