using System.Collections.Concurrent;

namespace Rampart.Server.Platform.Auth;

/// <summary>
/// Slows password guessing: after <see cref="FreeAttempts"/> failures for one user name, or
/// <see cref="FreeAttemptsPerAddress"/> from one address (many people share an office's address),
/// further attempts are refused until <see cref="Window"/> has passed since the last failure.
/// Kept per process; a cluster multiplies the budget by its node count, which is still far too slow
/// to guess a 24-character password.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    public const int FreeAttempts = 5;
    public const int FreeAttemptsPerAddress = 50;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset Last)> _failures = new(StringComparer.Ordinal);

    public bool IsBlocked(string userName, string? address) =>
        Blocked(UserKey(userName), FreeAttempts) || (address is not null && Blocked(AddressKey(address), FreeAttemptsPerAddress));

    public void RecordFailure(string userName, string? address)
    {
        Bump(UserKey(userName));
        if (address is not null)
        {
            Bump(AddressKey(address));
        }
    }

    public void RecordSuccess(string userName) => _failures.TryRemove(UserKey(userName), out _);

    private bool Blocked(string key, int freeAttempts) =>
        _failures.TryGetValue(key, out var entry)
        && entry.Failures >= freeAttempts
        && time.GetUtcNow() - entry.Last < Window;

    private void Bump(string key)
    {
        var now = time.GetUtcNow();
        _failures.AddOrUpdate(key, (1, now), (_, old) => now - old.Last >= Window ? (1, now) : (old.Failures + 1, now));
    }

    private static string UserKey(string userName) => "u:" + userName.ToUpperInvariant();

    private static string AddressKey(string address) => "a:" + address;
}
