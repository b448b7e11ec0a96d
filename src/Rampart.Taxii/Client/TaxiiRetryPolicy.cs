using System.Net;

namespace Rampart.Taxii.Client;

/// <summary>
/// Retries what may succeed later — no answer, a timeout, 408, 429 and 5xx gateway/overload answers —
/// with exponential backoff from <see cref="FirstDelay"/> (doubling, at most <see cref="MaxDelay"/>,
/// ±20% jitter so many clients do not retry in step) or the server's <c>Retry-After</c>. Anything else
/// (401, 403, 404, 406, 4xx) is an answer, not a glitch, and fails at once.
/// </summary>
public sealed record TaxiiRetryPolicy(int Attempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    public static TaxiiRetryPolicy Default { get; } = new(5, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    public TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } after && after > TimeSpan.Zero)
        {
            return after < MaxDelay ? after : MaxDelay;
        }

        var delay = FirstDelay * Math.Pow(2, attempt - 1);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        delay *= jitter;
        return delay < MaxDelay ? delay : MaxDelay;
    }
}
