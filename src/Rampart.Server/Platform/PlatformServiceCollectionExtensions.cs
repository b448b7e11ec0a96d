using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rampart.Core.Identity;
using Rampart.Core.Storage;
using Rampart.Server.Platform.Auth;

namespace Rampart.Server.Platform;

public static class PlatformServiceCollectionExtensions
{
    /// <summary>Authentication (session cookie or API key), roles, antiforgery, Data Protection in the store, ProblemDetails, OpenAPI, the store watcher.</summary>
    public static IServiceCollection AddPlatform(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddHealthChecks();

        services.AddDataProtection().SetApplicationName("rampart");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(options =>
                options.XmlRepository = new StoreXmlRepository(sp.GetRequiredService<IDataProtectionKeyStore>())));

        services.AddAuthentication(RampartAuth.SelectorScheme)
            .AddPolicyScheme(RampartAuth.SelectorScheme, "API key or session", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? RampartAuth.ApiKeyScheme
                        : RampartAuth.CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(RampartAuth.ApiKeyScheme, null)
            .AddCookie(RampartAuth.CookieScheme, options =>
            {
                options.Cookie.Name = RampartAuth.SessionCookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                // An API answers 401/403, never a redirect to a login page.
                options.Events.OnRedirectToLogin = context => Status(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden);
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(RampartAuth.ReaderPolicy, policy => policy.RequireRole(nameof(Role.Reader), nameof(Role.Analyst), nameof(Role.Admin)))
            .AddPolicy(RampartAuth.AnalystPolicy, policy => policy.RequireRole(nameof(Role.Analyst), nameof(Role.Admin)))
            .AddPolicy(RampartAuth.AdminPolicy, policy => policy.RequireRole(nameof(Role.Admin)));

        services.AddAntiforgery(options =>
        {
            options.HeaderName = RampartAuth.AntiforgeryHeaderName;
            options.Cookie.Name = RampartAuth.AntiforgeryCookieName;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
        });

        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<StoreChangeWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreChangeWatcher>());
        return services;
    }

    /// <summary>The API's JSON: snake_case like STIX, enums as lowercase words.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    }

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
