using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Rampart.Accounts.Events;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.AuditLogs;

/// <summary>
/// Turns one record's JSON into an <see cref="AuditEvent"/>: recognises its shape, indexes the
/// normalized record for rules (<see cref="EventRecord"/>: a table over a copy of the record's bytes,
/// nothing rewritten, what normalization adds done when a rule first needs it), and reads the typed
/// fields. The record is read once, member by member: no document and no string per field.
/// Not thread-safe: it reuses its buffers, so each reading thread has its own.
/// </summary>
internal sealed class AuditRecordNormalizer
{
    // Depth of the record itself; the normalized record may nest one level deeper (parsed JSON strings).
    private const int MaxDepth = 64;
    private static readonly JsonReaderOptions RecordOptions = new() { MaxDepth = MaxDepth };

    private static readonly string[] OperationFields = ["Operation", "OperationName", "ActivityDisplayName"];
    private static readonly byte[] QuotedSuccess = "\"success\""u8.ToArray();
    private static readonly byte[] QuotedFailure = "\"failure\""u8.ToArray();

    private readonly RecordShape? _forced;
    private const int MaxCachedOperations = 4096;

    private readonly NameTable _names = new();
    // Texts of typed fields, one string per spelling (the same bounded table as names, kept apart).
    private readonly NameTable _texts = new(withFolds: false);
    private readonly Dictionary<string, string?> _operations = new(StringComparer.Ordinal);
    private readonly RecordMembers _root;
    private readonly RecordMembers _lifted;
    // The normalized record as rules read it: the record's fields, first spelling wins, case ignored.
    private readonly EventRecord _record;
    private (int, int, int) _operationFolds;
    // The record last normalized: its shape and operation value, for Complete.
    private RecordShape? _shape;
    private RawValue? _operation;
    // The address of the record last typed for an audit, when PlainIPv4 read it.
    private uint? _plainIPv4;

    private readonly bool _keepRecords;

    /// <param name="keepRecords">Whether each event carries a copy of its record; without, the caller keeps the ones it needs (<see cref="AuditEvent.Keep"/>).</param>
    public AuditRecordNormalizer(FieldMap? fieldMap, bool keepRecords = true)
    {
        _keepRecords = keepRecords;
        _forced = fieldMap is null ? null : RecordShapes.Generic(fieldMap);
        _root = new RecordMembers(_names);
        _lifted = new RecordMembers(_names);
        _record = new EventRecord(_names);
    }

    /// <summary>The record last normalized as the rules read it; valid until the next call.</summary>
    public EventRecord Record => _record;

