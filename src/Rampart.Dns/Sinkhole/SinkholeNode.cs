using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rampart.Dns.Http;
using Rampart.Dns.Spool;

namespace Rampart.Dns.Sinkhole;

/// <summary>
/// A sinkhole node as <c>rampart sinkhole</c> and <c>rampart serve --sinkhole</c> both run it: the
/// spool opened first, then the DNS listener and the HTTP one over the same zones, each hit spooled
/// before its answer. Moving hits into the store is the host's part (it knows the store).
/// </summary>
public sealed class SinkholeNode : IAsyncDisposable
{
    private readonly HitSpool _spool;
    private readonly DnsSinkholeServer _dns;
    private readonly HttpSinkholeServer? _http;

    private readonly ILogger _logger;

    private SinkholeNode(HitSpool spool, DnsSinkholeServer dns, HttpSinkholeServer? http, SpoolReadiness readiness, ILogger logger)
    {
        _logger = logger;
        _spool = spool;
        _dns = dns;
        _http = http;
        Readiness = readiness;
    }

    public HitSpool Spool => _spool;

    public DnsSinkholeServer Dns => _dns;

    public HttpSinkholeServer? Http => _http;

    public SpoolReadiness Readiness { get; }

    /// <summary>Opens the spool and starts the listeners (ports 0 pick free ones); what fails to bind is closed again.</summary>
    public static SinkholeNode Start(SinkholeNodeOptions options, ISinkholeZoneSource zones, ILoggerFactory? logging = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(zones);
        logging ??= NullLoggerFactory.Instance;
        var spool = HitSpool.Open(options.Spool, logging.CreateLogger("Rampart.Sinkhole.Spool"));
        DnsSinkholeServer? dns = null;
        HttpSinkholeServer? http = null;
        try
        {
            dns = new DnsSinkholeServer(options.Dns, zones, spool, logging.CreateLogger("Rampart.Sinkhole.Dns"), time);
            dns.Start();
            if (options.Http is not null)
            {
                http = new HttpSinkholeServer(options.Http, zones, spool, logging.CreateLogger("Rampart.Sinkhole.Http"), time);
                http.Start();
            }

            return new SinkholeNode(spool, dns, http, new SpoolReadiness(spool.Directory, options.Spool.MaxPendingBytes), logging.CreateLogger("Rampart.Sinkhole"));
        }
        catch
        {
            http?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            dns?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            spool.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Tells scripts and other processes where the node listens and whether it is ready
    /// (<c>{"dns": "127.0.0.1:5300", "http": …, "https": […], "pid": …, "node": …, "ready": true}</c>), written atomically.
    /// </summary>
    public void WriteAddressFile(string path, bool ready)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(new
        {
            dns = _dns.UdpEndPoint.ToString(),
            http = _http?.EndPoint.ToString(),
            https = _http?.TlsEndPoints.Select(e => e.ToString()).ToArray() ?? [],
            pid = Environment.ProcessId,
            node = _spool.NodeId,
            ready,
        }));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>
    /// Measures the spool every second until cancelled: each change of readiness is logged and written
    /// to the address file, then passed to <paramref name="changed"/> (the standalone node may stop on it).
    /// </summary>
    public async Task WatchReadinessAsync(string addressFile, Action<SpoolReadinessReport>? changed, TimeProvider? time, CancellationToken cancellationToken)
    {
        var ready = true;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time ?? TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var report = Readiness.Check();
                if (report.Ready == ready)
                {
                    continue;
                }

                ready = report.Ready;
                var text = report.Describe();
                Log.Readiness(_logger, ready ? LogLevel.Information : LogLevel.Warning, text);
                WriteAddressFile(addressFile, ready);
                changed?.Invoke(report);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_http is not null)
        {
            await _http.DisposeAsync().ConfigureAwait(false);
        }

        await _dns.DisposeAsync().ConfigureAwait(false);
        _spool.Dispose();
    }
}
