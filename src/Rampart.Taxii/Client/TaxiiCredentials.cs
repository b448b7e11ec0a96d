using System.Net.Http.Headers;
using System.Text;

namespace Rampart.Taxii.Client;

/// <summary>How the client authenticates: HTTP Basic (§1.6.9: the suggested scheme, which clients must and servers should support), whose password may be a Rampart API key, or a Bearer token.</summary>
public sealed record TaxiiCredentials(string? User, string? Password, string? BearerToken = null)
{
    public static TaxiiCredentials None { get; } = new(null, null);

    public AuthenticationHeaderValue? ToHeader() =>
        BearerToken is not null ? new AuthenticationHeaderValue("Bearer", BearerToken)
        : User is not null || Password is not null ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")))
        : null;

    /// <summary>Never prints the password.</summary>
    public override string ToString() => BearerToken is not null ? "Bearer ***" : User is null ? "anonymous" : $"{User}:***";
}
