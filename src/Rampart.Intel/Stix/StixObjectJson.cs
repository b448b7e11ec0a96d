using System.Buffers;
using System.Text;
using System.Text.Json;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;

namespace Rampart.Intel.Stix;

/// <summary>
/// STIX JSON for what Rampart holds outside the STIX store: indicators from lists (their ids are
/// already STIX ids), their <c>indicates</c> relationships, and the TLP 2.0 marking definitions.
/// </summary>
public static class StixObjectJson
{
    /// <summary>The OASIS TLP 2.0 extension the TLP 2.0 marking definitions point to.</summary>
    public const string Tlp2ExtensionId = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    /// <summary>Namespace for the UUIDv5 of generated relationship ids, so re-exports give the same ids.</summary>
    private static readonly Guid RelationshipNamespace = new("5b4e3c3a-6f0e-4d54-9a43-6d1e0f0b7a11");

    /// <summary>Namespace for the UUIDv5 of indicators from lists: their own ids are UUIDv7, which the OASIS schemas (versions 1-5) refuse.</summary>
    private static readonly Guid IndicatorNamespace = new("0d3c7a52-2f4e-4a8e-9c1b-7e6f5a4b3c2d");

    /// <summary>The STIX id an indicator from a list is exported under; the same on every export.</summary>
    public static string StixIdOf(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return StixIds.Deterministic("indicator", IndicatorNamespace, indicator.Id);
    }

    public static string Indicator(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var id = StixIdOf(indicator);
        return Write(w =>
        {
            w.WriteString("type", "indicator");
            w.WriteString("spec_version", "2.1");
            w.WriteString("id", id);
            w.WriteString("created", StixTime.Format(indicator.CreatedAt));
            w.WriteString("modified", StixTime.Format(indicator.ModifiedAt));
            w.WriteString("name", indicator.Value);
            w.WriteStartArray("indicator_types");
            w.WriteStringValue("malicious-activity");
            w.WriteEndArray();
            w.WriteString("pattern", StixPatterns.For(indicator.Type, indicator.NormalizedValue));
            w.WriteString("pattern_type", "stix");
            w.WriteString("pattern_version", "2.1");
            w.WriteString("valid_from", StixTime.Format(indicator.ValidFrom));
            if (indicator.ValidUntil is { } until && until > indicator.ValidFrom)
            {
                w.WriteString("valid_until", StixTime.Format(until));
            }

            w.WriteNumber("confidence", indicator.Confidence);
            if (indicator.Revoked)
            {
                w.WriteBoolean("revoked", true);
            }

            w.WriteStartArray("labels");
            w.WriteStringValue("source:" + indicator.Source);
            w.WriteEndArray();
            if (indicator.Tlp is { } tlp)
            {
                w.WriteStartArray("object_marking_refs");
                w.WriteStringValue(tlp.ToStixMarkingId());
                w.WriteEndArray();
            }
        });
    }

    public static (string Id, string Json) Indicates(Indicator indicator, string actorId, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var sourceRef = StixIdOf(indicator);
        var id = StixIds.Deterministic("relationship", RelationshipNamespace, sourceRef + " indicates " + actorId);
        return (id, Write(w =>
        {
            w.WriteString("type", "relationship");
            w.WriteString("spec_version", "2.1");
            w.WriteString("id", id);
            w.WriteString("created", StixTime.Format(created));
            w.WriteString("modified", StixTime.Format(created));
            w.WriteString("relationship_type", "indicates");
            w.WriteString("source_ref", sourceRef);
            w.WriteString("target_ref", actorId);
            if (indicator.Tlp is { } tlp)
            {
                w.WriteStartArray("object_marking_refs");
                w.WriteStringValue(tlp.ToStixMarkingId());
                w.WriteEndArray();
            }
        }));
    }

    /// <summary>The TLP 2.0 marking definition exactly as OASIS publishes it (created 2022-10-01).</summary>
    public static string TlpMarking(Tlp tlp) => Write(w =>
    {
        w.WriteString("type", "marking-definition");
        w.WriteString("spec_version", "2.1");
        w.WriteString("id", tlp.ToStixMarkingId());
        w.WriteString("created", "2022-10-01T00:00:00.000Z");
        w.WriteString("name", "TLP:" + tlp.ToWire().ToUpperInvariant());
        w.WriteStartObject("extensions");
        w.WriteStartObject(Tlp2ExtensionId);
        w.WriteString("extension_type", "property-extension");
        w.WriteString("tlp_2_0", tlp.ToWire());
        w.WriteEndObject();
        w.WriteEndObject();
    });

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
