using System.Security.Claims;
using Rampart.Core.Auditing;
using Rampart.Core.Identity;
using Rampart.Core.Markings;

namespace Rampart.Server.Platform.Auth;

/// <summary>Builds the claims of a signed-in user and reads them back for auditing.</summary>
public static class RampartPrincipal
{
    /// <param name="ceiling">The TLP ceiling of the request (an API key's); the user's own when null.</param>
    public static ClaimsPrincipal Create(User user, string scheme, Tlp? ceiling = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id),
                new Claim(ClaimTypes.Name, user.Name),
                new Claim(ClaimTypes.Role, user.Role.ToString()),
                new Claim(RampartAuth.TlpCeilingClaim, (ceiling ?? TlpCeilings.Of(user)).ToWire()),
            ],
            scheme,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// The most restricted TLP level this request may receive. A session signed in before ceilings
    /// existed carries none and gets the API-key default, GREEN, until it signs in again.
    /// </summary>
    public static Tlp TlpCeiling(this Microsoft.AspNetCore.Http.HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TlpLevels.TryParse(context.User.FindFirst(RampartAuth.TlpCeilingClaim)?.Value, out var ceiling) && ceiling != Tlp.Red
            ? ceiling.Value
            : TlpCeilings.DefaultApiKey;
    }

    /// <summary>The audit context of a request: user, API or console (cookie sessions come from the console), remote address.</summary>
    public static ChangeContext ChangeContext(this Microsoft.AspNetCore.Http.HttpContext context)
    {
        var channel = context.User.Identity?.AuthenticationType == RampartAuth.CookieScheme ? ChangeChannel.Console : ChangeChannel.Api;
        return new ChangeContext(context.User.Identity?.Name ?? "anonymous", channel, context.Connection.RemoteIpAddress?.ToString());
    }
}
