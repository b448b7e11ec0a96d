using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Rampart.Core.Identity;
using Rampart.Core.Markings;
using Rampart.Server.Platform.Auth;

namespace Rampart.Server.Taxii;

/// <summary>
/// TAXII clients authenticate with HTTP Basic (§1.6.9 and §8.2.2: the suggested scheme; servers should support it): a user name
/// and password, or an API key as the password (or as the user name, as some clients send a token).
/// <c>Authorization: Bearer rpk_…</c> works as on the rest of the API. A password costs 600,000
/// PBKDF2 rounds to verify, far too slow to pay on every page of a pull, so a verified
/// (user, password, stored hash) is remembered for <see cref="VerifiedFor"/>; a changed password
/// changes the stored hash and so misses the cache.
/// </summary>
public sealed class TaxiiAuthenticator(IUserStore users, IApiKeyStore keys, LoginThrottle throttle, TimeProvider time)
{
    public static readonly TimeSpan VerifiedFor = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _verified = new(StringComparer.Ordinal);

    public async Task<TaxiiUser?> AuthenticateAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string header = context.Request.Headers.Authorization.ToString();
        var ct = context.RequestAborted;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return await ApiKeyAsync(header["Bearer ".Length..].Trim(), ct);
        }

        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return null;
        }

        var name = decoded[..colon];
        var password = decoded[(colon + 1)..];
        if (ApiKeyToken.TryParse(password, out _, out _))
        {
            return await ApiKeyAsync(password, ct);
        }

        if (ApiKeyToken.TryParse(name, out _, out _))
        {
            return await ApiKeyAsync(name, ct);
        }

        var address = context.Connection.RemoteIpAddress?.ToString();
        if (throttle.IsBlocked(name, address))
        {
            return null;
        }

        var found = name.Length == 0 ? null : await users.FindWithHashAsync(name, ct);
        var hash = found?.PasswordHash ?? PasswordHasher.DecoyHash;
        var key = CacheKey(name, password, hash);
        var now = time.GetUtcNow();
        var valid = found is not null && _verified.TryGetValue(key, out var until) && until > now;
        if (!valid)
        {
            valid = PasswordHasher.Verify(password, hash) && found is not null;
            if (valid)
            {
                _verified[key] = now + VerifiedFor;
            }
        }

        if (found is not { } match || !valid || match.User.Disabled)
        {
            throttle.RecordFailure(name, address);
            return null;
        }

        throttle.RecordSuccess(name);
        return new TaxiiUser(match.User.Name, match.User.Role == Role.Admin, TlpCeilings.Of(match.User));
    }

    private async Task<TaxiiUser?> ApiKeyAsync(string token, CancellationToken ct)
    {
        if (!ApiKeyToken.TryParse(token, out var keyId, out var secret))
        {
            return null;
        }

        var found = await keys.FindActiveAsync(keyId, ct);
        return found is not { } match || match.Owner.Disabled || !ApiKeyToken.Verify(secret, match.SecretHash)
            ? null
            : new TaxiiUser(match.Owner.Name, match.Owner.Role == Role.Admin, TlpCeilings.Of(match.Owner, match.Key));
    }

    /// <summary>A hash, so the cache never holds a password.</summary>
    private static string CacheKey(string name, string password, string storedHash) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{name}\0{password}\0{storedHash}")));
}
