namespace Rampart.Server.Taxii;

/// <summary>
/// A remote collection the server pulls on its own (configuration <c>Taxii:Pulls:N:…</c>, e.g. the
/// environment variable <c>Taxii__Pulls__0__ApiRoot</c>). Its last run, counts and error are at
/// <c>GET /api/v1/taxii/pulls</c>.
/// </summary>
public sealed class TaxiiScheduledPull
{
    public string ApiRoot { get; set; } = "";

    public string Collection { get; set; } = "";

    public string? User { get; set; }

    /// <summary>A password or API key; supply it through the environment, not a file others read.</summary>
    public string? Password { get; set; }

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    public int Limit { get; set; } = 1000;
}
