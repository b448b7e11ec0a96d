using System.Security.Claims;
using Rampart.Core.Auditing;
using Rampart.Core.Identity;

namespace Rampart.Server.Platform.Auth;

/// <summary>Builds the claims of a signed-in user and reads them back for auditing.</summary>
public static class RampartPrincipal
{
    public static ClaimsPrincipal Create(User user, string scheme)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id),
                new Claim(ClaimTypes.Name, user.Name),
                new Claim(ClaimTypes.Role, user.Role.ToString()),
            ],
            scheme,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The audit context of a request: user, API or console (cookie sessions come from the console), remote address.</summary>
    public static ChangeContext ChangeContext(this Microsoft.AspNetCore.Http.HttpContext context)
    {
        var channel = context.User.Identity?.AuthenticationType == RampartAuth.CookieScheme ? ChangeChannel.Console : ChangeChannel.Api;
        return new ChangeContext(context.User.Identity?.Name ?? "anonymous", channel, context.Connection.RemoteIpAddress?.ToString());
    }
}
