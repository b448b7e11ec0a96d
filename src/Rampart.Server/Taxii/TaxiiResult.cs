using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Rampart.Taxii;
using Rampart.Taxii.Objects;
using Rampart.Taxii.Resources;

namespace Rampart.Server.Taxii;

/// <summary>A TAXII response: a status, a media type, optional headers and a body written straight to the response (none when <paramref name="body"/> is null).</summary>
public sealed class TaxiiResult(int status, Action<Utf8JsonWriter>? body, string contentType = TaxiiMediaTypes.Taxii) : IResult
{
    private readonly List<KeyValuePair<string, string>> _headers = [];

    public int StatusCode => status;

    public static TaxiiResult Error(int status, string title, string? description = null) =>
        new(status, writer => TaxiiJson.WriteError(writer, new TaxiiError(status, title, description)));

    /// <summary>§5.3/§5.4/§5.6/§5.8: "X-TAXII-Date-Added-First"/"-Last", the first and last date_added of the objects in the response.</summary>
    /// <summary>A status and the TAXII media type with no body (§5.7: 200, Content-Type application/taxii+json;version=2.1, payload n/a).</summary>
    public static TaxiiResult Empty(int status) => new(status, null);

    public TaxiiResult WithDateAdded(TaxiiPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.Entries.Count > 0)
        {
            _headers.Add(new(TaxiiHeaders.DateAddedFirst, TaxiiTimestamp.Format(page.Entries[0].DateAdded)));
            _headers.Add(new(TaxiiHeaders.DateAddedLast, TaxiiTimestamp.Format(page.Entries[^1].DateAdded)));
        }

        return this;
    }

    public TaxiiResult WithHeader(string name, string value)
    {
        _headers.Add(new(name, value));
        return this;
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        foreach (var (name, value) in _headers)
        {
            response.Headers.Append(name, value);
        }

        if (body is null)
        {
            return;
        }

        await using var writer = new Utf8JsonWriter(response.BodyWriter);
        body(writer);
        await writer.FlushAsync(httpContext.RequestAborted);
    }
}