    /// <summary>
    /// Normalizes one record; on failure <paramref name="error"/> says why and <paramref name="lineOffset"/>
    /// how many lines into the record. An event of less than <see cref="EventDetail.Full"/> detail
    /// gets the rest with <see cref="Complete"/>.
    /// </summary>
    public bool TryNormalize(ReadOnlyMemory<byte> json, EventOrigin origin, AuditLogFormat? container, out AuditEvent? result, out string? error, out int lineOffset, EventDetail detail = EventDetail.Full)
    {
        result = null;
        error = null;
        lineOffset = 0;
        try
        {
            _texts.ClearIfFull();
            json = _record.Begin(json.Span);
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
            Index(json, shape.LiftProperties, outcome);
            return TryType(shape, origin, container, detail, out result, out error);
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
        if (_root.TryReadPlain(json))
        {
            return true;
        }

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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryType(RecordShape shape, EventOrigin origin, AuditLogFormat? container, EventDetail detail, out AuditEvent? result, out string? error)
    {
        result = null;
        error = null;
        DateTimeOffset? timestamp = null;
        if (First(shape.Timestamp, out var timePath) is { } timeValue)
        {
            if (timeValue.Kind == JsonTokenType.String && IsoTimestamp.TryParse(Output.Slice(timeValue.Start + 1, timeValue.Length - 2), out var iso))
            {
                timestamp = iso;
            }
            else
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
        }

        _shape = shape;
        _operation = First(shape.Operation, out var operationPath);
        if (_operation is { Kind: not JsonTokenType.String } notText)
        {
            error = $"field {operationPath} is not text: {Show(notText)}";
            return false;
        }

        var workload = Text(shape.Workload) ?? shape.FixedWorkload;
        result = detail switch
        {
            EventDetail.Selection => new AuditEvent
            {
                Logsource = shape.Logsource(workload),
                Origin = origin,
                Format = container ?? shape.Format,
                Timestamp = timestamp,
                Workload = workload,
                Utf8 = _keepRecords ? _record.ToNormalizedJson() : null,
            },
            EventDetail.Access or EventDetail.Full => new AuditEvent
            {
                Logsource = shape.Logsource(workload),
                Origin = origin,
                Format = container ?? shape.Format,
                Timestamp = timestamp,
                Account = Text(shape.Account),
                ClientIPv4 = detail == EventDetail.Access ? PlainIPv4() : null,
                ClientIp = detail == EventDetail.Full || _plainIPv4 is null ? ClientIp() : null,
                Operation = Operation(),
                Result = Result(),
                Workload = workload,
                Utf8 = _keepRecords ? _record.ToNormalizedJson() : null,
                KnownAppId = AppId(),
            },
        };
        return true;
    }

    /// <summary>A light event of the record last normalized with its other typed fields; valid only before the next record.</summary>
    public AuditEvent Complete(AuditEvent light) => light with
    {
        Account = Text(_shape!.Account),
        ClientIp = ClientIp(),
        Operation = Operation(),
        Result = Result(),
        KnownAppId = AppId(),
    };

    private System.Net.IPAddress? ClientIp() => Text(_shape!.ClientIp) is { } ip ? ClientAddress.Parse(ip) : null;

    /// <summary>
    /// The address <see cref="ClientIp"/> reads, as its IPv4 number, when the field <see cref="Text(string[])"/>
    /// would take holds a plain IPv4 address (<see cref="ClientAddressKey.TryParseIPv4"/>: nearly every record);
    /// null otherwise, and <see cref="ClientIp"/> then reads it.
    /// </summary>
    private uint? PlainIPv4()
    {
        _plainIPv4 = null;
        foreach (var path in _shape!.ClientIp)
        {
            if (!TryGet(path, out var value))
            {
                continue;
            }

            if (value.Kind == JsonTokenType.String && ClientAddressKey.TryParseIPv4(Output.Slice(value.Start + 1, value.Length - 2), out var key))
            {
                _plainIPv4 = (uint)key.Bytes;
            }

            // The first field with text is the address, whatever it holds.
            if (_plainIPv4 is not null || !string.IsNullOrWhiteSpace(Intern(value)))
            {
                break;
            }
        }

        return _plainIPv4;
    }

    private string? Operation() => (_operation is { } value ? NormalizedOperation(Intern(value)) : null) ?? _shape!.FixedOperation;

    private AuditResult Result() => Text(_shape!.Result) is { } text ? ResultStatus.Parse(text) : AuditResult.Unknown;

    private ReadOnlySpan<byte> Output => _record.Utf8;

    /// <summary>
    /// The client application as <c>Footholds.EventFields.AppId</c> reads it from a document: UAL's
    /// <c>ClientAppId</c>, else <c>AppAccessContext.ClientAppId</c>, else <c>AppId</c>, else a sign-in's
    /// <c>appId</c>, exact spelling only. Read here, while the record's member table is at hand, so
    /// the footholds tally needs no document for every event.
    /// </summary>
    private string? AppId()
    {
        return Exact(null, "ClientAppId")
            ?? (_record.TryGetExact("AppAccessContext", out var context) && context.Kind == JsonTokenType.StartObject ? Exact(context, "ClientAppId") : null)
            ?? Exact(null, "AppId")
            ?? Exact(null, "appId");

        string? Exact(RawValue? obj, string name)
        {
            var found = obj is { } nested ? RawJson.TryGetExactMember(Output, nested, name, out var value) : _record.TryGetExact(name, out value);
            return found && value.Kind == JsonTokenType.String && Intern(value) is { } text && !string.IsNullOrWhiteSpace(text) && text is not ("<null>" or "null")
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? Text(string[] paths)
    {
        foreach (var path in paths)
        {
            var text = TryGet(path, out var value) ? Intern(value) : null;
            if (!string.IsNullOrWhiteSpace(text))
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>
    /// A scalar's text (string unescaped, number or boolean as written) as one shared string per
    /// spelling: workloads, results, operations, applications and most accounts repeat from record
    /// to record, so the typed fields cost no string each. Null for other kinds.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? Intern(RawValue value) => value.Kind switch
    {
        JsonTokenType.String => _texts.Name(_texts.Id(Output.Slice(value.Start + 1, value.Length - 2), Output.Slice(value.Start + 1, value.Length - 2).IndexOf((byte)'\\') >= 0)),
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => _texts.Name(_texts.Id(Output.Slice(value.Start, value.Length), escaped: false)),
        _ => null,
    };

    /// <summary><see cref="OperationName.Normalize"/>, once per spelling (Entra's names end in a dot, and every such record would copy one).</summary>
    private string? NormalizedOperation(string? name)
    {
        if (name is null)
        {
            return null;
        }

        if (!_operations.TryGetValue(name, out var normalized))
        {
            normalized = OperationName.Normalize(name);
            if (_operations.Count >= MaxCachedOperations)
            {
                _operations.Clear();
            }

            _operations[name] = normalized;
        }

        return normalized;
    }

    /// <summary>The first of <paramref name="names"/> that is a top-level member with text (the result field is never a path).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? Text(RecordMembers members, string[] names)
    {
        foreach (var name in names)
        {
            var text = members.TryGet(name, out var member) ? Intern(new RawValue(member.Kind, member.ValueStart, member.ValueLength)) : null;
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
    /// The record for rules, indexed rather than written: every field of the record (an Azure Monitor
    /// record's <c>properties</c> first, lifted to the top, then its envelope; the first of two names
    /// that differ only in case wins), JSON held in top-level strings parsed when read (Sentinel
    /// stores nested values that way; deeper strings such as <c>newValue</c> stay text because rules
    /// match them as text), operation names without surrounding white space, each name-value array
    /// also as <c>Array.Name</c> fields (or <c>Array.Name.NewValue</c>/<c>.OldValue</c>) when a rule
    /// asks for one, and <paramref name="outcome"/>, when given, as <c>Outcome</c> unless the record
    /// has a field of that name. See <see cref="EventRecord"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Index(ReadOnlyMemory<byte> json, bool liftProperties, string? outcome)
    {
        RecordMember properties = default;
        var lift = liftProperties && _root.TryGet("properties", out properties) && properties.Name == "properties" && properties.Kind == JsonTokenType.StartObject;
        if (lift)
        {
            _lifted.ReadNested(json, properties.ValueStart, properties.ValueLength);
        }

        // After the lifted members are read: their names may be the first spelling of an operation field
        // this table has seen (Azure Monitor's properties.activityDisplayName), and a fold asked before
        // would have been "none" — the operation then kept its white space or not depending on what the
        // worker had read before, so the same record normalized two ways.
        _operationFolds = (_names.FoldOf(OperationFields[0]), _names.FoldOf(OperationFields[1]), _names.FoldOf(OperationFields[2]));
        if (lift)
        {
            foreach (var member in _lifted.All)
            {
                AddMember(_lifted, member);
            }
        }

        foreach (var member in _root.All)
        {
            AddMember(_root, member);
        }

        if (outcome is not null)
        {
            _record.AddOutcome((outcome == "success" ? QuotedSuccess : outcome == "failure" ? QuotedFailure : Encoding.UTF8.GetBytes($"\"{JsonEncodedText.Encode(outcome)}\"")).AsSpan());
        }

        _record.Complete();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddMember(RecordMembers members, RecordMember member)
    {
        if (!_record.TryAdd(member.Fold, member.Name, member.NameStart, member.NameLength, new RawValue(member.Kind, member.ValueStart, member.ValueLength), out var index)
            || member.Kind != JsonTokenType.String)
        {
            return;
        }

        var raw = members.Raw(member);
        var operation = IsOperationField(member.Fold);
        if (EventRecord.MayBeEmbedded(raw))
        {
            _record.MarkMaybeEmbedded(index);
            if (!operation || _record.ResolveEmbedded(index))
            {
                return;
            }
        }

        if (operation && NeedsTrim(raw))
        {
            var trimmed = JsonEncodedText.Encode(Unescape(raw).Trim()).EncodedUtf8Bytes;
            var start = _record.Append("\""u8);
            _record.Append(trimmed);
            _record.Append("\""u8);
            _record.Set(index, new RawValue(JsonTokenType.String, start, trimmed.Length + 2));
        }
    }

    private bool IsOperationField(int fold) => fold == _operationFolds.Item1 || fold == _operationFolds.Item2 || fold == _operationFolds.Item3;

    /// <summary>True when the quoted string may have white space to trim: plain ASCII that does not start or end with it needs none.</summary>
    private static bool NeedsTrim(ReadOnlySpan<byte> quoted)
    {
        var text = quoted[1..^1];
        return !text.IsEmpty && (IsSpaceOrEscape(text[0]) || IsSpaceOrEscape(text[^1]) || text[^1] >= 0x80 || text[0] >= 0x80 || text.Contains((byte)'\\'));
    }

    private static bool IsSpaceOrEscape(byte b) => b is (byte)' ' or (byte)'\\';

    private static string Unescape(ReadOnlySpan<byte> quoted)
    {
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.GetString() ?? "";
    }
}
