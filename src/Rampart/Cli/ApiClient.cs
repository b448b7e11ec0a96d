using System.CommandLine;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Rampart.Cli;

/// <summary>A verb's access through a running server (<c>--server URL</c> with an API key).</summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;

    private ApiClient(HttpClient http) => _http = http;

    /// <summary>The client when <c>--server</c> was given, null to work on the store directly.</summary>
    public static ApiClient? FromOptions(ParseResult parse)
    {
        var server = parse.GetValue(CliOptions.Server);
        if (server is null)
        {
            return null;
        }

        if (!Uri.TryCreate(server, UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
        {
            throw new CliException($"--server: '{server}' is not an http(s) URL");
        }

        var key = parse.GetValue(CliOptions.ApiKey)
            ?? throw new CliException("--server needs an API key: set RAMPART_API_KEY or pass --api-key (create one with `rampart apikeys create`)");
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return new ApiClient(http);
    }

    public async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => _http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken));
        return await ReadAsync<T>(response, cancellationToken);
    }

    public async Task<T> PostAsync<T>(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => _http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, Json.Options, cancellationToken));
        return await ReadAsync<T>(response, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException ex)
        {
            throw new CliException($"cannot reach {_http.BaseAddress}: {ex.Message}");
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new CliException(await DescribeErrorAsync(response, cancellationToken));
        }

        return await response.Content.ReadFromJsonAsync<T>(Json.Options, cancellationToken)
            ?? throw new CliException("the server sent an empty answer");
    }

    /// <summary>ProblemDetails as one line per problem: title/detail, then each listed error.</summary>
    private static async Task<string> DescribeErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        switch (response.StatusCode)
        {
            case System.Net.HttpStatusCode.Unauthorized:
                return "server: 401 Unauthorized: the API key is missing, wrong or revoked (set RAMPART_API_KEY to a key from `rampart apikeys create`)";
            case System.Net.HttpStatusCode.Forbidden:
                return "server: 403 Forbidden: the API key's user does not have the role this needs";
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var problem = JsonDocument.Parse(text);
            var root = problem.RootElement;
            var lines = new List<string> { $"server: {(int)response.StatusCode} {Str(root, "detail") ?? Str(root, "title") ?? response.ReasonPhrase}" };
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                lines.AddRange(errors.EnumerateArray().Select(e => e.ToString()));
            }

            return string.Join(Environment.NewLine, lines);
        }
        catch (JsonException)
        {
            return $"server: {(int)response.StatusCode} {response.ReasonPhrase}";
        }

        static string? Str(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
