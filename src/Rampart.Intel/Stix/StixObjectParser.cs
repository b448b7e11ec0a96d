using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
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

    /// <summary>Escaped patterns longer than this (as the file holds them) skip the fast path; the grammar reads them.</summary>
    private const int MaxUnescapedPatternBytes = 4096;

    /// <summary>Where an escaped pattern is decoded for the fast path: one buffer per parser, never one per object.</summary>
    private readonly byte[] _pattern = new byte[MaxUnescapedPatternBytes];

    /// <summary>Scratch lists, one set per parser: what an object keeps is copied out in arrays of the right size.</summary>
    private readonly List<(string, string)> _references = [];
    private (string, string)[] _previousReferences = [];
    private readonly List<string> _notEnforced = [];
    private readonly List<IndicatorValue> _values = [];

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
            try
            {
                return ParseRoot(bytes, document.RootElement, bundleSpecVersion, out problem);
            }
            catch (InvalidOperationException ex)
            {
                // System.Text.Json refuses to read a value as text that is not valid UTF-16 (an escaped lone
                // surrogate, "\ud800", in a type, a reference or a property name): the object is skipped and
                // reported, the rest of the bundle imports.
                problem = (null, null, $"cannot be read: {ex.Message}");
                return null;
            }
        }
    }

    private ParsedStixObject? ParseRoot(ReadOnlyMemory<byte> bytes, JsonElement root, string? bundleSpecVersion, out (string? Id, string? Field, string Reason)? problem)
    {
        problem = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = (null, null, $"an object in a bundle must be a JSON object, not {root.ValueKind}");
            return null;
        }

        var references = _references;
        references.Clear();
        var fields = ReadFields(root, references, out var referencesRead);
        var t = fields.Of(fields.Type, "type"u8);
        var type = t.ValueKind == JsonValueKind.String ? Text(t) : null;
        var id = String(fields.Of(fields.Id, "id"u8));
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
        var sv = fields.Of(fields.SpecVersion, "spec_version"u8);
        var specVersion = sv.ValueKind == JsonValueKind.String && sv.ValueEquals("2.1"u8)
            ? "2.1"
            : String(sv) ?? bundleSpecVersion;
        if (specVersion != "2.1" && !(isObservable && specVersion is null))
        {
            problem = (id, "spec_version", specVersion is null ? "is missing (STIX 2.1 objects must say 2.1)" : $"'{specVersion}' is not 2.1");
            return null;
        }

        DateTimeOffset? modified = null;
        if (!isObservable && type != "marking-definition" && type != "extension-definition" && type != "language-content")
        {
            if (!Time(fields.Of(fields.Created, "created"u8), out var created))
            {
                problem = (id, "created", "is missing or not a STIX timestamp (RFC 3339, UTC, ending in Z)");
                return null;
            }

            if (!Time(fields.Of(fields.Modified, "modified"u8), out var m))
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
        else if (Time(fields.Of(fields.Modified, "modified"u8), out var m))
        {
            modified = m;
        }

        if (!referencesRead)
        {
            references.Clear();
            CollectReferences(root, null, references);
        }
        var tlp = TlpOf(fields.Of(fields.ObjectMarkingRefs, "object_marking_refs"u8));
        if (type == "marking-definition" && DefinedTlp(fields.Of(fields.Definition, "definition"u8), fields.Of(fields.Name, "name"u8)) is { } defined)
        {
            _bundleMarkings[id] = defined;
            tlp = null;
        }

        var revoked = fields.Of(fields.Revoked, "revoked"u8).ValueKind == JsonValueKind.True;
        var notEnforced = _notEnforced;
        notEnforced.Clear();
        IReadOnlyList<NewIndicator>? indicators = null;
        string? relationshipType = null, sourceRef = null, targetRef = null;
        switch (type)
        {
            case "indicator":
                if (!TryIndicators(fields, id, tlp, notEnforced, out indicators, out problem))
                {
                    return null;
                }

                break;
            case "relationship":
                relationshipType = String(fields.Of(fields.RelationshipType, "relationship_type"u8));
                sourceRef = String(fields.Of(fields.SourceRef, "source_ref"u8));
                targetRef = String(fields.Of(fields.TargetRef, "target_ref"u8));
                if (relationshipType is null || sourceRef is null || targetRef is null)
                {
                    problem = (id, relationshipType is null ? "relationship_type" : sourceRef is null ? "source_ref" : "target_ref", "is missing");
                    return null;
                }

                break;
            case "sighting":
                sourceRef = String(fields.Of(fields.SightingOfRef, "sighting_of_ref"u8));
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
            String(fields.Of(fields.Name, "name"u8)) ?? String(fields.Of(fields.Value, "value"u8)),
            ExternalId(fields.Of(fields.ExternalReferences, "external_references"u8)),
            relationshipType,
            sourceRef,
            targetRef,
            indicators);
        return new ParsedStixObject(version, References(references), Aliases(fields.Of(fields.Aliases, "aliases"u8), fields.Of(fields.XMitreAliases, "x_mitre_aliases"u8)), Copy(notEnforced));
    }

    /// <summary>What a scratch list holds, in an array of its size (none for an empty one).</summary>
    private static T[] Copy<T>(List<T> list) => list.Count == 0 ? [] : [.. list];

    /// <summary>
    /// The references in an array, the previous object's when they are the same: a feed's objects cite the same
    /// creator and marking one after another, and the texts are already shared (<see cref="Text(ReadOnlySpan{byte})"/>).
    /// </summary>
    private (string, string)[] References(List<(string, string)> references)
    {
        if (!CollectionsMarshal.AsSpan(references).SequenceEqual(_previousReferences))
        {
            _previousReferences = Copy(references);
        }

        return _previousReferences;
    }

    private bool TryIndicators(in StixObjectFields fields, string id, Tlp? tlp, List<string> notEnforced, out IReadOnlyList<NewIndicator>? indicators, out (string?, string?, string)? problem)
    {
        indicators = null;
        problem = null;
        var pattern = fields.Of(fields.Pattern, "pattern"u8);
        if (pattern.ValueKind != JsonValueKind.String)
        {
            problem = (id, "pattern", "is missing");
            return false;
        }

        var patternType = fields.Of(fields.PatternType, "pattern_type"u8);
        if (patternType.ValueKind != JsonValueKind.String)
        {
            problem = (id, "pattern_type", "is missing");
            return false;
        }

        if (!Time(fields.Of(fields.ValidFrom, "valid_from"u8), out var validFrom))
        {
            problem = (id, "valid_from", "is missing or not a STIX timestamp");
            return false;
        }

        DateTimeOffset? validUntil = Time(fields.Of(fields.ValidUntil, "valid_until"u8), out var until) ? until : null;
        if (!patternType.ValueEquals("stix"u8))
        {
            notEnforced.Add($"pattern_type '{patternType.GetString()}' is kept, not enforced");
            return true;
        }

        // Most feed indicators are one comparison: read from the bytes; the grammar decides the rest.
        var values = _values;
        values.Clear();
        if (!TrySingleComparison(pattern, values, notEnforced))
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

        var c = fields.Of(fields.Confidence, "confidence"u8);
        // Not a number (a string "80", null): the default, as for a number out of range; TryGetInt32 would throw.
        var confidence = c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var value) && value is >= 0 and <= 100
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

    /// <summary>
    /// The fast path on the pattern's text as UTF-8. JSON escapes are decoded first: writers such as
    /// <see cref="Utf8JsonWriter"/> write every <c>'</c> as <c>\u0027</c>, so without this every pattern
    /// they wrote would go through the grammar. Text that is not valid UTF-8 once decoded goes there too.
    /// </summary>
    private bool TrySingleComparison(JsonElement pattern, List<IndicatorValue> values, List<string> notEnforced)
    {
        var raw = RawString(pattern);
        if (!raw.Contains((byte)'\\'))
        {
            return SingleComparisonPattern.TryAnalyze(raw, values, notEnforced);
        }

        if (raw.Length > MaxUnescapedPatternBytes)
        {
            return false;
        }

        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(pattern));
        if (!reader.Read())
        {
            return false;
        }

        int length;
        try
        {
            length = reader.CopyString(_pattern);
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        var text = _pattern.AsSpan(0, length);
        return Utf8.IsValid(text) && SingleComparisonPattern.TryAnalyze(text, values, notEnforced);
    }

    private Tlp? TlpOf(JsonElement refs)
    {
        Tlp? strictest = null;
        if (refs.ValueKind == JsonValueKind.Array)
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
    private static Tlp? DefinedTlp(JsonElement definition, JsonElement nameValue)
    {
        if (definition.ValueKind == JsonValueKind.Object && TlpLevels.TryParse(String(definition, "tlp"u8), out var v1))
        {
            return v1;
        }

        return String(nameValue) is { } name && name.StartsWith("TLP:", StringComparison.OrdinalIgnoreCase) && TlpLevels.TryParse(name, out var v2) ? v2 : null;
    }

    /// <summary>
    /// One pass over the object's properties: the fields <see cref="Parse"/> reads and, when every reference is a
    /// plain top-level one (no escapes, nothing nested: nearly every object), the references too. Otherwise
    /// <paramref name="referencesRead"/> is false and <see cref="CollectReferences"/> walks the object once it has been checked.
    /// </summary>
    private StixObjectFields ReadFields(JsonElement root, List<(string, string)> references, out bool referencesRead)
    {
        var fields = new StixObjectFields(root);
        referencesRead = true;
        foreach (var property in root.EnumerateObject())
        {
            var name = JsonMarshal.GetRawUtf8PropertyName(property);
            if (name.Contains((byte)'\\'))
            {
                fields.HasEscapedNames = true;
                referencesRead = false;
                continue;
            }

            var value = property.Value;
            fields.Set(name, value);
            referencesRead = referencesRead && PlainReferences(name, value, references);
        }

        return fields;
    }

    /// <summary>What <see cref="CollectReferences"/> adds for one top-level property, or false when it holds escapes or nested objects to walk.</summary>
    private bool PlainReferences(ReadOnlySpan<byte> name, JsonElement value, List<(string, string)> references)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when name.EndsWith("_ref"u8):
                var raw = RawString(value);
                if (raw.Contains((byte)'\\'))
                {
                    return false;
                }

                references.Add((Text(name), Text(raw)));
                return true;
            case JsonValueKind.Array when name.EndsWith("_refs"u8):
                string? at = null;
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        var itemRaw = RawString(item);
                        if (itemRaw.Contains((byte)'\\'))
                        {
                            return false;
                        }

                        references.Add((at ??= Text(name), Text(itemRaw)));
                    }
                }

                return true;
            case JsonValueKind.Object:
                return name.SequenceEqual("extensions"u8);
            case JsonValueKind.Array:
                return !name.SequenceEqual("granular_markings"u8);
            default:
                return true;
        }
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

    /// <summary>The ATT&amp;CK id (G0007, T1566) when MITRE gives one, else the first external id.</summary>
    private static string? ExternalId(JsonElement refs)
    {
        if (refs.ValueKind != JsonValueKind.Array)
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

    private static string[] Aliases(JsonElement aliases, JsonElement mitreAliases)
    {
        List<string>? names = null;
        Add(aliases, ref names);
        Add(mitreAliases, ref names);
        return names is null ? [] : [.. names];
    }

    private static void Add(JsonElement list, ref List<string>? names)
    {
        if (list.ValueKind == JsonValueKind.Array)
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
    private static bool Time(JsonElement value, out DateTimeOffset time)
    {
        time = default;
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var raw = RawString(value);
        return raw.Contains((byte)'\\') ? StixTime.TryParse(value.GetString(), out time) : StixTime.TryParse(raw, out time);
    }

    private static string? String(JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryGetProperty(name, out var value) ? String(value) : null;

    private static string? String(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary><c>type--</c> followed by a UUID (RFC 4122 text form).</summary>
    private static bool IsIdentifier(string id, string type) =>
        id.Length == type.Length + 2 + 36 && id.StartsWith(type, StringComparison.Ordinal) && id.AsSpan(type.Length).StartsWith("--")
        && Guid.TryParseExact(id.AsSpan(type.Length + 2), "D", out _);
}
