using System.Diagnostics;

namespace Rampart.Detection.Lookalikes;

/// <summary>
/// Streams a feed of candidate names (newly registered domains, certificate-transparency names)
/// through a <see cref="LookalikeEngine"/> on every core: lines are read in batches, each batch is
/// screened in parallel, and hits are reported in input order. A line can be a name, or a CSV row
/// whose <see cref="Column"/> holds the name; blank lines and <c>#</c> comments are skipped.
/// </summary>
public sealed class LookalikeHunter(LookalikeEngine engine)
{
    /// <summary>Lines per batch: large enough to keep both cores busy, small enough to report hits promptly.</summary>
    public const int BatchSize = 1 << 15;

    /// <summary>0-based CSV column holding the name; null reads whole lines.</summary>
    public int? Column { get; init; }

    /// <summary>Report every name, clean and allowlisted ones too (for measuring; allocates per name).</summary>
    public bool ReportAll { get; init; }

    /// <summary>Degree of parallelism (default: every core).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    public HuntSummary Run(TextReader reader, Action<HuntHit> onHit, Action<long>? onProgress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        // Two batches: while one is screened on every core, the next is read, so reading (one
        // thread) overlaps screening instead of leaving the other core idle between batches.
        var current = new Batch();
        var next = new Batch();
        long lineNumber = 0, malicious = 0, suspicious = 0, allowlisted = 0, invalid = 0, skipped = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        var count = current.Fill(reader);
        while (count > 0)
        {
            var batch = current;
            var screened = count;
            var screening = Task.Run(() => Screen(batch, screened, options), cancellationToken);
            var nextCount = next.Fill(reader);
            screening.GetAwaiter().GetResult();
            for (var i = 0; i < count; i++)
            {
                var number = lineNumber + i + 1;
                if (Name(current.Lines[i]!).IsEmpty)
                {
                    skipped++;
                    continue;
                }

                switch (current.Levels[i])
                {
                    case LookalikeLevel.Malicious:
                        malicious++;
                        break;
                    case LookalikeLevel.Suspicious:
                        suspicious++;
                        break;
                    case LookalikeLevel.Allowlisted:
                        allowlisted++;
                        break;
                    case LookalikeLevel.Invalid:
                        invalid++;
                        break;
                    case LookalikeLevel.Clean:
                        break;
                }

                if (current.Results[i] is { } result)
                {
                    onHit(new HuntHit(number, result));
                }

                current.Lines[i] = null;
                current.Results[i] = null;
            }

            lineNumber += count;
            onProgress?.Invoke(lineNumber);
            (current, next) = (next, current);
            count = nextCount;
        }

        return new HuntSummary(lineNumber, malicious, suspicious, allowlisted, invalid, skipped, clock.Elapsed);
    }

    private void Screen(Batch batch, int count, ParallelOptions options)
    {
        var chunk = (count + (Parallelism * 4) - 1) / (Parallelism * 4);
        Parallel.For(0, (count + chunk - 1) / chunk, options, part =>
        {
            var end = Math.Min(count, (part + 1) * chunk);
            for (var i = part * chunk; i < end; i++)
            {
                var name = Name(batch.Lines[i]!);
                if (name.IsEmpty)
                {
                    batch.Levels[i] = LookalikeLevel.Clean;
                    batch.Results[i] = null;
                    continue;
                }

                if (ReportAll)
                {
                    batch.Results[i] = engine.Screen(name.ToString());
                    batch.Levels[i] = batch.Results[i]!.Level;
                }
                else
                {
                    batch.Levels[i] = engine.Screen(name, out batch.Results[i]);
                }
            }
        });
    }

    /// <summary>One batch of lines with the level and result screened for each.</summary>
    private sealed class Batch
    {
        public string?[] Lines { get; } = new string?[BatchSize];

        public LookalikeResult?[] Results { get; } = new LookalikeResult?[BatchSize];

        public LookalikeLevel[] Levels { get; } = new LookalikeLevel[BatchSize];

        public int Fill(TextReader reader)
        {
            var count = 0;
            while (count < BatchSize && reader.ReadLine() is { } line)
            {
                Lines[count++] = line;
            }

            return count;
        }
    }

    private ReadOnlySpan<char> Name(string line)
    {
        var text = line.AsSpan();
        if (Column is { } column)
        {
            for (var i = 0; i < column; i++)
            {
                var comma = text.IndexOf(',');
                if (comma < 0)
                {
                    return default;
                }

                text = text[(comma + 1)..];
            }

            var end = text.IndexOf(',');
            text = end < 0 ? text : text[..end];
            text = text.Trim().Trim('"');
        }

        text = text.Trim();
        return text.IsEmpty || text[0] == '#' ? default : text;
    }
}
