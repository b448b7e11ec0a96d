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
        var lines = new string?[BatchSize];
        var results = new LookalikeResult?[BatchSize];
        var levels = new LookalikeLevel[BatchSize];
        long lineNumber = 0, malicious = 0, suspicious = 0, allowlisted = 0, invalid = 0, skipped = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        while (true)
        {
            var count = 0;
            while (count < BatchSize && reader.ReadLine() is { } line)
            {
                lines[count++] = line;
            }

            if (count == 0)
            {
                break;
            }

            var chunk = (count + (Parallelism * 4) - 1) / (Parallelism * 4);
            Parallel.For(0, (count + chunk - 1) / chunk, options, part =>
            {
                var end = Math.Min(count, (part + 1) * chunk);
                for (var i = part * chunk; i < end; i++)
                {
                    var name = Name(lines[i]!);
                    if (name.IsEmpty)
                    {
                        levels[i] = LookalikeLevel.Clean;
                        results[i] = null;
                        continue;
                    }

                    if (ReportAll)
                    {
                        results[i] = engine.Screen(name.ToString());
                        levels[i] = results[i]!.Level;
                    }
                    else
                    {
                        levels[i] = engine.Screen(name, out results[i]);
                    }
                }
            });

            for (var i = 0; i < count; i++)
            {
                var number = lineNumber + i + 1;
                if (Name(lines[i]!).IsEmpty)
                {
                    skipped++;
                    continue;
                }

                switch (levels[i])
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

                if (results[i] is { } result)
                {
                    onHit(new HuntHit(number, result));
                }

                lines[i] = null;
                results[i] = null;
            }

            lineNumber += count;
            onProgress?.Invoke(lineNumber);
        }

        return new HuntSummary(lineNumber, malicious, suspicious, allowlisted, invalid, skipped, clock.Elapsed);
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
