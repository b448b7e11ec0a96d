using System.Threading.Channels;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Core.Stix;
using Rampart.Intel.Import;

namespace Rampart.Intel.Stix;

/// <summary>
/// The reading stage of a STIX import: reads and checks each object of a bundle, hands the valid ones
/// on in chunks of <see cref="StixImporter.ChunkSize"/>, and remembers what the import needs once the
/// whole bundle is written (problems, references to check, <c>indicates</c> links, actor names).
/// </summary>
internal sealed class BundleRead(string fileName, string source, Warninglists warninglists)
{
    public List<StixProblem> Problems { get; } = [];

    /// <summary>Each referenced id once, with where it was first referenced from.</summary>
    public Dictionary<string, (string ObjectId, int Index, string Field)> References { get; } = new(StringComparer.Ordinal);

    public List<(string Indicator, string Target)> Indicates { get; } = [];

    public Dictionary<string, (string? ExternalId, List<string> Names)> ActorNames { get; } = new(StringComparer.Ordinal);

    public int Objects { get; private set; }

    public int NotEnforced { get; private set; }

    public int Warned { get; private set; }

    /// <summary>
    /// Reads the whole bundle into <paramref name="chunks"/>, each chunk prepared for the write on this thread
    /// (<see cref="IStixImportWriter.Prepare"/>), then completes it (with the error, when the file is not a bundle).
    /// </summary>
    public async Task RunAsync(Stream stream, IStixImportWriter writer, ChannelWriter<StixImportChunk> chunks, CancellationToken cancellationToken)
    {
        try
        {
            await ReadAsync(stream, writer, chunks, cancellationToken).ConfigureAwait(false);
            chunks.Complete();
        }
        catch (Exception ex)
        {
            chunks.Complete(ex);
            throw;
        }
    }

    private async Task ReadAsync(Stream stream, IStixImportWriter writer, ChannelWriter<StixImportChunk> chunks, CancellationToken cancellationToken)
    {
        var reader = new StixBundleReader(stream);
        var parser = new StixObjectParser(source);
        var chunk = new List<StixObjectVersion>(StixImporter.ChunkSize);
        while (reader.TryReadObject(out var json))
        {
            Objects++;
            var parsed = parser.Parse(json, reader.BundleSpecVersion, out var problem);
            if (parsed is not { } read)
            {
                var (id, field, reason) = problem!.Value;
                StixImporter.Report(Problems, new StixProblem(fileName, reader.Index, id, field, reason, Skipped: true));
                continue;
            }

            Remember(read, reader.Index);
            chunk.Add(Screened(read.Version, reader.Index));
            if (chunk.Count == StixImporter.ChunkSize)
            {
                await chunks.WriteAsync(writer.Prepare(chunk), cancellationToken).ConfigureAwait(false);
                chunk = new List<StixObjectVersion>(StixImporter.ChunkSize);
            }
        }

        if (reader.BundleType != "bundle")
        {
            throw new StixFormatException(0, reader.BundleType is null ? "the file has no \"type\": \"bundle\"" : $"type is '{reader.BundleType}', not 'bundle'");
        }

        if (chunk.Count > 0)
        {
            await chunks.WriteAsync(writer.Prepare(chunk), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The version without the pattern values a warninglist holds back, each reported with the object's id.</summary>
    private StixObjectVersion Screened(StixObjectVersion version, int index)
    {
        if (version.Indicators is not { Count: > 0 } indicators)
        {
            return version;
        }

        List<NewIndicator>? kept = null;
        for (var i = 0; i < indicators.Count; i++)
        {
            var value = indicators[i].Value;
            if (!warninglists.Hits(value, out var reason))
            {
                kept?.Add(indicators[i]);
                continue;
            }

            kept ??= [.. indicators.Take(i)];
            Warned++;
            StixImporter.Report(Problems, new StixProblem(fileName, index, version.Id, "pattern", $"'{value.Normalized}' is {reason}: reported, not indexed", Skipped: false));
        }

        return kept is null ? version : version with { Indicators = kept };
    }

    private void Remember(in ParsedStixObject parsed, int index)
    {
        var version = parsed.Version;
        if (parsed.NotEnforced.Count > 0)
        {
            NotEnforced++;
        }

        foreach (var (field, id) in parsed.References)
        {
            // The TLP marking definitions are fixed by the standards: a bundle need not carry them.
            if (!TlpLevels.IsTlpMarkingId(id))
            {
                References.TryAdd(id, (version.Id, index, field));
            }
        }

        if (version.RelationshipType == "indicates" && version.SourceRef!.StartsWith("indicator--", StringComparison.Ordinal))
        {
            Indicates.Add((version.SourceRef, version.TargetRef!));
        }

        if (version.Type is "intrusion-set" or "threat-actor" && version.Name is not null)
        {
            ActorNames[version.Id] = (version.ExternalId, [version.Name, .. parsed.Aliases]);
        }
    }
}
