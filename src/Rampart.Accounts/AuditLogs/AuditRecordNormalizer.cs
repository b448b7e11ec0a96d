using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Rampart.Accounts.Events;

namespace Rampart.Accounts.AuditLogs;

/// <summary>
/// Turns one record's JSON into an <see cref="AuditEvent"/>: recognises its shape, builds the
/// normalized record for rules, and reads the typed fields. Not thread-safe: it reuses its buffers,
/// so each reading thread has its own.
/// </summary>
internal sealed class AuditRecordNormalizer(FieldMap? fieldMap)
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 64 };

    private static readonly string[] OperationFields = ["Operation", "OperationName", "ActivityDisplayName"];

    private readonly RecordShape? _forced = fieldMap is null ? null : RecordShapes.Generic(fieldMap);
    private readonly ArrayBufferWriter<byte> _output = new(16 * 1024);
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<JsonDocument> _parsed = [];
    private readonly List<(string Name, JsonElement Array)> _nameValueArrays = [];
    private Utf8JsonWriter? _writer;

    /// <summary>Normalizes one record; on failure <paramref name="error"/> says why and <paramref name="lineOffset"/> how many lines into the record.</summary>
    public bool TryNormalize(ReadOnlyMemory<byte> json, EventOrigin origin, AuditLogFormat? container, out AuditEvent? result, out string? error, out int lineOffset)
    {
        result = null;
        error = null;
        lineOffset = 0;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, ParseOptions);
        }
        catch (JsonException ex)
        {
            lineOffset = (int)(ex.LineNumber ?? 0);
            error = $"not valid JSON: {WithoutPosition(ex.Message)} (byte {ex.BytePositionInLine ?? 0} of the line)";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = $"the record is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object";
                return false;
            }

            var shape = _forced ?? RecordShapes.Detect(root);
            if (shape is null)
            {
                error = "the record is not a known audit log record: no CreationTime and Operation (Unified Audit Log), createdDateTime and status (sign-in), activityDateTime and activityDisplayName (directory audit), or Azure Monitor category";
                return false;
            }

            JsonElement data;
            try
            {
                var status = shape.WritesSigmaStatus && Text(root, shape.Result) is { } resultText ? ResultStatus.SigmaStatus(ResultStatus.Parse(resultText)) : null;
                data = BuildData(root, shape.LiftProperties, status);
            }
            finally
            {
                foreach (var parsed in _parsed)
                {
                    parsed.Dispose();
                }

                _parsed.Clear();
            }

            return TryType(shape, data, origin, container, out result, out error);
        }
    }

    private static bool TryType(RecordShape shape, JsonElement data, EventOrigin origin, AuditLogFormat? container, out AuditEvent? result, out string? error)
    {
        result = null;
        error = null;
        DateTimeOffset? timestamp = null;
        if (First(data, shape.Timestamp, out var timePath) is { } timeValue)
        {
            var text = JsonFields.Text(timeValue);
            if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                error = $"field {timePath} is not a date: {Show(timeValue)}";
                return false;
            }

            timestamp = parsed;
        }

        string? operation = null;
        if (First(data, shape.Operation, out var operationPath) is { } operationValue)
        {
            if (operationValue.ValueKind != JsonValueKind.String)
            {
                error = $"field {operationPath} is not text: {Show(operationValue)}";
                return false;
            }

            operation = OperationName.Normalize(operationValue.GetString());
        }

        var workload = Text(data, shape.Workload) ?? shape.FixedWorkload;
        var ip = Text(data, shape.ClientIp);
        var resultText = Text(data, shape.Result);
        result = new AuditEvent
        {
            Logsource = shape.Logsource(workload),
            Origin = origin,
            Format = container ?? shape.Format,
            Timestamp = timestamp,
            Account = Text(data, shape.Account),
            ClientIp = ip is null ? null : ClientAddress.Parse(ip),
            Operation = operation ?? shape.FixedOperation,
            Result = resultText is null ? AuditResult.Unknown : ResultStatus.Parse(resultText),
            Workload = workload,
            Data = data,
        };
        return true;
    }

    private static JsonElement? First(JsonElement data, string[] paths, out string? path)
    {
        foreach (var candidate in paths)
        {
            if (JsonFields.TryGet(data, candidate, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                path = candidate;
                return value;
            }
        }

        path = null;
        return null;
    }

    private static string? Text(JsonElement data, string[] paths)
    {
        foreach (var path in paths)
        {
            var text = JsonFields.GetText(data, path);
            if (!string.IsNullOrWhiteSpace(text))
            {
                return text;
            }
        }

        return null;
    }

    private static string Show(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length <= 60 ? raw : raw[..60] + "…";
    }

    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (at < 0 ? message : message[..at]).TrimEnd('.', ' ');
    }

    /// <summary>
    /// The record for rules: every field of the record (an Azure Monitor record's <c>properties</c>
    /// first, lifted to the top, then its envelope), JSON held in top-level strings parsed (Sentinel
    /// stores nested values that way; deeper strings such as <c>newValue</c> stay text because rules
    /// match them as text), operation names without surrounding white space, and each name-value
    /// array also as <c>Array.Name</c> fields (or <c>Array.Name.NewValue</c>/<c>.OldValue</c>); and
    /// <paramref name="status"/>, when given, as <c>status</c> unless the record has a field of that name.
    /// </summary>
    private JsonElement BuildData(JsonElement root, bool liftProperties, string? status)
    {
        _output.ResetWrittenCount();
        _names.Clear();
        _nameValueArrays.Clear();
        var writer = _writer ??= new Utf8JsonWriter(_output);
        writer.Reset(_output);
        writer.WriteStartObject();
        if (liftProperties && root.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                WriteMember(writer, property);
            }
        }

        foreach (var property in root.EnumerateObject())
        {
            WriteMember(writer, property);
        }

        foreach (var (name, array) in _nameValueArrays)
        {
            Flatten(writer, name, array);
        }

        if (status is not null && _names.Add("status"))
        {
            writer.WriteString("status", status);
        }

        writer.WriteEndObject();
        writer.Flush();
        var reader = new Utf8JsonReader(_output.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }

    private void WriteMember(Utf8JsonWriter writer, JsonProperty property)
    {
        var name = property.Name;
        if (!_names.Add(name))
        {
            return;
        }

        var value = property.Value;
        if (value.ValueKind == JsonValueKind.String)
        {
            if (TryParseEmbedded(value, out var embedded))
            {
                value = embedded;
            }
            else if (IsOperationField(name))
            {
                writer.WriteString(name, value.GetString().AsSpan().Trim());
                return;
            }
        }

        writer.WritePropertyName(name);
        value.WriteTo(writer);
        if (value.ValueKind == JsonValueKind.Array && IsNameValueArray(value))
        {
            _nameValueArrays.Add((name, value));
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

    private bool TryParseEmbedded(JsonElement value, out JsonElement embedded)
    {
        embedded = default;
        var text = value.GetString();
        if (text is null)
        {
            return false;
        }

        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length < 2 || !((trimmed[0] == '{' && trimmed[^1] == '}') || (trimmed[0] == '[' && trimmed[^1] == ']')))
        {
            return false;
        }

        try
        {
            var document = JsonDocument.Parse(text, ParseOptions);
            _parsed.Add(document);
            embedded = document.RootElement;
            return true;
        }
        catch (JsonException)
        {
            // "[KeyIdentifier=…]" and the like: text that only looks like JSON stays text.
            return false;
        }
    }

    private static bool IsNameValueArray(JsonElement array)
    {
        foreach (var item in array.EnumerateArray())
        {
            return item.ValueKind == JsonValueKind.Object && NameOf(item) is not null && (HasValue(item) || HasNewOrOld(item));
        }

        return false;
    }

    private void Flatten(Utf8JsonWriter writer, string arrayName, JsonElement array)
    {
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || NameOf(item) is not { } itemName)
            {
                continue;
            }

            var field = arrayName + "." + itemName;
            if (JsonFields.TryGet(item, "Value", out var value) && !HasNewOrOld(item))
            {
                WriteFlat(writer, field, value);
                continue;
            }

            if (JsonFields.TryGet(item, "NewValue", out var newValue))
            {
                WriteFlat(writer, field + ".NewValue", newValue);
            }

            if (JsonFields.TryGet(item, "OldValue", out var oldValue))
            {
                WriteFlat(writer, field + ".OldValue", oldValue);
            }
        }
    }

    private void WriteFlat(Utf8JsonWriter writer, string name, JsonElement value)
    {
        if (_names.Add(name))
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
    }

    private static string? NameOf(JsonElement item)
    {
        foreach (var key in NameKeys)
        {
            if (JsonFields.TryGet(item, key, out var name) && name.ValueKind == JsonValueKind.String && name.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }

        return null;
    }

    private static readonly string[] NameKeys = ["Name", "Key", "DisplayName"];

    private static bool HasValue(JsonElement item) => JsonFields.TryGet(item, "Value", out _);

    private static bool HasNewOrOld(JsonElement item) => JsonFields.TryGet(item, "NewValue", out _) || JsonFields.TryGet(item, "OldValue", out _);
}
