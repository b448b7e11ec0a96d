namespace Rampart.Storage.Tests.Infrastructure;

/// <summary>
/// Where one test class's store lives, per provider: the generic suites take a target type
/// (Dapper's <c>NullTests&lt;TProvider&gt;</c> pattern), so each test is written once and runs on both.
/// </summary>
public abstract class StoreTarget : IAsyncDisposable
{
    public abstract StoreProvider Provider { get; }

    /// <summary>Creates a fresh, empty store; skips (or fails) the test when the provider is unavailable.</summary>
    public abstract Task<StoreLocation> CreateAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}
