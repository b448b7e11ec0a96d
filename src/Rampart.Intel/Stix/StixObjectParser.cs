using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Core.Stix;
using Rampart.Intel.Stix.Patterns;

namespace Rampart.Intel.Stix;

/// <summary>
/// Checks one STIX 2.1 object and extracts what Rampart indexes; the object's JSON is kept byte for
/// byte, so properties Rampart does not use (kill chains, extensions, custom x_ properties) survive
/// an import and an export. An object that breaks the specification in a way that matters (no id,
/// wrong spec_version, missing timestamps, an invalid pattern) is refused with the reason.
/// </summary>
public sealed class StixObjectParser(string source)
{
    /// <summary>Cyber-observable types (STIX 2.1 §6): they carry no created/modified and need no spec_version.</summary>
    private static readonly HashSet<string> ObservableTypes = new(StringComparer.Ordinal)
    {
        "artifact", "autonomous-system", "directory", "domain-name", "email-addr", "email-message", "file", "ipv4-addr", "ipv6-addr",
        "mac-addr", "mutex", "network-traffic", "process", "software", "url", "user-account", "windows-registry-key", "x509-certificate",
    };

    /// <summary>At most this many short texts (types, property names, references) are kept for reuse.</summary>
    private const int MaxCachedTexts = 4096;

    /// <summary>
    /// Texts that repeat across a bundle's objects (types, property names, the creator's identity, marking
    /// references), each kept once: a million objects citing the same identity cost one string, not a million.
    /// </summary>
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    /// <summary>Marking definitions seen in this bundle that define a TLP level under their own id (TLP 1.0 <c>definition.tlp</c>, TLP 2.0 <c>name</c>).</summary>
    private readonly Dictionary<string, Tlp> _bundleMarkings = new(StringComparer.Ordinal);

    /// <summary>Parses the object's bytes; on failure <paramref name="problem"/> says why (field and reason) and the id if one was read.</summary>
    public ParsedStixObject? Parse(ReadOnlyMemory<byte> bytes, string? bundleSpecVersion, out (string? Id, string? Field, string Reason)? problem)
    {
        problem = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            problem = (null, null, $"not valid JSON: {ex.Message}");
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = (null, null, $"an object in a bundle must be a JSON object, not {root.ValueKind}");
                return null;
            }

            var type = root.TryGetProperty("type"u8, out var t) && t.ValueKind == JsonValueKind.String ? Text(t) : null;
            var id = String(root, "id"u8);
            if (type is null || id is null)
            {
                problem = (id, type is null ? "type" : "id", "is missing");
                return null;
            }

            if (!IsIdentifier(id, type))
            {
                problem = (id, "id", $"must be '{type}--' followed by a UUID");
                return null;
            }

            var isObservable = ObservableTypes.Contains(type);
            var specVersion = root.TryGetProperty("spec_version"u8, out var sv) && sv.ValueKind == JsonValueKind.String && sv.ValueEquals("2.1"u8)
                ? "2.1"
                : String(root, "spec_version"u8) ?? bundleSpecVersion;
            if (specVersion != "2.1" && !(isObservable && specVersion is null))
            {
                problem = (id, "spec_version", specVersion is null ? "is missing (STIX 2.1 objects must say 2.1)" : $"'{specVersion}' is not 2.1");
                return null;
            }

            DateTimeOffset? modified = null;
            if (!isObservable && type != "marking-definition" && type != "extension-definition" && type != "language-content")
            {
                if (!Time(root, "created"u8, out var created))
                {
                    problem = (id, "created", "is missing or not a STIX timestamp (RFC 3339, UTC, ending in Z)");
                    return null;
                }

                if (!Time(root, "modified"u8, out var m))
                {
                    problem = (id, "modified", "is missing or not a STIX timestamp (RFC 3339, UTC, ending in Z)");
                    return null;
                }

                if (m < created)
                {
                    problem = (id, "modified", "is earlier than created");
                    return null;
                }

                modified = m;
            }
            else if (Time(root, "modified"u8, out var m))
            {
                modified = m;
            }

            var references = new List<(string, string)>();
            CollectReferences(root, null, references);
            var tlp = TlpOf(root);
            if (type == "marking-definition" && DefinedTlp(root) is { } defined)
            {
                _bundleMarkings[id] = defined;
                tlp = null;
            }

