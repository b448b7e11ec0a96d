using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Rampart.Server.Platform.Auth;

/// <summary>
/// Every unsafe request authenticated by the session cookie must carry an antiforgery token in
/// <see cref="RampartAuth.AntiforgeryHeaderName"/>. ASP.NET's own antiforgery middleware only checks
/// endpoints that bind a form, which none of our JSON endpoints do, so this runs for all of them.
/// API-key requests carry no cookie a foreign page could ride on and are not checked.
/// </summary>
public sealed class CookieAntiforgeryMiddleware(RequestDelegate next, IAntiforgery antiforgery)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var unsafeMethod = !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || HttpMethods.IsOptions(context.Request.Method) || HttpMethods.IsTrace(context.Request.Method));
        if (unsafeMethod
            && context.User.Identity is { IsAuthenticated: true, AuthenticationType: RampartAuth.CookieScheme }
            && !await antiforgery.IsRequestValidAsync(context))
        {
            await Results.Problem(
                title: "Missing or invalid antiforgery token",
                detail: $"Requests with a session cookie must send the token from GET /api/v1/auth/antiforgery in the {RampartAuth.AntiforgeryHeaderName} header.",
                statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
