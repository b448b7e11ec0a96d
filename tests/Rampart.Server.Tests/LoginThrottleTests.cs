using Microsoft.Extensions.Time.Testing;
using Rampart.Server.Platform.Auth;

namespace Rampart.Server.Tests;

public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-24T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_user_name_is_blocked_after_the_free_attempts_whatever_its_case_and_address()
    {
        var throttle = new LoginThrottle(_time);
        for (var i = 0; i < LoginThrottle.FreeAttempts - 1; i++)
        {
            throttle.RecordFailure("Ana", "10.0.0." + i);
        }

        Assert.False(throttle.IsBlocked("ana", "10.0.0.99"));
        throttle.RecordFailure("ANA", "10.0.0.98");
        Assert.True(throttle.IsBlocked("ana", "10.0.0.99"));
        Assert.False(throttle.IsBlocked("bob", "10.0.0.99"));
    }

    [Fact]
    public void The_block_lifts_once_the_window_has_passed_since_the_last_failure()
    {
        var throttle = new LoginThrottle(_time);
        for (var i = 0; i < LoginThrottle.FreeAttempts; i++)
        {
            throttle.RecordFailure("ana", null);
        }

        _time.Advance(LoginThrottle.Window - TimeSpan.FromSeconds(1));
        Assert.True(throttle.IsBlocked("ana", null));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(throttle.IsBlocked("ana", null));
    }

    [Fact]
    public void One_address_guessing_many_user_names_is_blocked_after_its_own_budget()
    {
        var throttle = new LoginThrottle(_time);
        for (var i = 0; i < LoginThrottle.FreeAttemptsPerAddress; i++)
        {
            Assert.False(throttle.IsBlocked("user" + i, "203.0.113.7"));
            throttle.RecordFailure("user" + i, "203.0.113.7");
        }

        Assert.True(throttle.IsBlocked("someone-new", "203.0.113.7"));
        Assert.False(throttle.IsBlocked("someone-new", "203.0.113.8"));
    }

    [Fact]
    public void A_success_clears_the_user_names_failures()
    {
        var throttle = new LoginThrottle(_time);
        for (var i = 0; i < LoginThrottle.FreeAttempts - 1; i++)
        {
            throttle.RecordFailure("ana", null);
        }

        throttle.RecordSuccess("ana");
        throttle.RecordFailure("ana", null);
        Assert.False(throttle.IsBlocked("ana", null));
    }
}
