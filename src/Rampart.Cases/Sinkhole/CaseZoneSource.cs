using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rampart.Cases.Cases;
using Rampart.Core.Auditing;
using Rampart.Core.Cases;
using Rampart.Core.Storage;
using Rampart.Dns.Sinkhole;

namespace Rampart.Cases.Sinkhole;

/// <summary>
/// The sinkhole's zones from the store: every domain of every sinkholed case (<see cref="CaseDomainSet"/>,
/// the same reading RPZ uses), re-read whenever the store revision advances (polled, as the RPZ
/// transfer listener does), so a case sinkholed or released anywhere is answered or REFUSED within a
/// poll. Each set served is written to a cache file in the data folder; a node whose store is
/// unreachable at start serves the cached set and says so, and takes the store's again once it answers.
/// </summary>
public sealed class CaseZoneSource : ISinkholeZoneSource
{
    /// <summary>250 ms, as the server's store watcher and the RPZ refresher.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The serial store's key for the sinkhole's set: SOA serials come from the store (one serial per
    /// content, next one on change) so every node serving the same cases claims the same serial.
    /// </summary>
    public const string SerialKey = "sinkhole.rampart.";

    private static readonly ChangeContext Context = new("sinkhole-zones", ChangeChannel.System, null);

    private readonly ICaseStore _cases;
    private readonly IStoreRevision _revision;
    private readonly IRpzSerialStore _serials;
    private readonly SinkholeZoneSettings _settings;
    private readonly string _cacheFile;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private volatile SinkholeZoneSet _current = SinkholeZoneSet.Empty;
    private long _seen = -1;
    private string? _digest;
    private bool _failing;

    public CaseZoneSource(ICaseStore cases, IStoreRevision revision, IRpzSerialStore serials, SinkholeZoneSettings settings, string cacheFile, TimeProvider? time = null, ILogger? logger = null)
    {
        _cases = cases ?? throw new ArgumentNullException(nameof(cases));
        _revision = revision ?? throw new ArgumentNullException(nameof(revision));
        _serials = serials ?? throw new ArgumentNullException(nameof(serials));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _cacheFile = Path.GetFullPath(cacheFile ?? throw new ArgumentNullException(nameof(cacheFile)));
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The file a node falls back on when the store is unreachable at start: <c>&lt;data&gt;/sinkhole/zones-cache.json</c>.</summary>
    public static string CacheFileIn(string dataFolder) => Path.Combine(dataFolder, "sinkhole", "zones-cache.json");

    public SinkholeZoneSet Current => _current;

    /// <summary>True while the set served is the cached one, read at start because the store was unreachable.</summary>
    public bool FromCache { get; private set; }

    public event EventHandler? Changed;

    /// <summary>
    /// The first set: from the store, or — when the store cannot be read — from the cache, logged as
    /// such. Throws <see cref="SinkholeZonesUnavailableException"/> when neither can be had.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RefreshAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = ex.GetType().Name + ": " + ex.Message;
            if (!File.Exists(_cacheFile))
            {
                throw new SinkholeZonesUnavailableException(
                    $"the sinkhole's zones cannot be read: the store is unreachable ({reason}) and there is no zone cache at {_cacheFile} (a node writes it once it has read the store)", ex);
            }

            var cached = SinkholeZoneFile.Load(_cacheFile, out var problems);
            if (problems.Count > 0 && cached.Count == 0)
            {
                throw new SinkholeZonesUnavailableException(
                    $"the sinkhole's zones cannot be read: the store is unreachable ({reason}) and the zone cache is unusable ({string.Join("; ", problems)})", ex);
            }

            _current = cached;
            FromCache = true;
            _failing = true;
            Log.ServingCache(_logger, cached.Count, cached.Settings.Serial, _cacheFile, File.GetLastWriteTimeUtc(_cacheFile), reason);
        }
    }

    /// <summary>Reads the store if its revision moved since the last read; true when the set served changed.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        var revision = await _revision.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (revision == _seen)
        {
            return false;
        }

        var set = await CaseDomainSet.ReadAsync(_cases, CaseDomainSet.Sinkholed, null, cancellationToken).ConfigureAwait(false);
        var digest = Digest(set);
        if (digest == _digest && !FromCache)
        {
            _seen = revision;
            return false;
        }

        var serial = await _serials.SerialForAsync(SerialKey, digest, Context, cancellationToken).ConfigureAwait(false);
        var zones = set.CaseByDomain.Select(pair => new SinkholeZone(pair.Key, pair.Value, []));
        var compiled = SinkholeZoneSet.Create(zones, _settings with { Serial = (uint)serial }, out var problems);
        foreach (var problem in problems)
        {
            Log.ZoneProblem(_logger, problem);
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_cacheFile)!);
            SinkholeZoneFile.Save(compiled, set.CaseByDomain.ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal), _cacheFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Serving matters more than the cache: the next change tries again.
            Log.CacheNotWritten(_logger, _cacheFile, ex.Message);
        }

        _current = compiled;
        _digest = digest;
        _seen = revision;
        FromCache = false;
        Log.ZonesLoaded(_logger, compiled.Count, set.CaseIds.Count, compiled.Settings.Serial, revision);
        Changed?.Invoke(this, EventArgs.Empty);
        return true;
    }

    /// <summary>Refreshes every <see cref="PollInterval"/> until cancelled; while the store fails the last set is served.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(PollInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await RefreshAsync(cancellationToken).ConfigureAwait(false);
                    if (_failing)
                    {
                        _failing = false;
                        Log.StoreBack(_logger, _current.Count);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // Said once per outage, not four times a second.
                    if (!_failing)
                    {
                        _failing = true;
                        Log.RefreshFailed(_logger, _current.Count, ex.GetType().Name + ": " + ex.Message);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>SHA-256 over "domain case" lines: equal digests, equal zones.</summary>
    private static string Digest(CaseDomainSet set)
    {
        var text = new StringBuilder();
        foreach (var (domain, caseId) in set.CaseByDomain)
        {
            text.Append(domain).Append(' ').Append(caseId).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
