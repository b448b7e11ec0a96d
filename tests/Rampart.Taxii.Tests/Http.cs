using System.Text.Json;

namespace Rampart.Taxii.Tests;

internal static class Http
{
    public const string TaxiiType = "application/taxii+json;version=2.1";

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        return (response, await BodyAsync(response));
    }

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string ContentType(this HttpResponseMessage response) =>
        response.Content.Headers.TryGetValues("Content-Type", out var values) ? string.Join(",", values).Replace(" ", "", StringComparison.Ordinal) : "";

    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;

    public static List<string> Ids(this JsonElement envelope) =>
        envelope.ValueKind == JsonValueKind.Object && envelope.TryGetProperty("objects", out var objects)
            ? objects.EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToList()
            : [];

    /// <summary>§3.6.1: an error message has a title (required) and http_status, a string that "MUST match the HTTP status code".</summary>
    public static void AssertError(JsonElement body, int status)
    {
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), body.GetProperty("http_status").GetString());
    }
}
