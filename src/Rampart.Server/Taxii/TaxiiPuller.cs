using System.Text.Json;
using Rampart.Core.Auditing;
using Rampart.Intel.Stix;
using Rampart.Taxii;
using Rampart.Taxii.Client;

namespace Rampart.Server.Taxii;

/// <summary>
/// Pulls a remote TAXII collection into the store: from where the last pull of it ended
/// (<c>added_after</c> = the last <c>X-TAXII-Date-Added-Last</c> seen), page by page, each page one STIX
/// import (one transaction), the position saved after each page. A pull cut short resumes from its
/// last page; a page imported twice changes nothing (imports are idempotent), so no object is lost.
/// </summary>
public sealed class TaxiiPuller(StixImporter importer, ITaxiiStore store, TimeProvider time)
{
    public async Task<TaxiiPullResult> PullAsync(
        HttpClient http, Uri apiRoot, string collectionId, TaxiiCredentials credentials, TaxiiRetryPolicy retry, int limit, bool full, ChangeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(apiRoot);
        var url = TaxiiClient.ObjectsUrl(apiRoot, collectionId);
        var source = url.ToString();
        var state = full ? null : await store.GetPullStateAsync(source, cancellationToken).ConfigureAwait(false);
        var addedAfter = state?.AddedAfter;
        long fetched = 0, added = 0, unchanged = 0, skipped = 0;
        var client = new TaxiiClient(http, credentials, retry, time);
        try
        {
            var pages = await client.PullAsync(url, addedAfter, limit, async (page, ct) =>
            {
                fetched += page.Objects.Count;
                if (page.Objects.Count > 0)
                {
                    using var bundle = Bundle(page.Objects);
                    var report = await importer.ImportAsync(bundle, source, "taxii:" + url.Host + url.AbsolutePath, context, ct).ConfigureAwait(false);
                    added += report.Counts.Added;
                    unchanged += report.Counts.Unchanged;
                    skipped += report.Skipped;
                }

                addedAfter = page.DateAddedLast ?? addedAfter;
                await store.SavePullStateAsync(new TaxiiPullState(source, addedAfter, time.GetUtcNow(), fetched, added, null), ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            return new TaxiiPullResult(source, pages, fetched, added, unchanged, skipped, addedAfter);
        }
        catch (Exception ex) when (ex is TaxiiClientException or StixFormatException or HttpRequestException)
        {
            await store.SavePullStateAsync(new TaxiiPullState(source, addedAfter, time.GetUtcNow(), fetched, added, ex.Message), CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A page's objects as the STIX bundle the importer reads.</summary>
    private static MemoryStream Bundle(IReadOnlyList<ReadOnlyMemory<byte>> objects)
    {
        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "bundle");
            writer.WriteString("id", "bundle--" + Guid.NewGuid());
            writer.WriteStartArray("objects");
            foreach (var item in objects)
            {
                writer.WriteRawValue(item.Span, skipInputValidation: false);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        stream.Position = 0;
        return stream;
    }
}
