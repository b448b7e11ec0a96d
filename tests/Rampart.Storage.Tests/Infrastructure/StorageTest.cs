using Rampart.Core.Auditing;
using Rampart.Core.Indicators;

namespace Rampart.Storage.Tests.Infrastructure;

/// <summary>
/// Base of every storage suite: a fresh store per test on the provider <typeparamref name="TTarget"/>
/// names, opened (and migrated) by <see cref="OpenAsync"/> as many times as a test needs processes.
/// </summary>
public abstract class StorageTest<TTarget> : IAsyncLifetime
    where TTarget : StoreTarget, new()
{
    private readonly List<TestStore> _opened = [];
    private StoreLocation? _location;

    protected TTarget Target { get; } = new();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static ChangeContext Analyst { get; } = new("alice", ChangeChannel.Api, "192.0.2.10");

    /// <summary>Opens the test's store as one more process; creates it on the first call.</summary>
    protected async Task<TestStore> OpenAsync(bool migrate = true)
    {
        _location ??= await Target.CreateAsync(Ct);
        var store = new TestStore(_location);
        _opened.Add(store);
        if (migrate)
        {
            await store.Migrator.MigrateAsync(Ct);
        }

        return store;
    }

    /// <summary>A domain indicator; the value is normalized by lowercasing, enough for storage tests.</summary>
    protected static NewIndicator Domain(
        string domain,
        string source = "feed-a",
        int confidence = NewIndicator.DefaultConfidence,
        string? actorId = null,
        DateTimeOffset? validFrom = null,
        DateTimeOffset? validUntil = null) =>
        new(new IndicatorValue(IndicatorType.Domain, domain, domain.ToLowerInvariant()), source, confidence, actorId, validFrom, validUntil);

    protected static List<NewIndicator> Domains(int count, string source = "feed-a", string prefix = "evil") =>
        Enumerable.Range(0, count).Select(i => Domain($"{prefix}{i}.example", source)).ToList();

    /// <summary>Times round-trip at millisecond precision (StoreTime).</summary>
    protected static DateTimeOffset Ms(DateTimeOffset time) => DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        await Target.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
