using System.Text.Json;

namespace Rampart.Intel.Stix;

/// <summary>
/// The top-level properties <see cref="StixObjectParser"/> reads, found in its one pass over the object.
/// <see cref="JsonElement.TryGetProperty(ReadOnlySpan{byte}, out JsonElement)"/> scans the properties
/// for each name, and the parser asks for about twenty: on a 15-property indicator that was the
/// parse's largest cost. As with <c>TryGetProperty</c>, a repeated property's last value wins and escaped
/// names match their decoded text; a property not present is <see cref="JsonValueKind.Undefined"/>.
/// </summary>
internal struct StixObjectFields
{
    public JsonElement Type;
    public JsonElement Id;
    public JsonElement SpecVersion;
    public JsonElement Created;
    public JsonElement Modified;
    public JsonElement Revoked;
    public JsonElement Name;
    public JsonElement Value;
    public JsonElement Definition;
    public JsonElement ObjectMarkingRefs;
    public JsonElement ExternalReferences;
    public JsonElement Aliases;
    public JsonElement XMitreAliases;
    public JsonElement Pattern;
    public JsonElement PatternType;
    public JsonElement ValidFrom;
    public JsonElement ValidUntil;
    public JsonElement Confidence;
    public JsonElement RelationshipType;
    public JsonElement SourceRef;
    public JsonElement TargetRef;
    public JsonElement SightingOfRef;

    private readonly JsonElement _root;

    public StixObjectFields(JsonElement root) => _root = root;

    /// <summary>Some property name holds escapes: <see cref="Of"/> then looks each field up by name.</summary>
    public bool HasEscapedNames { get; set; }

    /// <summary>
    /// <paramref name="found"/>, or when some name holds escapes (legal, rare) the object's own look-up by
    /// <paramref name="name"/>, so such an object is read exactly as it always was.
    /// </summary>
    public readonly JsonElement Of(JsonElement found, ReadOnlySpan<byte> name) =>
        !HasEscapedNames ? found : _root.TryGetProperty(name, out var value) ? value : default;

    /// <summary>Remembers <paramref name="value"/> when <paramref name="name"/> is one of the properties above.</summary>
    public void Set(ReadOnlySpan<byte> name, JsonElement value)
    {
        switch (name.Length)
        {
            case 2 when name.SequenceEqual("id"u8): Id = value; break;
            case 4 when name.SequenceEqual("type"u8): Type = value; break;
            case 4 when name.SequenceEqual("name"u8): Name = value; break;
            case 5 when name.SequenceEqual("value"u8): Value = value; break;
            case 7 when name.SequenceEqual("created"u8): Created = value; break;
            case 7 when name.SequenceEqual("revoked"u8): Revoked = value; break;
            case 7 when name.SequenceEqual("pattern"u8): Pattern = value; break;
            case 7 when name.SequenceEqual("aliases"u8): Aliases = value; break;
            case 8 when name.SequenceEqual("modified"u8): Modified = value; break;
            case 10 when name.SequenceEqual("valid_from"u8): ValidFrom = value; break;
            case 10 when name.SequenceEqual("confidence"u8): Confidence = value; break;
            case 10 when name.SequenceEqual("source_ref"u8): SourceRef = value; break;
            case 10 when name.SequenceEqual("target_ref"u8): TargetRef = value; break;
            case 10 when name.SequenceEqual("definition"u8): Definition = value; break;
            case 11 when name.SequenceEqual("valid_until"u8): ValidUntil = value; break;
            case 12 when name.SequenceEqual("spec_version"u8): SpecVersion = value; break;
            case 12 when name.SequenceEqual("pattern_type"u8): PatternType = value; break;
            case 15 when name.SequenceEqual("sighting_of_ref"u8): SightingOfRef = value; break;
            case 15 when name.SequenceEqual("x_mitre_aliases"u8): XMitreAliases = value; break;
            case 17 when name.SequenceEqual("relationship_type"u8): RelationshipType = value; break;
            case 19 when name.SequenceEqual("object_marking_refs"u8): ObjectMarkingRefs = value; break;
            case 19 when name.SequenceEqual("external_references"u8): ExternalReferences = value; break;
        }
    }
}
