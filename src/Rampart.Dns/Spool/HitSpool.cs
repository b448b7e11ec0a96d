using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Rampart.Dns.Spool;

/// <summary>
/// The node's hit log. <see cref="Commit"/> gives each record of a batch the next sequence numbers
/// and hands the whole batch to the kernel with one <c>pwrite</c> before returning, so a caller that
/// answers only afterwards never answers a query whose hit a kill -9 could lose. A timer forces the
/// file to disk every <see cref="SpoolOptions.FsyncInterval"/> (the power-loss window).
/// </summary>
public sealed class HitSpool : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SpoolOptions _options;
    private readonly ILogger _logger;
    private readonly Timer? _fsync;
    private Microsoft.Win32.SafeHandles.SafeFileHandle _segment;
    private long _offset;
    private long _nextSequence;
    private bool _dirty;
    private bool _disposed;

    private HitSpool(SpoolOptions options, ILogger logger, string nodeId, Microsoft.Win32.SafeHandles.SafeFileHandle segment, long offset, long nextSequence)
    {
        _options = options;
        _logger = logger;
        NodeId = nodeId;
        _segment = segment;
        _offset = offset;
        _nextSequence = nextSequence;
        if (options.FsyncInterval > TimeSpan.Zero)
        {
            _fsync = new Timer(_ => Flush(), null, options.FsyncInterval, options.FsyncInterval);
        }
    }

    public string NodeId { get; }

    public string Directory => _options.Directory;

    /// <summary>The sequence the next record will get.</summary>
    public long NextSequence
    {
        get
        {
            lock (_gate)
            {
                return _nextSequence;
            }
        }
    }

    /// <summary>
    /// Opens (or creates) the spool: recovers the node id, cuts a torn tail off the newest segment
    /// and continues the sequence after the last whole record.
    /// </summary>
    public static HitSpool Open(SpoolOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        logger ??= NullLogger.Instance;
        System.IO.Directory.CreateDirectory(options.Directory);
        var nodeId = options.NodeId ?? ReadOrCreateNodeId(options.Directory);
        var segments = SpoolFormat.Segments(options.Directory);
        var checkpoint = SpoolCheckpoint.Read(options.Directory);
        long nextSequence = Math.Max(1, checkpoint.LastSequence + 1);
        string path;
        long offset = 0;
        if (segments.Count == 0)
        {
            path = Path.Combine(options.Directory, SpoolFormat.SegmentName(nextSequence));
        }
        else
        {
            var (first, newest) = segments[^1];
            path = newest;
            var scan = SpoolReader.Scan(newest);
            offset = scan.ValidLength;
            nextSequence = Math.Max(nextSequence, Math.Max(first, scan.LastSequence + 1));
            if (scan.ValidLength < scan.FileLength)
            {
                using var file = File.OpenHandle(newest, FileMode.Open, FileAccess.ReadWrite);
                RandomAccess.SetLength(file, scan.ValidLength);
                RandomAccess.FlushToDisk(file);
                Log.TornTailCut(logger, newest, scan.FileLength - scan.ValidLength, scan.ValidLength);
            }
        }

        var handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        Log.SpoolOpened(logger, options.Directory, nodeId, nextSequence);
        return new HitSpool(options, logger, nodeId, handle, offset, nextSequence);
    }

    /// <summary>
    /// Numbers, seals and writes the batch; when this returns the records are in the kernel (and on
    /// disk too when the fsync interval is zero). The batch's <see cref="SpoolBatch.FirstSequence"/>
    /// says which numbers it got. The batch is not cleared.
    /// </summary>
    public void Commit(SpoolBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            batch.FirstSequence = _nextSequence;
            for (var i = 0; i < batch.Count; i++)
            {
                SpoolFormat.Seal(batch.Record(i), _nextSequence++);
            }

            RandomAccess.Write(_segment, batch.Bytes, _offset);
            _offset += batch.Length;
            if (_options.FsyncInterval <= TimeSpan.Zero)
            {
                RandomAccess.FlushToDisk(_segment);
            }
            else
            {
                _dirty = true;
            }

            if (_offset >= _options.SegmentBytes)
            {
                Rotate();
            }
        }
    }

    /// <summary>Forces written records to disk now.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            if (_dirty && !_disposed)
            {
                RandomAccess.FlushToDisk(_segment);
                _dirty = false;
            }
        }
    }

    public void Dispose()
    {
        _fsync?.Dispose();
        Flush();
        lock (_gate)
        {
            _disposed = true;
            _segment.Dispose();
        }
    }

    private void Rotate()
    {
        RandomAccess.FlushToDisk(_segment);
        _dirty = false;
        _segment.Dispose();
        var path = Path.Combine(_options.Directory, SpoolFormat.SegmentName(_nextSequence));
        _segment = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        _offset = 0;
        Log.SegmentStarted(_logger, path);
    }

    private static string ReadOrCreateNodeId(string directory)
    {
        var path = Path.Combine(directory, "node-id");
        if (File.Exists(path))
        {
            var existing = File.ReadAllText(path).Trim();
            if (existing.Length > 0)
            {
                return existing;
            }
        }

        var id = "node-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, id);
        File.Move(temporary, path, overwrite: true);
        return id;
    }
}
