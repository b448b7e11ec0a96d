namespace Rampart.Accounts.Sigma;

/// <summary>
/// A Sigma wildcard pattern (<c>*</c> any run, <c>?</c> one character) that is not a plain
/// prefix/suffix/contains. Segments between stars are found left to right, which is exact for
/// star patterns and needs no backtracking.
/// </summary>
internal sealed class GlobMatcher : ValueMatcher
{
    /// <summary>Stands for '?' inside a segment; a noncharacter, so never in the rule's literal text.</summary>
    public const char AnyChar = '\uFFFF';

    private readonly string[] _segments;
    private readonly bool _anchoredStart;
    private readonly bool _anchoredEnd;
    private readonly bool _ignoreCase;

    /// <param name="segments">The literal runs between stars, with <see cref="AnyChar"/> for '?'.</param>
    public GlobMatcher(string[] segments, bool anchoredStart, bool anchoredEnd, bool cased)
    {
        _segments = segments;
        _anchoredStart = anchoredStart;
        _anchoredEnd = anchoredEnd;
        _ignoreCase = !cased;
    }

    public override bool Matches(ReadOnlySpan<char> text)
    {
        var position = 0;
        var last = _segments.Length - 1;
        for (var i = 0; i <= last; i++)
        {
            var segment = _segments[i].AsSpan();
            if (i == 0 && _anchoredStart)
            {
                if (segment.Length > text.Length || !SegmentEquals(text[..segment.Length], segment))
                {
                    return false;
                }

                position = segment.Length;
                if (i == last && _anchoredEnd)
                {
                    return position == text.Length;
                }

                continue;
            }

            if (i == last && _anchoredEnd)
            {
                var start = text.Length - segment.Length;
                return start >= position && SegmentEquals(text[start..], segment);
            }

            var found = Find(text[position..], segment);
            if (found < 0)
            {
                return false;
            }

            position += found + segment.Length;
        }

        return true;
    }

    private int Find(ReadOnlySpan<char> text, ReadOnlySpan<char> segment)
    {
        if (segment.IndexOf(AnyChar) < 0)
        {
            return text.IndexOf(segment, _ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }

        for (var start = 0; start + segment.Length <= text.Length; start++)
        {
            if (SegmentEquals(text.Slice(start, segment.Length), segment))
            {
                return start;
            }
        }

        return -1;
    }

    private bool SegmentEquals(ReadOnlySpan<char> text, ReadOnlySpan<char> segment)
    {
        for (var i = 0; i < segment.Length; i++)
        {
            var s = segment[i];
            if (s == AnyChar)
            {
                continue;
            }

            var t = text[i];
            if (s != t && !(_ignoreCase && char.ToUpperInvariant(s) == char.ToUpperInvariant(t)))
            {
                return false;
            }
        }

        return true;
    }
}