            var revoked = root.TryGetProperty("revoked"u8, out var r) && r.ValueKind == JsonValueKind.True;
            var notEnforced = new List<string>();
            IReadOnlyList<NewIndicator>? indicators = null;
            string? relationshipType = null, sourceRef = null, targetRef = null;
            switch (type)
            {
                case "indicator":
                    if (!TryIndicators(root, id, tlp, notEnforced, out indicators, out problem))
                    {
                        return null;
                    }

                    break;
                case "relationship":
                    relationshipType = String(root, "relationship_type"u8);
                    sourceRef = String(root, "source_ref"u8);
                    targetRef = String(root, "target_ref"u8);
                    if (relationshipType is null || sourceRef is null || targetRef is null)
                    {
                        problem = (id, relationshipType is null ? "relationship_type" : sourceRef is null ? "source_ref" : "target_ref", "is missing");
                        return null;
                    }

                    break;
                case "sighting":
                    sourceRef = String(root, "sighting_of_ref"u8);
                    if (sourceRef is null)
                    {
                        problem = (id, "sighting_of_ref", "is missing");
                        return null;
                    }

                    relationshipType = "sighting-of";
                    targetRef = sourceRef;
                    sourceRef = id;
                    break;
            }

            var version = new StixObjectVersion(
                id,
                type,
                modified,
                revoked,
                tlp,
                bytes.ToArray(),
                Name(root),
                ExternalId(root),
                relationshipType,
                sourceRef,
                targetRef,
                indicators);
            return new ParsedStixObject(version, references, Aliases(root), notEnforced);
        }
    }

    private bool TryIndicators(JsonElement root, string id, Tlp? tlp, List<string> notEnforced, out IReadOnlyList<NewIndicator>? indicators, out (string?, string?, string)? problem)
    {
        indicators = null;
        problem = null;
        if (!root.TryGetProperty("pattern"u8, out var pattern) || pattern.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("pattern_type"u8, out var patternType) || patternType.ValueKind != JsonValueKind.String)
        {
            problem = (id, String(root, "pattern"u8) is null ? "pattern" : "pattern_type", "is missing");
            return false;
        }

        if (!Time(root, "valid_from"u8, out var validFrom))
        {
            problem = (id, "valid_from", "is missing or not a STIX timestamp");
            return false;
        }

        DateTimeOffset? validUntil = Time(root, "valid_until"u8, out var until) ? until : null;
        if (!patternType.ValueEquals("stix"u8))
        {
            notEnforced.Add($"pattern_type '{patternType.GetString()}' is kept, not enforced");
            return true;
        }

        // Most feed indicators are one comparison: read from the bytes; the grammar decides the rest.
        var values = new List<IndicatorValue>(1);
        var raw = RawString(pattern);
        if (raw.Contains((byte)'\\') || !SingleComparisonPattern.TryAnalyze(raw, values, notEnforced))
        {
            var parsed = StixPatternParser.Parse(pattern.GetString()!);
            if (!parsed.Succeeded)
            {
                problem = (id, "pattern", parsed.Error!.ToString());
                return false;
            }

            var enforceable = PatternEnforcement.Analyze(parsed.Pattern!);
            values.AddRange(enforceable.Values);
            notEnforced.AddRange(enforceable.NotEnforced);
        }

        var confidence = root.TryGetProperty("confidence"u8, out var c) && c.TryGetInt32(out var value) && value is >= 0 and <= 100
            ? value
            : NewIndicator.DefaultConfidence;
        var derived = new NewIndicator[values.Count];
        for (var i = 0; i < derived.Length; i++)
        {
            derived[i] = new NewIndicator(values[i], source, confidence, null, validFrom, validUntil, tlp, id);
        }

        indicators = derived;
        return true;
    }

    private Tlp? TlpOf(JsonElement root)
    {
        Tlp? strictest = null;
        if (root.TryGetProperty("object_marking_refs"u8, out var refs) && refs.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in refs.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && Text(item) is { } markingId)
                {
                    strictest = TlpLevels.Strictest(strictest, TlpLevels.FromStixMarkingId(markingId) ?? TlpFromDictionary(_bundleMarkings, markingId));
                }
            }
        }

        return strictest;
    }

    private static Tlp? TlpFromDictionary(Dictionary<string, Tlp> markings, string id) => markings.TryGetValue(id, out var tlp) ? tlp : null;

    /// <summary>TLP 1.0 (<c>definition_type: tlp</c>, <c>definition.tlp</c>) or TLP 2.0 (<c>name: TLP:…</c>) defined by a marking-definition object.</summary>
    private static Tlp? DefinedTlp(JsonElement root)
    {
        if (root.TryGetProperty("definition"u8, out var definition) && definition.ValueKind == JsonValueKind.Object
            && TlpLevels.TryParse(String(definition, "tlp"u8), out var v1))
        {
            return v1;
        }

        return String(root, "name"u8) is { } name && name.StartsWith("TLP:", StringComparison.OrdinalIgnoreCase) && TlpLevels.TryParse(name, out var v2) ? v2 : null;
    }

    private void CollectReferences(JsonElement element, string? path, List<(string, string)> references)
    {
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            var kind = value.ValueKind;
            if (kind is not (JsonValueKind.String or JsonValueKind.Object or JsonValueKind.Array))
            {
                continue;
            }

            // Names are compared as the raw UTF-8 the file holds, so the common case allocates no string;
            // a name with escapes (legal, rare) is decoded first.
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            var escaped = raw.Contains((byte)'\\');
            ReadOnlySpan<byte> name = escaped ? Encoding.UTF8.GetBytes(property.Name) : raw;
            if (kind == JsonValueKind.String && name.EndsWith("_ref"u8))
            {
                references.Add((Path(path, escaped ? property.Name : Text(raw)), Text(value)));
            }
            else if (kind == JsonValueKind.Array && name.EndsWith("_refs"u8))
            {
                string? at = null;
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        references.Add((at ??= Path(path, escaped ? property.Name : Text(raw)), Text(item)));
                    }
                }
            }
            else if (kind == JsonValueKind.Object && !name.SequenceEqual("extensions"u8))
            {
                CollectReferences(value, Path(path, property.Name), references);
            }
            else if (kind == JsonValueKind.Array && name.SequenceEqual("granular_markings"u8))
            {
                foreach (var item in value.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
                {
                    CollectReferences(item, "granular_markings", references);
                }
            }
        }
    }

    private static string Path(string? path, string name) => path is null ? name : $"{path}.{name}";

    private static string? Name(JsonElement root) => String(root, "name"u8) ?? String(root, "value"u8);

    /// <summary>The ATT&amp;CK id (G0007, T1566) when MITRE gives one, else the first external id.</summary>
    private static string? ExternalId(JsonElement root)
    {
        if (!root.TryGetProperty("external_references"u8, out var refs) || refs.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        string? first = null;
        foreach (var item in refs.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
        {
            var externalId = String(item, "external_id"u8);
            if (externalId is null)
            {
                continue;
            }

            if (String(item, "source_name"u8) is "mitre-attack" or "mitre-mobile-attack" or "mitre-ics-attack")
            {
                return externalId;
            }

            first ??= externalId;
        }

        return first;
    }

    private static string[] Aliases(JsonElement root)
    {
        List<string>? names = null;
        Add(root, "aliases"u8, ref names);
        Add(root, "x_mitre_aliases"u8, ref names);
        return names is null ? [] : [.. names];
    }

    private static void Add(JsonElement root, ReadOnlySpan<byte> property, ref List<string>? names)
    {
        if (root.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array)
        {
            (names ??= []).AddRange(list.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!));
        }
    }

    /// <summary>A JSON string's bytes as the file holds them (escapes not decoded), without its quotes.</summary>
    private static ReadOnlySpan<byte> RawString(JsonElement value) => JsonMarshal.GetRawUtf8Value(value)[1..^1];

    /// <summary>A JSON string's text, the same string each time it repeats (see <see cref="_texts"/>).</summary>
    private string Text(JsonElement value)
    {
        var raw = RawString(value);
        return raw.Contains((byte)'\\') ? value.GetString()! : Text(raw);
    }

    /// <summary>Text from UTF-8 without JSON escapes, looked up without allocating when seen before.</summary>
    private string Text(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > 256)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[256];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        var lookup = _texts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars[..length], out var text))
        {
            return text;
        }

        text = new string(chars[..length]);
        if (_texts.Count < MaxCachedTexts)
        {
            _texts[text] = text;
        }

        return text;
    }

    /// <summary>A timestamp property, read from its UTF-8 bytes when it has no escapes (every real one).</summary>
    private static bool Time(JsonElement element, ReadOnlySpan<byte> name, out DateTimeOffset time)
    {
        time = default;
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var raw = RawString(value);
        return raw.Contains((byte)'\\') ? StixTime.TryParse(value.GetString(), out time) : StixTime.TryParse(raw, out time);
    }

    private static string? String(JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary><c>type--</c> followed by a UUID (RFC 4122 text form).</summary>
    private static bool IsIdentifier(string id, string type) =>
        id.Length == type.Length + 2 + 36 && id.StartsWith(type, StringComparison.Ordinal) && id.AsSpan(type.Length).StartsWith("--")
        && Guid.TryParseExact(id.AsSpan(type.Length + 2), "D", out _);
}
