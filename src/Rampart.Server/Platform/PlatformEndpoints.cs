using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rampart.Core.Actors;
using Rampart.Core.Auditing;
using Rampart.Core.Identity;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Core.Storage;
using Rampart.Server.Platform.Auth;

namespace Rampart.Server.Platform;

public static class PlatformEndpoints
{
    public sealed record LoginRequest(string? UserName, string? Password);

    public sealed record NewUserRequest(string? Name, Role? Role, string? Password, string? TlpMax = null);

    public sealed record NewApiKeyRequest(string? Name, string? User, string? TlpMax = null);

    /// <summary>The tag of the health checks <c>/health/ready</c> runs; each capability adds its own.</summary>
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapPlatform(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).AllowAnonymous().ExcludeFromDescription();
        // Readiness: 503 while a capability cannot take traffic safely (a sinkhole spool past its limit).
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = (context, report) => context.Response.WriteAsJsonAsync(new
            {
                status = report.Status.ToString().ToLowerInvariant(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString().ToLowerInvariant(), description = e.Value.Description }),
            }),
        }).AllowAnonymous();
        app.MapGet("/", () => Results.Content(HomePage.Html, "text/html; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi().RequireAuthorization(RampartAuth.ReaderPolicy);

        var auth = app.MapGroup("/api/v1/auth").WithTags("auth");
        auth.MapPost("/login", LoginAsync).AllowAnonymous();
        auth.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(RampartAuth.CookieScheme);
            return TypedResults.NoContent();
        });
        auth.MapGet("/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(context);
            return TypedResults.Ok(new { header_name = RampartAuth.AntiforgeryHeaderName, token = tokens.RequestToken });
        });
        auth.MapGet("/me", (HttpContext context) => TypedResults.Ok(new
        {
            name = context.User.Identity?.Name,
            role = context.User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value,
            via = context.User.Identity?.AuthenticationType,
            tlp_max = context.TlpCeiling().ToWire(),
        }));

        var api = app.MapGroup("/api/v1").WithTags("platform");
        api.MapGet("/status", StatusAsync).RequireAuthorization(RampartAuth.ReaderPolicy);
        api.MapGet("/audit", async (int? limit, string? before, IAuditTrail audit, CancellationToken ct) =>
            TypedResults.Ok(await audit.ListAsync(Math.Clamp(limit ?? 100, 1, 1000), before, ct)))
            .RequireAuthorization(RampartAuth.AdminPolicy);
        api.MapPost("/users", CreateUserAsync).RequireAuthorization(RampartAuth.AdminPolicy);
        api.MapGet("/users", async (IUserStore users, CancellationToken ct) => TypedResults.Ok(await users.ListAsync(ct)))
            .RequireAuthorization(RampartAuth.AdminPolicy);
        api.MapPost("/apikeys", CreateApiKeyAsync).RequireAuthorization(RampartAuth.AdminPolicy);
        return app;
    }

    private static async Task<IResult> LoginAsync(LoginRequest request, HttpContext context, IUserStore users, LoginThrottle throttle, CancellationToken ct)
    {
        var name = request.UserName?.Trim() ?? "";
        var address = context.Connection.RemoteIpAddress?.ToString();
        if (throttle.IsBlocked(name, address))
        {
            return TypedResults.Problem("Too many failed logins; try again later.", statusCode: StatusCodes.Status429TooManyRequests);
        }

        var found = name.Length == 0 ? null : await users.FindWithHashAsync(name, ct);
        // Verify against a decoy hash for unknown users so both failures take the same time.
        var valid = PasswordHasher.Verify(request.Password ?? "", found?.PasswordHash ?? PasswordHasher.DecoyHash);
        if (found is not { } match || !valid || match.User.Disabled)
        {
            throttle.RecordFailure(name, address);
            return TypedResults.Problem("Unknown user name or wrong password.", statusCode: StatusCodes.Status401Unauthorized);
        }

        throttle.RecordSuccess(name);
        await context.SignInAsync(RampartAuth.CookieScheme, RampartPrincipal.Create(match.User, RampartAuth.CookieScheme));
        return TypedResults.Ok(new { name = match.User.Name, role = match.User.Role });
    }

    private static async Task<IResult> StatusAsync(
        IStoreRevision revision, IIndicatorStore indicators, IActorStore actors, StoreChangeWatcher watcher, CancellationToken ct) =>
        TypedResults.Ok(new
        {
            revision = await revision.CurrentAsync(ct),
            enforced_revision = watcher.Revision,
            indicators = new { live = await indicators.CountAsync(liveOnly: true, ct), total = await indicators.CountAsync(liveOnly: false, ct) },
            actors = (await actors.ListAsync(null, ct)).Count,
        });

    private static async Task<IResult> CreateUserAsync(NewUserRequest request, HttpContext context, IUserStore users, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Role is null || string.IsNullOrEmpty(request.Password))
        {
            return TypedResults.Problem("name, role and password are required", statusCode: StatusCodes.Status400BadRequest);
        }

        Tlp? tlpMax = null;
        if (request.TlpMax is not null && !TlpCeilings.TryParse(request.TlpMax, out tlpMax, out var error))
        {
            return TypedResults.Problem($"tlp_max: {error}", statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            var user = await users.CreateAsync(request.Name.Trim(), request.Role.Value, PasswordHasher.Hash(request.Password), tlpMax, context.ChangeContext(), ct);
            return TypedResults.Created($"/api/v1/users/{user.Id}", user);
        }
        catch (InvalidOperationException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static async Task<IResult> CreateApiKeyAsync(NewApiKeyRequest request, HttpContext context, IUserStore users, IApiKeyStore keys, CancellationToken ct)
    {
        var owner = request.User ?? context.User.Identity?.Name ?? "";
        if (await users.FindWithHashAsync(owner, ct) is not { } found)
        {
            return TypedResults.Problem($"no user named '{owner}'", statusCode: StatusCodes.Status400BadRequest);
        }

        Tlp? tlpMax = null;
        if (request.TlpMax is not null && !TlpCeilings.TryParse(request.TlpMax, out tlpMax, out var error))
        {
            return TypedResults.Problem($"tlp_max: {error}", statusCode: StatusCodes.Status400BadRequest);
        }

        var (token, keyId, hash) = ApiKeyToken.Generate();
        var key = await keys.CreateAsync(found.User.Id, request.Name ?? "api", keyId, hash, tlpMax, context.ChangeContext(), ct);
        return TypedResults.Ok(new { key.Id, key.KeyId, key.Name, user = found.User.Name, tlp_max = TlpCeilings.Of(found.User, key).ToWire(), token });
    }
}
