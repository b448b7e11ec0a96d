namespace Rampart.Storage.Tests.Infrastructure;

/// <summary>A SQLite store in a temp folder of its own, deleted after the test.</summary>
public sealed class SqliteTarget : StoreTarget
{
    private string? _folder;

    public override StoreProvider Provider => StoreProvider.Sqlite;

    public string Folder => _folder ?? throw new InvalidOperationException("Not created yet.");

    public override Task<StoreLocation> CreateAsync(CancellationToken cancellationToken)
    {
        _folder = Path.Combine(Path.GetTempPath(), "rampart-storage-tests", Guid.NewGuid().ToString("N"));
        return Task.FromResult(StoreLocation.ForDataFolder(_folder));
    }

    public override ValueTask DisposeAsync()
    {
        if (_folder is not null && Directory.Exists(_folder))
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A pooled handle still open somewhere; the temp folder is cleaned eventually.
            }
        }

        return ValueTask.CompletedTask;
    }
}
