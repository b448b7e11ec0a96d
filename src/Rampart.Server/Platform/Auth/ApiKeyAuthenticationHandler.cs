using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rampart.Core.Identity;
using Rampart.Core.Markings;

namespace Rampart.Server.Platform.Auth;

/// <summary>
/// <c>Authorization: Bearer rpk_…</c>: finds the key by its public id and checks the secret against
/// the stored hash. API-key calls never touch cookies, so they need no antiforgery token.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeyToken.TryParse(header["Bearer ".Length..].Trim(), out var keyId, out var secret))
        {
            return AuthenticateResult.Fail("malformed API key");
        }

        var found = await keys.FindActiveAsync(keyId, Context.RequestAborted);
        if (found is not { } match || match.Owner.Disabled || !ApiKeyToken.Verify(secret, match.SecretHash))
        {
            return AuthenticateResult.Fail("unknown or revoked API key");
        }

        var principal = RampartPrincipal.Create(match.Owner, Scheme.Name, TlpCeilings.Of(match.Owner, match.Key));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}
