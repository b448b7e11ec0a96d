using System.Globalization;
using System.Text.Json;
using Rampart.Taxii.Collections;
using Rampart.Taxii.Objects;

namespace Rampart.Taxii.Resources;

/// <summary>
/// Writes the TAXII 2.1 resources. Objects are written as the exact JSON they were stored as, never
/// re-serialized, so every property (custom ones and extensions) survives the trip.
/// </summary>
public static class TaxiiJson
{
    /// <summary>§3.7 "envelope": <c>more</c>, <c>next</c> (when more), <c>objects</c>; an empty page is the empty envelope <c>{}</c>.</summary>
    public static void WriteEnvelope(Utf8JsonWriter writer, TaxiiPage page, string? next) =>
        WritePage(writer, page, next, "objects", entry => writer.WriteRawValue(entry.Json, skipInputValidation: true));

    /// <summary>§5.3.1 "manifest": per object version its id, date_added, version and media_type.</summary>
    public static void WriteManifest(Utf8JsonWriter writer, TaxiiPage page, string? next) =>
        WritePage(writer, page, next, "objects", entry =>
        {
            writer.WriteStartObject();
            writer.WriteString("id", entry.Id);
            writer.WriteString("date_added", TaxiiTimestamp.Format(entry.DateAdded));
            writer.WriteString("version", VersionOf(entry));
            writer.WriteString("media_type", MediaTypeOf(entry));
            writer.WriteEndObject();
        });

    /// <summary>§5.8.1 "versions": the versions of one object, oldest added first.</summary>
    public static void WriteVersions(Utf8JsonWriter writer, TaxiiPage page, string? next) =>
        WritePage(writer, page, next, "versions", entry => writer.WriteStringValue(VersionOf(entry)));

    /// <summary>The shape the paged resources share: <c>more</c>, <c>next</c> while more follow, then one array; nothing at all for an empty page.</summary>
    private static void WritePage(Utf8JsonWriter writer, TaxiiPage page, string? next, string arrayName, Action<TaxiiEntry> item)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(page);
        writer.WriteStartObject();
        if (page.Entries.Count > 0 || page.More)
        {
            writer.WriteBoolean("more", page.More);
            if (page.More && next is not null)
            {
                writer.WriteString("next", next);
            }

            writer.WriteStartArray(arrayName);
            foreach (var entry in page.Entries)
            {
                item(entry);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>§5.2.1 "collection", with this user's <c>can_read</c>/<c>can_write</c>.</summary>
    public static void WriteCollection(Utf8JsonWriter writer, TaxiiCollection collection, TaxiiAccess access)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(access);
        writer.WriteStartObject();
        writer.WriteString("id", collection.Id);
        writer.WriteString("title", collection.Title);
        if (collection.Description is not null)
        {
            writer.WriteString("description", collection.Description);
        }

        if (collection.Alias is not null)
        {
            writer.WriteString("alias", collection.Alias);
        }

        writer.WriteBoolean("can_read", access.CanRead);
        writer.WriteBoolean("can_write", access.CanWrite);
        writer.WriteStartArray("media_types");
        writer.WriteStringValue(TaxiiMediaTypes.Stix);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>§4.3.1 "status".</summary>
    public static void WriteStatus(Utf8JsonWriter writer, TaxiiStatus status)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(status);
        writer.WriteStartObject();
        writer.WriteString("id", status.Id);
        writer.WriteString("status", status.State);
        writer.WriteString("request_timestamp", TaxiiTimestamp.Format(status.RequestTimestamp));
        writer.WriteNumber("total_count", status.TotalCount);
        writer.WriteNumber("success_count", status.Successes.Count);
        Details(writer, "successes", status.Successes);
        writer.WriteNumber("failure_count", status.Failures.Count);
        Details(writer, "failures", status.Failures);
        writer.WriteNumber("pending_count", status.Pendings.Count);
        Details(writer, "pendings", status.Pendings);
        writer.WriteEndObject();
    }

    /// <summary>§3.6.1 "error": <c>http_status</c> is a string that must match the HTTP status.</summary>
    public static void WriteError(Utf8JsonWriter writer, TaxiiError error)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(error);
        writer.WriteStartObject();
        writer.WriteString("title", error.Title);
        if (error.Description is not null)
        {
            writer.WriteString("description", error.Description);
        }

        writer.WriteString("http_status", error.HttpStatus.ToString(CultureInfo.InvariantCulture));
        writer.WriteEndObject();
    }

    /// <summary>
    /// An object's version (§3.4.1, version): its <c>modified</c>; without one its <c>created</c>; without
    /// either, the server's own consistent value, here the time it was added.
    /// </summary>
    public static string VersionOf(TaxiiEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Modified is { } modified)
        {
            return TaxiiTimestamp.Format(modified);
        }

        return CreatedOf(entry.Json) is { } created ? TaxiiTimestamp.Format(created) : TaxiiTimestamp.Format(entry.DateAdded);
    }

    /// <summary>The STIX media type of the object's own <c>spec_version</c> (2.1 when it has none, as 2.1 cyber-observables may).</summary>
    public static string MediaTypeOf(TaxiiEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Property(entry.Json, "spec_version") is { } spec ? "application/stix+json;version=" + spec : TaxiiMediaTypes.Stix;
    }

    private static DateTimeOffset? CreatedOf(string json) =>
        TaxiiTimestamp.TryParse(Property(json, "created"), out var created) ? created : null;

    private static string? Property(string json, string name)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    private static void Details(Utf8JsonWriter writer, string name, IReadOnlyList<TaxiiStatusDetail> details)
    {
        if (details.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var detail in details)
        {
            writer.WriteStartObject();
            writer.WriteString("id", detail.Id);
            writer.WriteString("version", detail.Version);
            if (detail.Message is not null)
            {
                writer.WriteString("message", detail.Message);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
