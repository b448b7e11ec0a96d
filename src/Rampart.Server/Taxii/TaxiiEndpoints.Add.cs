using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rampart.Core;
using Rampart.Intel.Stix;
using Rampart.Server.Platform.Auth;
using Rampart.Taxii;
using Rampart.Taxii.Resources;

namespace Rampart.Server.Taxii;

public static partial class TaxiiEndpoints
{
    /// <summary>
    /// §5.5 Add Objects: the envelope's objects go through the normal STIX import (one transaction),
    /// those it takes are added to the inbox, and the answer is 202 with a status resource (§4.3.1).
    /// 403 without can_write, 415 for a body that is not TAXII 2.1, 413 above max_content_length, 422
    /// for a body that is not an envelope of STIX objects.
    /// </summary>
    private static async Task<TaxiiResult> AddObjectsAsync(HttpContext context, string collectionId)
    {
        var services = context.RequestServices;
        var store = services.GetRequiredService<ITaxiiStore>();
        var options = services.GetRequiredService<IOptions<TaxiiOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        var ct = context.RequestAborted;
        var requested = time.GetUtcNow();

        var (collection, access, error) = await FindAsync(context, collectionId, store);
        if (error is not null)
        {
            return error;
        }

        if (!access!.CanWrite)
        {
            return TaxiiResult.Error(StatusCodes.Status403Forbidden, "Forbidden", "This user may not add objects to this collection (can_write is false).");
        }

        if (!TaxiiMediaTypes.IsTaxiiContent(context.Request.ContentType))
        {
            return TaxiiResult.Error(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type", $"Add Objects takes an envelope as {TaxiiMediaTypes.Taxii}.");
        }

        if (context.Request.ContentLength > options.MaxContentLength)
        {
            return TooLarge(options);
        }

        var body = await ReadBodyAsync(context.Request.Body, options.MaxContentLength, ct);
        if (body is null)
        {
            return TooLarge(options);
        }

        var objects = new List<(string? Id, string Version, DateTimeOffset? Modified)>();
        using var bundle = new MemoryStream(body.Length + 64);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("objects", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                return Unprocessable("The body is not an envelope: a JSON object with an \"objects\" array.");
            }

            await using var writer = new Utf8JsonWriter(bundle);
            writer.WriteStartObject();
            writer.WriteString("type", "bundle");
            writer.WriteString("id", "bundle--" + Guid.NewGuid());
            writer.WriteStartArray("objects");
            foreach (var item in array.EnumerateArray())
            {
                item.WriteTo(writer);
                objects.Add(Describe(item));
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        catch (JsonException ex)
        {
            return Unprocessable($"The body is not JSON: {ex.Message}");
        }

        bundle.Position = 0;
        StixImportReport report;
        try
        {
            report = await services.GetRequiredService<StixImporter>().ImportAsync(bundle, $"taxii {collection!.Id}", "taxii:" + (collection.Alias ?? collection.Id), context.ChangeContextFor(), ct);
        }
        catch (StixFormatException ex)
        {
            return Unprocessable(ex.Message);
        }

        var failed = report.Problems.Where(p => p.Skipped).ToLookup(p => p.Index);
        var successes = new List<TaxiiStatusDetail>();
        var failures = new List<TaxiiStatusDetail>();
        var added = new List<(string Id, DateTimeOffset? Modified)>();
        for (var i = 0; i < objects.Count; i++)
        {
            var (id, version, modified) = objects[i];
            if (failed[i].FirstOrDefault() is { } problem)
            {
                failures.Add(new TaxiiStatusDetail(id ?? $"objects[{i}]", version, problem.Field is null ? problem.Reason : $"{problem.Field}: {problem.Reason}"));
                continue;
            }

            if (id is null)
            {
                failures.Add(new TaxiiStatusDetail($"objects[{i}]", version, "id: is missing"));
                continue;
            }

            successes.Add(new TaxiiStatusDetail(id, version));
            added.Add((id, modified));
        }

        await store.AddToCollectionAsync(collection.Id, added, context.ChangeContextFor(), ct);
        var status = new TaxiiStatus(RampartId.New("status").Replace("status--", "", StringComparison.Ordinal), collection.Id, context.User().Name, requested, successes, failures, []);
        await store.SaveStatusAsync(status, ct);
        return new TaxiiResult(StatusCodes.Status202Accepted, writer => TaxiiJson.WriteStatus(writer, status));
    }

    private static TaxiiResult TooLarge(TaxiiOptions options) =>
        TaxiiResult.Error(StatusCodes.Status413PayloadTooLarge, "Payload Too Large", $"The body exceeds the API root's max_content_length of {options.MaxContentLength} bytes.");

    private static TaxiiResult Unprocessable(string description) =>
        TaxiiResult.Error(StatusCodes.Status422UnprocessableEntity, "Unprocessable Entity", description);

    /// <summary>The body, or null when it is longer than <paramref name="max"/> (a chunked body has no Content-Length to check first).</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, int max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>An object's id and version as a status reports them (§4.3.1: the version is its modified, else created), and the version key the store keeps.</summary>
    private static (string? Id, string Version, DateTimeOffset? Modified) Describe(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return (null, "", null);
        }

        string? Text(string name) => item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var modifiedText = Text("modified");
        DateTimeOffset? modified = StixTime.TryParse(modifiedText, out var m) ? m : null;
        return (Text("id"), modifiedText ?? Text("created") ?? "", modified);
    }

    /// <summary>Changes made through TAXII are audited as API changes by the TAXII user.</summary>
    private static Core.Auditing.ChangeContext ChangeContextFor(this HttpContext context) =>
        new(context.User().Name, Core.Auditing.ChangeChannel.Api, context.Connection.RemoteIpAddress?.ToString());
}
