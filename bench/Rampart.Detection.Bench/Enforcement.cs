using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Rampart.Detection.Bench;

/// <summary>The two halves of enforcement.sh that a shell does badly: seeding millions of rows, and timing to the millisecond.</summary>
public static class Enforcement
{
    /// <summary>
    /// Inserts <paramref name="count"/> generated domain indicators into an existing SQLite store (its
    /// schema made by a first <c>rampart intel import</c>) in one transaction, at the current revision.
    /// </summary>
    public static int Seed(string database, int count)
    {
        var clock = Stopwatch.StartNew();
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144;";
            pragma.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        using var revision = connection.CreateCommand();
        revision.CommandText = "SELECT MAX(revision) FROM indicators";
        var at = Convert.ToInt64(revision.ExecuteScalar(), CultureInfo.InvariantCulture);
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT OR IGNORE INTO indicators (id, type, value, normalized_value, source, valid_from, valid_until, confidence, actor_id, revoked, created_at, modified_at, revision)
            VALUES (@id, 'domain', @value, @value, 'generated', 0, NULL, 80, NULL, 0, 0, 0, @revision)
            """;
        var id = insert.Parameters.Add("@id", SqliteType.Text);
        var value = insert.Parameters.Add("@value", SqliteType.Text);
        insert.Parameters.AddWithValue("@revision", at);
        insert.Prepare();
        for (var i = 0; i < count; i++)
        {
            id.Value = $"indicator--{Guid.CreateVersion7()}";
            value.Value = LabelDepthProfile.Indicator(i);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {count:N0} indicators in {clock.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    /// <summary>Adds one indicator through the API, polls verdicts until it is malicious, revokes it, polls until clean.</summary>
    public static async Task<int> MeasureAsync(Uri server, string apiKey)
    {
        using var client = new HttpClient { BaseAddress = server };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var value = $"enforce-{Guid.NewGuid():N}.example";
        var probe = "login." + value;
        if (await DispositionAsync(client, probe) != "clean")
        {
            throw new InvalidOperationException($"{probe} is not clean before the test");
        }

        var clock = Stopwatch.StartNew();
        (await client.PostAsJsonAsync("api/v1/indicators", new { value, source = "enforcement" })).EnsureSuccessStatusCode();
        var added = clock.Elapsed;
        var polls = await WaitAsync(client, probe, "malicious", clock);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"added {value} (API answered in {added.TotalMilliseconds:F0} ms): {probe} malicious after {clock.Elapsed.TotalMilliseconds:F0} ms ({polls} polls)"));

        var page = await client.GetFromJsonAsync<JsonElement>("api/v1/indicators?source=enforcement&limit=1000");
        var id = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("value").GetString() == value).GetProperty("id").GetString();
        clock.Restart();
        (await client.PostAsync(new Uri($"api/v1/indicators/{id}/revoke", UriKind.Relative), null)).EnsureSuccessStatusCode();
        polls = await WaitAsync(client, probe, "clean", clock);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"revoked it: {probe} clean after {clock.Elapsed.TotalMilliseconds:F0} ms ({polls} polls)"));
        return 0;
    }

    private static async Task<int> WaitAsync(HttpClient client, string value, string disposition, Stopwatch clock)
    {
        var polls = 1;
        while (await DispositionAsync(client, value) != disposition)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException($"{value} not {disposition} after 10 s");
            }

            polls++;
        }

        return polls;
    }

    private static async Task<string?> DispositionAsync(HttpClient client, string value)
    {
        var response = await client.PostAsJsonAsync("api/v1/verdicts", new { values = new[] { value } });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("verdicts")[0].GetProperty("disposition").GetString();
    }
}
