namespace Rampart.Accounts.Footholds;

/// <summary>
/// A session or token id as a value: a GUID written in its usual form (lower case, <c>D</c>) is held
/// as the <see cref="Guid"/>, which writes it back exactly, any other id as its text. Read for every
/// record, so most records make no string for their ids (a string each was a tenth of what an audit
/// allocated); the text is made only for an id seen twice (<see cref="AccessTallies.AddId"/>).
/// </summary>
internal readonly record struct AccessId
{
    private readonly Guid _guid;
    private readonly string? _text;

    private AccessId(Guid guid, string? text)
    {
        _guid = guid;
        _text = text;
        HasValue = true;
    }

    /// <summary>The chars of a GUID written in the <c>D</c> form: what <see cref="Chars"/> needs room for.</summary>
    public const int GuidChars = 36;

    public static AccessId None => default;

    public bool HasValue { get; }

    /// <summary>
    /// The id in <paramref name="text"/> as <c>EventFields.NonEmpty</c> reads it (none when blank,
    /// <c>null</c> or <c>&lt;null&gt;</c>; trimmed); an all-zero GUID, which is logged when there is
    /// no session, is none.
    /// </summary>
    public static AccessId Of(ReadOnlySpan<char> text)
    {
        if (text.IsWhiteSpace() || text is "<null>" or "null")
        {
            return None;
        }

        text = text.Trim();
        if (!Guid.TryParse(text, out var guid))
        {
            return new AccessId(default, text.ToString());
        }

        if (guid == Guid.Empty)
        {
            return None;
        }

        Span<char> written = stackalloc char[GuidChars];
        return guid.TryFormat(written, out var length) && written[..length].SequenceEqual(text) ? new AccessId(guid, null) : new AccessId(default, text.ToString());
    }

    /// <summary>The id's text into <paramref name="destination"/> (at least 36 chars) unless it is held as text.</summary>
    public ReadOnlySpan<char> Chars(Span<char> destination)
    {
        if (_text is not null)
        {
            return _text;
        }

        _guid.TryFormat(destination, out var length);
        return destination[..length];
    }

    public string Text => _text ?? _guid.ToString();
}
