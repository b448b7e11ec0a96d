using System.Globalization;
using System.Text;
using System.Text.Json;
using Rampart.Accounts.Events;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.AuditLogs;

/// <summary>
/// Turns one record's JSON into an <see cref="AuditEvent"/>: recognises its shape, builds the
/// normalized record for rules, and reads the typed fields. The record is read once, member by
/// member, and its values are copied as raw bytes into the normalized record, which is then parsed
/// once into the event's own document: no intermediate document and no string per field.
/// Not thread-safe: it reuses its buffers, so each reading thread has its own.
/// </summary>
internal sealed class AuditRecordNormalizer
{
    // Depth of the record itself; the normalized record may nest one level deeper (parsed JSON strings).
    private const int MaxDepth = 64;
    private static readonly JsonReaderOptions RecordOptions = new() { MaxDepth = MaxDepth };

    private static readonly string[] OperationFields = ["Operation", "OperationName", "ActivityDisplayName"];
    private static readonly string[] NameKeys = ["Name", "Key", "DisplayName"];
    private static readonly JsonEncodedText Success = JsonEncodedText.Encode("success");
    private static readonly JsonEncodedText Failure = JsonEncodedText.Encode("failure");

    private readonly RecordShape? _forced;
    private readonly NameCache _nameCache = new();
    private readonly RecordMembers _root;
    private readonly RecordMembers _lifted;
    private readonly RecordMembers _item;
    // Each written name (first spelling wins, case ignored) and where its value is in the output: what rules read.
    private readonly EventRecord _record = new();
    private readonly List<(string Name, ReadOnlyMemory<byte> RawName, ReadOnlyMemory<byte> Array)> _nameValueArrays = [];
    private byte[] _output = new byte[16 * 1024];
    private int _written;
    private byte[] _scratch = new byte[1024];
    private char[] _chars = new char[256];

    private readonly bool _keepRecords;

    /// <param name="keepRecords">Whether each event carries a copy of its record; without, the caller keeps the ones it needs (<see cref="AuditEvent.Keep"/>).</param>
    public AuditRecordNormalizer(FieldMap? fieldMap, bool keepRecords = true)
    {
        _keepRecords = keepRecords;
        _forced = fieldMap is null ? null : RecordShapes.Generic(fieldMap);
        _root = new RecordMembers(_nameCache);
        _lifted = new RecordMembers(_nameCache);
        _item = new RecordMembers(_nameCache);
    }

    /// <summary>The record last normalized as the rules read it; valid until the next call.</summary>
    public EventRecord Record => _record;

    /// <summary>Normalizes one record; on failure <paramref name="error"/> says why and <paramref name="lineOffset"/> how many lines into the record.</summary>
    public bool TryNormalize(ReadOnlyMemory<byte> json, EventOrigin origin, AuditLogFormat? container, out AuditEvent? result, out string? error, out int lineOffset)
    {
        result = null;
        error = null;
        lineOffset = 0;
        try
        {
            if (!TryReadRoot(json, out error))
            {
                return false;
            }

            var shape = _forced ?? RecordShapes.Detect(_root);
            if (shape is null)
            {
                error = "the record is not a known audit log record: no CreationTime and Operation (Unified Audit Log), createdDateTime and status (sign-in), activityDateTime and activityDisplayName (directory audit), or Azure Monitor category";
                return false;
            }

            var outcome = shape.WritesOutcome && Text(_root, shape.Result) is { } resultText ? ResultStatus.Outcome(ResultStatus.Parse(resultText)) : null;
            BuildData(json, shape.LiftProperties, outcome);
            return TryType(shape, origin, container, out result, out error);
        }
        catch (JsonException ex)
        {
            lineOffset = (int)(ex.LineNumber ?? 0);
            error = $"not valid JSON: {WithoutPosition(ex.Message)} (byte {ex.BytePositionInLine ?? 0} of the line)";
            return false;
        }
        catch (InvalidOperationException ex)
        {
            // Text that is well-formed JSON but not text: invalid UTF-8, or an escaped lone surrogate.
            error = $"not valid text: {ex.Message}";
            return false;
        }
    }

