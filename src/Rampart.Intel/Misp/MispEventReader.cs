using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Rampart.Intel.Misp;

/// <summary>
/// Reads MISP event JSON as MISP writes it (feed event files and API exports): <c>{"Event": {…}}</c>
/// or the bare event. A file that is not a JSON object or has no event uuid is refused with one
/// problem; a bad attribute is skipped and reported with its line and field, the rest read.
/// </summary>
public static class MispEventReader
{
    /// <summary>An event file larger than this is refused: MISP's own largest feed events stay far below it.</summary>
    public const int MaxEventBytes = 256 * 1024 * 1024;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip };

    public static MispEvent? Read(ReadOnlyMemory<byte> json, string fileName, List<MispProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (json.Length > MaxEventBytes)
        {
            problems.Add(new MispProblem(fileName, 1, null, $"larger than {MaxEventBytes / (1024 * 1024)} MB"));
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            problems.Add(new MispProblem(fileName, (int)(ex.LineNumber ?? 0) + 1, null, $"not valid JSON: {FirstSentence(ex.Message)}"));
            return null;
        }

        using (document)
        {
            var lines = new LineIndex(json.Span);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Event"u8, out var wrapped))
            {
                root = wrapped;
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new MispProblem(fileName, 1, null, "a MISP event is a JSON object"));
                return null;
            }

            var uuid = Text(root, "uuid"u8);
            if (uuid is null || !Guid.TryParse(uuid, out _))
            {
                problems.Add(new MispProblem(fileName, lines.Of(json.Span, root), "uuid", uuid is null ? "is missing" : $"'{uuid}' is not a UUID"));
                return null;
            }

            var attributes = new List<MispAttribute>();
            ReadAttributes(root, "Attribute", json.Span, lines, fileName, attributes, problems);
            if (root.TryGetProperty("Object"u8, out var objects) && objects.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in objects.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        ReadAttributes(item, $"Object[{index}].Attribute", json.Span, lines, fileName, attributes, problems);
                    }

                    index++;
                }
            }

            var organisation = root.TryGetProperty("Orgc"u8, out var orgc) && orgc.ValueKind == JsonValueKind.Object ? Text(orgc, "name"u8) : null;
            return new MispEvent(fileName, uuid, Text(root, "info"u8) ?? "", organisation, Timestamp(root), Tags(root), attributes);
        }
    }

    private static void ReadAttributes(JsonElement owner, string path, ReadOnlySpan<byte> json, LineIndex lines, string fileName, List<MispAttribute> attributes, List<MispProblem> problems)
    {
        if (!owner.TryGetProperty("Attribute"u8, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var field = $"{path}[{index++}]";
            var line = lines.Of(json, item);
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new MispProblem(fileName, line, field, "an attribute is a JSON object"));
                continue;
            }

            var type = Text(item, "type"u8);
            var value = Text(item, "value"u8);
            if (type is null || value is null)
            {
                problems.Add(new MispProblem(fileName, line, $"{field}.{(type is null ? "type" : "value")}", "is missing"));
                continue;
            }

            int sightings = 0, falsePositives = 0;
            DateTimeOffset? lastSeen = null;
            if (item.TryGetProperty("Sighting"u8, out var seen) && seen.ValueKind == JsonValueKind.Array)
            {
                foreach (var sighting in seen.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object))
                {
                    // MISP: type 0 is a sighting, 1 a false positive, 2 an expiration.
                    switch (Text(sighting, "type"u8) ?? "0")
                    {
                        case "0":
                            sightings++;
                            lastSeen = Later(lastSeen, UnixTime(sighting, "date_sighting"u8));
                            break;
                        case "1":
                            falsePositives++;
                            break;
                    }
                }
            }

            attributes.Add(new MispAttribute(
                line, field, Text(item, "uuid"u8), type, value, Flag(item, "to_ids"u8), Flag(item, "deleted"u8), Timestamp(item), Tags(item), sightings, falsePositives, lastSeen));
        }
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static List<string> Tags(JsonElement element)
    {
        if (!element.TryGetProperty("Tag"u8, out var tags) || tags.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return tags.EnumerateArray()
            .Select(t => t.ValueKind == JsonValueKind.Object ? Text(t, "name"u8) : t.ValueKind == JsonValueKind.String ? t.GetString() : null)
            .OfType<string>()
            .ToList();
    }

    /// <summary>MISP writes booleans as true/false, "1"/"0" or 1/0 depending on version and path.</summary>
    private static bool Flag(JsonElement element, ReadOnlySpan<byte> name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.String => value.GetString() is "1" or "true",
            JsonValueKind.Number => value.TryGetInt32(out var n) && n != 0,
            _ => false,
        };
    }

    private static DateTimeOffset? Timestamp(JsonElement element) => UnixTime(element, "timestamp"u8);

    /// <summary>MISP timestamps are Unix seconds, as a string or a number.</summary>
    private static DateTimeOffset? UnixTime(JsonElement element, ReadOnlySpan<byte> name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        long seconds;
        var ok = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out seconds),
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out seconds),
            _ => (seconds = 0) != 0,
        };

        // Year 1970 to 9999: anything else is not a MISP timestamp.
        return ok && seconds is > 0 and < 253402300800 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
    }

    private static string? Text(JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }

    /// <summary>Line numbers from byte offsets: the element's raw bytes point into the file's buffer.</summary>
    private readonly struct LineIndex(ReadOnlySpan<byte> json)
    {
        private readonly int[] _newlines = Newlines(json);

        public int Of(ReadOnlySpan<byte> json, JsonElement element)
        {
            var raw = JsonMarshal.GetRawUtf8Value(element);
            var offset = (int)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(json), ref MemoryMarshal.GetReference(raw));
            if ((uint)offset > (uint)json.Length)
            {
                return 0;
            }

            var index = Array.BinarySearch(_newlines, offset);
            return (index < 0 ? ~index : index) + 1;
        }

        private static int[] Newlines(ReadOnlySpan<byte> json)
        {
            var result = new List<int>();
            var start = 0;
            int next;
            while ((next = json[start..].IndexOf((byte)'\n')) >= 0)
            {
                result.Add(start + next);
                start += next + 1;
            }

            return [.. result];
        }
    }
}
