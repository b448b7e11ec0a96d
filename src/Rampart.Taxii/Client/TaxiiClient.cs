using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Rampart.Taxii.Client;

/// <summary>
/// A TAXII 2.1 client for one collection: incremental, paged reads of its objects and Add Objects.
/// Paging (§3.5): while <c>more</c> is true it follows <c>next</c>; when a server says <c>more</c>
/// without a <c>next</c>, it continues with <c>added_after</c> set to the page's
/// <c>X-TAXII-Date-Added-Last</c>, as the specification tells clients to.
/// </summary>
public sealed class TaxiiClient(HttpClient http, TaxiiCredentials credentials, TaxiiRetryPolicy retry, TimeProvider time)
{
    /// <summary>The objects URL of a collection under an API root: <c>{root}/collections/{id}/objects/</c>.</summary>
    public static Uri ObjectsUrl(Uri apiRoot, string collectionId)
    {
        ArgumentNullException.ThrowIfNull(apiRoot);
        var root = apiRoot.ToString().EndsWith('/') ? apiRoot : new Uri(apiRoot + "/");
        return new Uri(root, $"collections/{Uri.EscapeDataString(collectionId)}/objects/");
    }

    /// <summary>
    /// Reads every object added after <paramref name="addedAfter"/> (all when null), page by page; each
    /// page is handed to <paramref name="onPage"/> before the next is asked for, so a caller can store
    /// it and remember where it ended.
    /// </summary>
    public async Task<int> PullAsync(Uri objectsUrl, string? addedAfter, int limit, Func<TaxiiObjectsPage, CancellationToken, Task> onPage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objectsUrl);
        ArgumentNullException.ThrowIfNull(onPage);
        string? next = null;
        var pages = 0;
        while (true)
        {
            var query = new List<string> { $"limit={limit}" };
            if (next is not null)
            {
                query.Add("next=" + Uri.EscapeDataString(next));
            }

            if (addedAfter is not null)
            {
                query.Add("added_after=" + Uri.EscapeDataString(addedAfter));
            }

            var url = new Uri(objectsUrl + "?" + string.Join('&', query));
            var page = await SendAsync(() => Request(HttpMethod.Get, url), ReadPageAsync, cancellationToken).ConfigureAwait(false);
            pages++;
            await onPage(page, cancellationToken).ConfigureAwait(false);
            if (!page.More)
            {
                return pages;
            }

            if (page.Next is not null)
            {
                next = page.Next;
            }
            else if (page.DateAddedLast is not null)
            {
                next = null;
                addedAfter = page.DateAddedLast;
            }
            else
            {
                throw new TaxiiClientException($"{objectsUrl}: the server says more objects follow but gives neither next nor X-TAXII-Date-Added-Last");
            }
        }
    }

    /// <summary>Adds objects (§5.5); returns the status resource the server answered with.</summary>
    public Task<JsonElement> AddAsync(Uri objectsUrl, ReadOnlyMemory<byte> envelope, CancellationToken cancellationToken) =>
        SendAsync(
            () =>
            {
                var request = Request(HttpMethod.Post, objectsUrl);
                request.Content = new ReadOnlyMemoryContent(envelope);
                request.Content.Headers.TryAddWithoutValidation("Content-Type", TaxiiMediaTypes.Taxii);
                return request;
            },
            async (response, ct) =>
            {
                var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                return JsonDocument.Parse(text).RootElement.Clone();
            },
            cancellationToken);

    /// <summary>The API root's <c>max_content_length</c> (§4.2.1), to size what is posted.</summary>
    public Task<long> MaxContentLengthAsync(Uri apiRoot, CancellationToken cancellationToken) =>
        SendAsync(
            () => Request(HttpMethod.Get, apiRoot),
            async (response, ct) =>
            {
                var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                using var document = JsonDocument.Parse(text);
                return document.RootElement.TryGetProperty("max_content_length", out var max) && max.TryGetInt64(out var value) ? value : long.MaxValue;
            },
            cancellationToken);

    private HttpRequestMessage Request(HttpMethod method, Uri url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(TaxiiMediaTypes.Taxii));
        request.Headers.Authorization = credentials.ToHeader();
        return request;
    }

    private async Task<T> SendAsync<T>(Func<HttpRequestMessage> create, Func<HttpResponseMessage, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = create();
            string failure;
            TimeSpan? retryAfter = null;
            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return await read(response, cancellationToken).ConfigureAwait(false);
                }

                var detail = await ErrorOfAsync(response, cancellationToken).ConfigureAwait(false);
                failure = $"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {detail}";
                if (!TaxiiRetryPolicy.IsTransient(response.StatusCode))
                {
                    throw new TaxiiClientException((int)response.StatusCode, failure);
                }

                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (HttpRequestException ex)
            {
                failure = $"{request.Method} {request.RequestUri}: {ex.Message}";
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                failure = $"{request.Method} {request.RequestUri}: timed out ({ex.Message})";
            }

            if (attempt >= retry.Attempts)
            {
                throw new TaxiiClientException($"{failure} (gave up after {attempt} attempts)");
            }

            await Task.Delay(retry.Delay(attempt, retryAfter), time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<TaxiiObjectsPage> ReadPageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        string? Header(string name) => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
        var objects = new List<ReadOnlyMemory<byte>>();
        bool more = false;
        string? next = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new TaxiiClientException($"{response.RequestMessage?.RequestUri}: the answer is not an envelope");
            }

            more = root.TryGetProperty("more", out var m) && m.ValueKind == JsonValueKind.True;
            next = root.TryGetProperty("next", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            if (root.TryGetProperty("objects", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in array.EnumerateArray())
                {
                    objects.Add(Encoding.UTF8.GetBytes(item.GetRawText()));
                }
            }
        }
        catch (JsonException ex)
        {
            throw new TaxiiClientException($"{response.RequestMessage?.RequestUri}: the answer is not JSON: {ex.Message}", ex);
        }

        return new TaxiiObjectsPage(objects, more, next, Header("X-TAXII-Date-Added-First"), Header("X-TAXII-Date-Added-Last"));
    }

    /// <summary>The error resource's title and description (§3.6.1) when there is one.</summary>
    private static async Task<string> ErrorOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
            var description = root.TryGetProperty("description", out var d) ? d.GetString() : null;
            return string.Join(": ", new[] { title, description }.Where(s => !string.IsNullOrEmpty(s)));
        }
        catch (JsonException)
        {
            return text.Length > 200 ? text[..200] : text;
        }
    }
}
