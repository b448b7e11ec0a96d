using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Rampart.Dns.Sinkhole;

/// <summary>
/// A zone set read from a JSON file (<see cref="SinkholeZoneFile"/>) and re-read when the file
/// changes (checked every <c>pollInterval</c>; polling, because file-change events are lost on
/// some file systems). A file with problems still loads its good zones; an unreadable one keeps the
/// set served before.
/// </summary>
public sealed class JsonFileZoneSource : ISinkholeZoneSource, IDisposable
{
    private readonly string _path;
    private readonly ILogger _logger;
    private readonly Timer _timer;
    private volatile SinkholeZoneSet _current;
    private (DateTime Written, long Length) _seen;

    public JsonFileZoneSource(string path, TimeSpan pollInterval, ILogger? logger = null)
    {
        _path = Path.GetFullPath(path);
        _logger = logger ?? NullLogger.Instance;
        _current = SinkholeZoneSet.Empty;
        Reload();
        _timer = new Timer(_ => Poll(), null, pollInterval, pollInterval);
    }

    public SinkholeZoneSet Current => _current;

    /// <summary>Problems found by the last load.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public event EventHandler? Changed;

    public void Dispose() => _timer.Dispose();

    private void Poll()
    {
        try
        {
            var info = new FileInfo(_path);
            if (info.Exists && (info.LastWriteTimeUtc, info.Length) != _seen)
            {
                Reload();
                Changed?.Invoke(this, EventArgs.Empty);
            }
        }
        catch (IOException)
        {
            // Being replaced; the next poll sees the new file.
        }
    }

    private void Reload()
    {
        var info = new FileInfo(_path);
        _seen = info.Exists ? (info.LastWriteTimeUtc, info.Length) : default;
        var zones = SinkholeZoneFile.Load(_path, out var problems);
        Problems = problems;
        foreach (var problem in problems)
        {
            Log.ZoneProblem(_logger, _path, problem);
        }

        if (zones.Count > 0 || _current.Count == 0)
        {
            _current = zones;
        }

        Log.ZonesLoaded(_logger, _path, _current.Count, _current.Settings.Serial);
    }
}