    /// <summary>Reads the root object's members, validating the whole record as one JSON value.</summary>
    private bool TryReadRoot(ReadOnlyMemory<byte> json, out string? error)
    {
        error = null;
        var reader = new Utf8JsonReader(json.Span, RecordOptions);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var kind = reader.TokenType switch
            {
                JsonTokenType.StartArray => "array",
                JsonTokenType.String => "string",
                JsonTokenType.Number => "number",
                JsonTokenType.True => "true",
                JsonTokenType.False => "false",
                _ => "null",
            };
            reader.Skip();
            while (reader.Read())
            {
                // Trailing content after the value throws here, as it does after an object.
            }

            error = $"the record is a JSON {kind}, not an object";
            return false;
        }

        _root.Read(json, ref reader, 0);
        while (reader.Read())
        {
        }

        return true;
    }

    private bool TryType(RecordShape shape, EventOrigin origin, AuditLogFormat? container, out AuditEvent? result, out string? error)
    {
        result = null;
        error = null;
        DateTimeOffset? timestamp = null;
        if (First(shape.Timestamp, out var timePath) is { } timeValue)
        {
            Span<char> text = stackalloc char[64];
            var length = timeValue.IsScalar && RawJson.MaxChars(timeValue) <= text.Length ? RawJson.Decode(Output, timeValue, text) : -1;
            if (length < 0 || !DateTimeOffset.TryParse(text[..length], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                error = $"field {timePath} is not a date: {Show(timeValue)}";
                return false;
            }

            timestamp = parsed;
        }

        string? operation = null;
        if (First(shape.Operation, out var operationPath) is { } operationValue)
        {
            if (operationValue.Kind != JsonTokenType.String)
            {
                error = $"field {operationPath} is not text: {Show(operationValue)}";
                return false;
            }

            operation = OperationName.Normalize(RawJson.Text(Output, operationValue));
        }

        var workload = Text(shape.Workload) ?? shape.FixedWorkload;
        var ip = Text(shape.ClientIp);
        var resultText = Text(shape.Result);
        result = new AuditEvent
        {
            Logsource = shape.Logsource(workload),
            Origin = origin,
            Format = container ?? shape.Format,
            Timestamp = timestamp,
            Account = Text(shape.Account),
            ClientIp = ip is null ? null : ClientAddress.Parse(ip),
            Operation = operation ?? shape.FixedOperation,
            Result = resultText is null ? AuditResult.Unknown : ResultStatus.Parse(resultText),
            Workload = workload,
            Utf8 = _keepRecords ? Output.ToArray() : null,
            KnownAppId = AppId(),
        };
        return true;
    }

    private ReadOnlySpan<byte> Output => _output.AsSpan(0, _written);

    /// <summary>
    /// The client application as <c>Footholds.EventFields.AppId</c> reads it from a document: UAL's
    /// <c>ClientAppId</c>, else <c>AppAccessContext.ClientAppId</c>, else <c>AppId</c>, else a sign-in's
    /// <c>appId</c>, exact spelling only. Read here, while the record's member table is at hand, so
    /// the footholds tally needs no document for every event.
    /// </summary>
    private string? AppId()
    {
        return Exact(_record.Root, "ClientAppId")
            ?? (_record.TryGetExact("AppAccessContext", out var context) && context.Kind == JsonTokenType.StartObject ? Exact(context, "ClientAppId") : null)
            ?? Exact(_record.Root, "AppId")
            ?? Exact(_record.Root, "appId");

        string? Exact(RawValue obj, string name)
        {
            var found = obj.Start == 0 ? _record.TryGetExact(name, out var value) : RawJson.TryGetExactMember(Output, obj, name, out value);
            return found && value.Kind == JsonTokenType.String && RawJson.Text(Output, value) is { } text && !string.IsNullOrWhiteSpace(text) && text is not ("<null>" or "null")
                ? text.Trim()
                : null;
        }
    }

    private RawValue? First(string[] paths, out string? path)
    {
        foreach (var candidate in paths)
        {
            if (TryGet(candidate, out var value) && value.Kind != JsonTokenType.Null)
            {
                path = candidate;
                return value;
            }
        }

        path = null;
        return null;
    }

    /// <summary>
    /// <see cref="JsonFields.TryGet"/> on the record just built, through the names written: a name
    /// (dotted or not) is one dictionary probe instead of a walk over the record's members.
    /// </summary>
    private bool TryGet(string path, out RawValue value)
    {
        if (_record.TryGet(path, out value))
        {
            return true;
        }

        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && _record.TryGet(path.AsSpan(0, dot), out var first))
        {
            return RawJson.TryGetPath(Output, first, path.AsSpan(dot + 1), out value);
        }

        value = default;
        return false;
    }

    private string? Text(string[] paths)
    {
        foreach (var path in paths)
        {
            var text = TryGet(path, out var value) ? RawJson.Text(Output, value) : null;
            if (!string.IsNullOrWhiteSpace(text))
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>The first of <paramref name="names"/> that is a top-level member with text (the result field is never a path).</summary>
    private static string? Text(RecordMembers members, string[] names)
    {
        foreach (var name in names)
        {
            var text = members.Text(name);
            if (!string.IsNullOrWhiteSpace(text))
            {
                return text;
            }
        }

        return null;
    }

    private string Show(RawValue value)
    {
        var raw = Encoding.UTF8.GetString(Output.Slice(value.Start, value.Length));
        return raw.Length <= 60 ? raw : raw[..60] + "…";
    }

    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (at < 0 ? message : message[..at]).TrimEnd('.', ' ');
    }

    /// <summary>
    /// The record for rules: every field of the record (an Azure Monitor record's <c>properties</c>
    /// first, lifted to the top, then its envelope; the first of two names that differ only in case
    /// wins), JSON held in top-level strings parsed (Sentinel stores nested values that way; deeper
    /// strings such as <c>newValue</c> stay text because rules match them as text), operation names
    /// without surrounding white space, each name-value array also as <c>Array.Name</c> fields (or
    /// <c>Array.Name.NewValue</c>/<c>.OldValue</c>), and <paramref name="outcome"/>, when given, as
    /// <c>Outcome</c> unless the record has a field of that name. Values are copied as they are written.
    /// </summary>
    private void BuildData(ReadOnlyMemory<byte> json, bool liftProperties, string? outcome)
    {
        _written = 0;
        _record.Clear();
        _nameValueArrays.Clear();
        Append((byte)'{');
        if (liftProperties && _root.TryGet("properties", out var properties) && properties.Name == "properties" && properties.Kind == JsonTokenType.StartObject)
        {
            _lifted.ReadNested(json, properties.ValueStart, properties.ValueLength);
            foreach (var member in _lifted.All)
            {
                WriteMember(_lifted, member);
            }
        }

        foreach (var member in _root.All)
        {
            WriteMember(_root, member);
        }

        foreach (var (name, rawName, array) in _nameValueArrays)
        {
            Flatten(name, rawName.Span, array);
        }

        if (outcome is not null && _record.TryAdd(ResultStatus.OutcomeField, out var index))
        {
            AppendName("Outcome"u8);
            var start = _written;
            AppendQuoted((outcome == "success" ? Success : outcome == "failure" ? Failure : JsonEncodedText.Encode(outcome)).EncodedUtf8Bytes);
            _record.Set(index, new RawValue(JsonTokenType.String, start, _written - start));
        }

        Append((byte)'}');
        _record.Complete(_output, _written);
    }

    private void WriteMember(RecordMembers members, RecordMember member)
    {
        if (!_record.TryAdd(member.Name, out var index))
        {
            return;
        }

        var raw = members.Raw(member);
        var rawName = members.Record.Slice(member.NameStart, member.NameLength);
        if (member.Kind == JsonTokenType.String)
        {
            if (TryEmbedded(raw, out var embeddedLength))
            {
                AppendName(rawName.Span);
                var start = _written;
                Append(_scratch.AsSpan(0, embeddedLength));
                var leading = _scratch.AsSpan(0, embeddedLength).IndexOfAnyExcept(" \t\r\n"u8);
                var trailing = embeddedLength - 1 - _scratch.AsSpan(0, embeddedLength).LastIndexOfAnyExcept(" \t\r\n"u8);
                var kind = _scratch[leading] == (byte)'{' ? JsonTokenType.StartObject : JsonTokenType.StartArray;
                _record.Set(index, new RawValue(kind, start + leading, embeddedLength - leading - trailing));

                // Held in the output as it is now: a later resize copies it, this array keeps it.
                var embedded = _output.AsMemory(start, embeddedLength);
                if (IsNameValueArray(embedded))
                {
                    _nameValueArrays.Add((member.Name, rawName, embedded));
                }

                return;
            }

            if (IsOperationField(member.Name) && NeedsTrim(raw))
            {
                AppendName(members.RawName(member));
                var start = _written;
                AppendQuoted(JsonEncodedText.Encode(Unescape(raw).Trim()).EncodedUtf8Bytes);
                _record.Set(index, new RawValue(JsonTokenType.String, start, _written - start));
                return;
            }
        }

        AppendName(rawName.Span);
        _record.Set(index, new RawValue(member.Kind, _written, raw.Length));
        Append(raw);
        var value = members.Record.Slice(member.ValueStart, member.ValueLength);
        if (member.Kind == JsonTokenType.StartArray && IsNameValueArray(value))
        {
            _nameValueArrays.Add((member.Name, rawName, value));
        }
    }

    private static bool IsOperationField(string name)
    {
        foreach (var field in OperationFields)
        {
            if (field.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the quoted string may have white space to trim: plain ASCII that does not start or end with it needs none.</summary>
    private static bool NeedsTrim(ReadOnlySpan<byte> quoted)
    {
        var text = quoted[1..^1];
        return !text.IsEmpty && (IsSpaceOrEscape(text[0]) || IsSpaceOrEscape(text[^1]) || text[^1] >= 0x80 || text[0] >= 0x80 || text.Contains((byte)'\\'));
    }

    private static bool IsSpaceOrEscape(byte b) => b is (byte)' ' or (byte)'\\';

    /// <summary>
    /// A string holding one JSON object or array (Sentinel's nested values) is unescaped into
    /// <see cref="_scratch"/> and checked to be JSON; text that only looks like it
    /// (<c>[KeyIdentifier=…]</c>) stays text.
    /// </summary>
    private bool TryEmbedded(ReadOnlySpan<byte> quoted, out int length)
    {
        length = 0;
        var text = quoted[1..^1];
        var first = text.IndexOfAnyExcept(" \t\r\n"u8);
        if (first < 0 || text[first] is not ((byte)'{' or (byte)'[' or (byte)'\\'))
        {
            return false;
        }

        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        if (_scratch.Length < text.Length)
        {
            _scratch = new byte[Math.Max(text.Length, _scratch.Length * 2)];
        }

        length = reader.CopyString(_scratch);
        var unescaped = _scratch.AsSpan(0, length);
        var trimmed = unescaped.Trim(" \t\r\n\f\v"u8);
        if (trimmed.Length < 2 || !((trimmed[0] == '{' && trimmed[^1] == '}') || (trimmed[0] == '[' && trimmed[^1] == ']')))
        {
            return false;
        }

        try
        {
            var check = new Utf8JsonReader(unescaped, RecordOptions);
            while (check.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Unescape(ReadOnlySpan<byte> quoted)
    {
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.GetString() ?? "";
    }

    private bool IsNameValueArray(ReadOnlyMemory<byte> value)
    {
        var reader = new Utf8JsonReader(value.Span);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        _item.ReadNested(value, start, (int)reader.BytesConsumed - start);
        return NameOf(_item, out _) && (_item.Has("Value") || HasNewOrOld(_item));
    }

    private void Flatten(string arrayName, ReadOnlySpan<byte> rawArrayName, ReadOnlyMemory<byte> array)
    {
        var reader = new Utf8JsonReader(array.Span);
        reader.Read();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            var isObject = reader.TokenType == JsonTokenType.StartObject;
            reader.Skip();
            if (!isObject)
            {
                continue;
            }

            _item.ReadNested(array, start, (int)reader.BytesConsumed - start);
            if (!NameOf(_item, out var itemName))
            {
                continue;
            }

            if (_item.TryGet("Value", out var value) && !HasNewOrOld(_item))
            {
                WriteFlat(arrayName, rawArrayName, itemName, default, value);
                continue;
            }

            if (_item.TryGet("NewValue", out var newValue))
            {
                WriteFlat(arrayName, rawArrayName, itemName, ".NewValue", newValue);
            }

            if (_item.TryGet("OldValue", out var oldValue))
            {
                WriteFlat(arrayName, rawArrayName, itemName, ".OldValue", oldValue);
            }
        }
    }

    /// <summary>Writes <c>Array.Name[.Suffix]</c> with the item's value, unless a field of that name was written before.</summary>
    private void WriteFlat(string arrayName, ReadOnlySpan<byte> rawArrayName, RecordMember itemName, ReadOnlySpan<char> suffix, RecordMember value)
    {
        var quotedItemName = _item.Raw(itemName);
        var decodedMax = quotedItemName.Length;
        var needed = arrayName.Length + 1 + decodedMax + suffix.Length;
        if (_chars.Length < needed)
        {
            _chars = new char[Math.Max(needed, _chars.Length * 2)];
        }

        arrayName.CopyTo(_chars);
        var length = arrayName.Length;
        _chars[length++] = '.';
        var reader = new Utf8JsonReader(quotedItemName);
        reader.Read();
        length += reader.CopyString(_chars.AsSpan(length));
        suffix.CopyTo(_chars.AsSpan(length));
        length += suffix.Length;
        if (!_record.TryAdd(_nameCache.Get(_chars.AsSpan(0, length)), out var index))
        {
            return;
        }

        // The raw pieces are each valid escaped JSON string text, and so is their concatenation.
        Append((byte)(_written == 1 ? ' ' : ','));
        Append((byte)'"');
        Append(rawArrayName);
        Append((byte)'.');
        Append(quotedItemName[1..^1]);
        Span<byte> utf8Suffix = stackalloc byte[16];
        Append(utf8Suffix[..Encoding.UTF8.GetBytes(suffix, utf8Suffix)]);
        Append("\":"u8);
        _record.Set(index, new RawValue(value.Kind, _written, value.ValueLength));
        Append(_item.Raw(value));
    }

    /// <summary>The item's name: its first Name, Key or DisplayName member that is non-empty text.</summary>
    private static bool NameOf(RecordMembers item, out RecordMember name)
    {
        foreach (var key in NameKeys)
        {
            if (item.TryGet(key, out name) && name.Kind == JsonTokenType.String && name.ValueLength > 2)
            {
                return true;
            }
        }

        name = default;
        return false;
    }

    private static bool HasNewOrOld(RecordMembers item) => item.Has("NewValue") || item.Has("OldValue");

    private void AppendName(ReadOnlySpan<byte> rawName)
    {
        Append((byte)(_written == 1 ? ' ' : ','));
        Append((byte)'"');
        Append(rawName);
        Append("\":"u8);
    }

    private void AppendQuoted(ReadOnlySpan<byte> bytes)
    {
        Append((byte)'"');
        Append(bytes);
        Append((byte)'"');
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_output.AsSpan(_written));
        _written += bytes.Length;
    }

    private void Append(byte b)
    {
        Reserve(1);
        _output[_written++] = b;
    }

    private void Reserve(int count)
    {
        if (_output.Length - _written < count)
        {
            Array.Resize(ref _output, Math.Max(_output.Length * 2, _written + count));
        }
    }
}
