using System.CommandLine;
using System.Text.Json;
using Rampart.Cli;
using Rampart.Core.Auditing;
using Rampart.Intel.Stix;
using Rampart.Server.Taxii;
using Rampart.Taxii;
using Rampart.Taxii.Client;

namespace Rampart.Taxii;

/// <summary><c>rampart intel pull|push</c>: a TAXII 2.1 collection into the store, a bundle into a collection.</summary>
public static class TaxiiVerbs
{
    private static readonly Option<string> Collection = new("--collection") { Description = "The collection's id", Required = true };

    private static readonly Option<string?> User = new("--user")
    {
        Description = "HTTP Basic user (env RAMPART_TAXII_USER)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("RAMPART_TAXII_USER") is { Length: > 0 } user ? user : null,
    };

    private static readonly Option<string?> Password = new("--password")
    {
        Description = "HTTP Basic password or API key (env RAMPART_TAXII_PASSWORD; prefer the variable: arguments show in ps)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("RAMPART_TAXII_PASSWORD") is { Length: > 0 } password ? password : null,
    };

    private static readonly Option<int> Retries = new("--retries") { Description = "Attempts per request before giving up (backoff doubles from 0.5 s)", DefaultValueFactory = _ => 5 };

    public static Command Pull()
    {
        var url = new Argument<string>("api-root") { Description = "The API root URL, e.g. https://cti.example/taxii2/rampart/" };
        var limit = new Option<int>("--limit") { Description = "Objects per page asked for", DefaultValueFactory = _ => 1000 };
        var full = new Option<bool>("--full") { Description = "Pull everything, not only what was added since the last pull" };
        var format = CliOptions.Format(rows: false);
        var command = new Command("pull", """
            Pull a TAXII 2.1 collection into the store: only objects added since the last pull of it (added_after),
            page by page (next, or X-TAXII-Date-Added-Last), each page imported as STIX in one transaction.
            Example: RAMPART_TAXII_PASSWORD=… rampart intel pull https://cti.example/taxii2/rampart/ --collection 9f6e… --user feeds
            """)
        { url, Collection, User, Password, Retries, limit, full, format };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await LocalStore.OpenAsync(parse, ct);
            var puller = new TaxiiPuller(store.Get<StixImporter>(), store.Get<ITaxiiStore>(), TimeProvider.System);
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
            TaxiiPullResult result;
            try
            {
                result = await puller.PullAsync(
                    http, ApiRoot(parse.GetValue(url)), parse.GetValue(Collection)!, Credentials(parse), Retry(parse), parse.GetValue(limit), parse.GetValue(full), ChangeContext.ForCli(), ct);
            }
            catch (Exception ex) when (ex is TaxiiClientException or StixFormatException)
            {
                throw new CliException(ex.Message);
            }

            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    source = result.Source,
                    pages = result.Pages,
                    fetched = result.Fetched,
                    added = result.Added,
                    unchanged = result.Unchanged,
                    skipped = result.Skipped,
                    added_after = result.AddedAfter,
                }));
            }
            else
            {
                Console.WriteLine($"{result.Source}: {result.Fetched} objects in {result.Pages} page(s): {result.Added} new versions, {result.Unchanged} unchanged, {result.Skipped} skipped; next pull from {result.AddedAfter ?? "the start"}");
            }

            return 0;
        });
        return command;
    }

    public static Command Push()
    {
        var url = new Argument<string>("api-root") { Description = "The API root URL" };
        var file = new Argument<string>("file") { Description = "A STIX 2.1 bundle; - reads stdin" };
        var format = CliOptions.Format(rows: false);
        var command = new Command("push", """
            Add a bundle's objects to a writable TAXII 2.1 collection, in envelopes below the API root's max_content_length.
            Example: rampart intel push https://cti.example/taxii2/rampart/ --collection 2b1c… report.stix.json --user partner
            """)
        { url, file, Collection, User, Password, Retries, format };
        command.SetAction(async (parse, ct) =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
            var client = new TaxiiClient(http, Credentials(parse), Retry(parse), TimeProvider.System);
            var root = ApiRoot(parse.GetValue(url));
            var objectsUrl = TaxiiClient.ObjectsUrl(root, parse.GetValue(Collection)!);
            var path = parse.GetValue(file)!;
            long total = 0, successes = 0, failures = 0, envelopes = 0;
            try
            {
                // 90% of the limit leaves room for the envelope around the objects; 8 MB keeps each request short.
                var budget = (int)Math.Min(8L * 1024 * 1024, (long)(await client.MaxContentLengthAsync(root, ct) * 0.9));
                await using var stream = path == "-" ? Console.OpenStandardInput() : File.OpenRead(path);
                var reader = new StixBundleReader(stream);
                using var envelope = new EnvelopeBuilder();
                while (reader.TryReadObject(out var json))
                {
                    if (envelope.Count > 0 && envelope.Length + json.Length > budget)
                    {
                        (total, successes, failures) = Add((total, successes, failures), await client.AddAsync(objectsUrl, envelope.Build(), ct));
                        envelopes++;
                    }

                    envelope.Add(json.Span);
                }

                if (envelope.Count > 0)
                {
                    (total, successes, failures) = Add((total, successes, failures), await client.AddAsync(objectsUrl, envelope.Build(), ct));
                    envelopes++;
                }
            }
            catch (TaxiiClientException ex)
            {
                throw new CliException(ex.Message);
            }
            catch (StixFormatException ex)
            {
                throw new CliException($"{path}: byte {ex.Offset}: {ex.Message}");
            }

            Console.WriteLine(parse.GetValue(format) == OutputFormat.Json
                ? JsonSerializer.Serialize(new { url = objectsUrl.ToString(), envelopes, total, successes, failures })
                : $"{objectsUrl}: {total} objects in {envelopes} envelope(s): {successes} added, {failures} failed");
            return failures == 0 ? 0 : 1;
        });
        return command;
    }

    private static (long Total, long Successes, long Failures) Add((long Total, long Successes, long Failures) sum, JsonElement status)
    {
        long Count(string name) => status.TryGetProperty(name, out var value) && value.TryGetInt64(out var n) ? n : 0;
        if (status.TryGetProperty("failures", out var failures) && failures.ValueKind == JsonValueKind.Array)
        {
            foreach (var failure in failures.EnumerateArray())
            {
                Console.Error.WriteLine($"failed: {failure.GetProperty("id").GetString()}: {(failure.TryGetProperty("message", out var m) ? m.GetString() : "")}");
            }
        }

        return (sum.Total + Count("total_count"), sum.Successes + Count("success_count"), sum.Failures + Count("failure_count"));
    }

    private static Uri ApiRoot(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new CliException($"'{text}' is not an http(s) URL of a TAXII API root");

    private static TaxiiCredentials Credentials(ParseResult parse) => new(parse.GetValue(User), parse.GetValue(Password));

    private static TaxiiRetryPolicy Retry(ParseResult parse) => TaxiiRetryPolicy.Default with { Attempts = Math.Max(1, parse.GetValue(Retries)) };
}
