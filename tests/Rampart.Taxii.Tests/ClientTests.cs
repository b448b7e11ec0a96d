using System.Net;
using System.Text;
using Rampart.Taxii.Client;

namespace Rampart.Taxii.Tests;

/// <summary>The client against scripted answers: paging rules of §3.5, retries of transient failures only.</summary>
public sealed class ClientTests
{
    private static readonly Uri Objects = new("http://taxii.test/root/collections/c/objects/");

    private sealed class Scripted(params Func<HttpRequestMessage, HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request.RequestUri!.Query);
            return Task.FromResult(answers[Requests.Count - 1](request));
        }
    }

    private static HttpResponseMessage Envelope(string body, string? last = null)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/taxii+json") };
        if (last is not null)
        {
            response.Headers.Add("X-TAXII-Date-Added-Last", last);
        }

        return response;
    }

    private static TaxiiClient Client(Scripted handler) =>
        new(new HttpClient(handler), new TaxiiCredentials("u", "p"), TaxiiRetryPolicy.Default with { FirstDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero }, TimeProvider.System);

    [Fact]
    public async Task It_follows_next_and_when_a_server_gives_more_without_next_it_continues_from_date_added_last()
    {
        var handler = new Scripted(
            _ => Envelope("""{"more":true,"next":"n1","objects":[{"id":"a"}]}""", "2026-01-01T00:00:00.000001Z"),
            _ => Envelope("""{"more":true,"objects":[{"id":"b"}]}""", "2026-01-01T00:00:00.000002Z"),
            _ => Envelope("""{"more":false,"objects":[{"id":"c"}]}""", "2026-01-01T00:00:00.000003Z"));
        var seen = new List<int>();

        var pages = await Client(handler).PullAsync(Objects, null, 1, (page, _) => { seen.Add(page.Objects.Count); return Task.CompletedTask; }, TestContext.Current.CancellationToken);

        Assert.Equal(3, pages);
        Assert.Equal(["?limit=1", "?limit=1&next=n1", "?limit=1&added_after=2026-01-01T00%3A00%3A00.000002Z"], handler.Requests);
    }

    [Fact]
    public async Task Transient_failures_are_retried_and_an_authorization_failure_is_not()
    {
        var flaky = new Scripted(
            _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable),
            _ => new HttpResponseMessage(HttpStatusCode.TooManyRequests),
            _ => Envelope("{}"));
        var refused = new Scripted(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new StringContent("""{"title":"Unauthorized","http_status":"401"}""") });

        await Client(flaky).PullAsync(Objects, null, 10, (_, _) => Task.CompletedTask, TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<TaxiiClientException>(() => Client(refused).PullAsync(Objects, null, 10, (_, _) => Task.CompletedTask, TestContext.Current.CancellationToken));

        Assert.Equal(3, flaky.Requests.Count);
        Assert.Single(refused.Requests);
        Assert.Equal(401, error.Status);
        Assert.Contains("Unauthorized", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_gives_up_after_the_configured_attempts()
    {
        var down = new Scripted(Enumerable.Repeat<Func<HttpRequestMessage, HttpResponseMessage>>(_ => new HttpResponseMessage(HttpStatusCode.BadGateway), 5).ToArray());

        var error = await Assert.ThrowsAsync<TaxiiClientException>(() => Client(down).PullAsync(Objects, null, 10, (_, _) => Task.CompletedTask, TestContext.Current.CancellationToken));

        Assert.Equal(5, down.Requests.Count);
        Assert.Contains("gave up after 5 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backoff_doubles_from_the_first_delay_within_jitter_and_honours_retry_after_up_to_the_maximum()
    {
        var policy = new TaxiiRetryPolicy(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

        Assert.InRange(policy.Delay(1, null), TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1.2));
        Assert.InRange(policy.Delay(3, null), TimeSpan.FromSeconds(3.2), TimeSpan.FromSeconds(4.8));
        Assert.Equal(TimeSpan.FromSeconds(10), policy.Delay(10, null));
        Assert.Equal(TimeSpan.FromSeconds(2), policy.Delay(1, TimeSpan.FromSeconds(2)));
        Assert.Equal(TimeSpan.FromSeconds(10), policy.Delay(1, TimeSpan.FromMinutes(5)));
    }
}
