using System.Collections.Concurrent;

namespace Rampart.Accounts.AuditLogs;

/// <summary>
/// The batches and result lists of one parallel read, reused from batch to batch: a few are in flight
/// at once (two a worker), so a few are ever made, whatever the length of the log.
/// </summary>
internal sealed class BatchPool<T>
{
    private readonly ConcurrentQueue<RawBatch> _batches = new();
    private readonly ConcurrentQueue<List<T>> _results = new();

    public RawBatch Batch() => _batches.TryDequeue(out var batch) ? batch : new RawBatch();

    /// <summary>An empty list with room for <paramref name="count"/> results.</summary>
    public List<T> Results(int count)
    {
        if (!_results.TryDequeue(out var list))
        {
            return new List<T>(count);
        }

        list.EnsureCapacity(count);
        return list;
    }

    /// <summary>Takes back a batch whose records were read.</summary>
    public void Return(RawBatch batch)
    {
        batch.Release();
        _batches.Enqueue(batch);
    }

    /// <summary>Takes back a list whose results were handed on (emptied here, so it holds no event).</summary>
    public void Return(List<T> results)
    {
        results.Clear();
        _results.Enqueue(results);
    }
}
