namespace Rampart.Server.Platform.Auth;

/// <summary>Names of the authentication schemes, policies and claims, in one place.</summary>
public static class RampartAuth
{
    /// <summary>Picks the API-key scheme when a Bearer header is present, the session cookie otherwise.</summary>
    public const string SelectorScheme = "rampart";
    public const string ApiKeyScheme = "apikey";
    public const string CookieScheme = "session";

    public const string ReaderPolicy = "reader";
    public const string AnalystPolicy = "analyst";
    public const string AdminPolicy = "admin";

    /// <summary>The claim holding the caller's TLP ceiling (<c>TlpCeilings</c>), as a TLP wire name.</summary>
    public const string TlpCeilingClaim = "rampart:tlp_max";

    public const string SessionCookieName = "rampart.session";
    public const string AntiforgeryCookieName = "rampart.csrf";
    public const string AntiforgeryHeaderName = "X-CSRF-TOKEN";
}
