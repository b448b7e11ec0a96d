using System.Threading.Channels;
using Rampart.Core.Actors;
using Rampart.Core.Auditing;
using Rampart.Core.Markings;
using Rampart.Core.Stix;
using Rampart.Core.Storage;
using Rampart.Intel.Actors;
using Rampart.Intel.Import;

namespace Rampart.Intel.Stix;

/// <summary>
/// Imports one STIX 2.1 bundle as one transaction, streaming: objects are read one at a time and
/// written in chunks of <see cref="ChunkSize"/> inside the transaction. A bad object is skipped and
/// reported with its id; a reference to an object neither in the bundle nor in the store is
/// reported and imported anyway; indicators an <c>indicates</c> relationship ties to an intrusion
/// set or threat actor the knowledge base knows (by ATT&amp;CK id or an unambiguous name) are
/// attributed to that actor. A pattern value on a warninglist (<see cref="Warninglists"/>: an
/// allowlisted brand, CDN or popular domain, a private or reserved address) is reported with the
/// object's id and not indexed; the object itself is kept as it came.
/// </summary>
public sealed class StixImporter(IStixStore store, IActorStore actors, Warninglists? warninglists = null)
{
    private readonly Warninglists _warninglists = warninglists ?? Warninglists.Default;

    /// <summary>
    /// 250 objects per write: whatever is in flight when a gen0 collection runs (one chunk writing, one
    /// queued, one filling) survives it, and at ~3.7 KB allocated per object, 1,000-object chunks made
    /// nearly every gen0 collection a gen1 one too (200,000-indicator import: gen0/1/2 58/54/6, GC pauses
    /// 0.4–1.0 s); at 250, 53/24/2 and 0.16–0.27 s. At 100, 52/3/1, but PostgreSQL pays its stage,
    /// COPY and insert round trips per chunk. At 5,000 the peak working set was 233 MB instead of ~150 MB.
    /// </summary>
    public const int ChunkSize = 250;

    /// <summary>At most this many problems are kept in the report; the count of the rest is still reported.</summary>
    public const int MaxReportedProblems = 1000;

    public Task<StixImportReport> ImportAsync(Stream stream, string fileName, string source, ChangeContext context, CancellationToken cancellationToken) =>
        ImportAsync(stream, fileName, source, context, StoreAccess.Shared, cancellationToken);

    /// <summary>
    /// As the other overload; with <see cref="StoreAccess.Exclusive"/> (a one-shot process: the CLI) the import
    /// may hold the store for itself, and then looks actors up in a snapshot taken before it begins (<see cref="ActorLookup"/>).
    /// </summary>
    public async Task<StixImportReport> ImportAsync(Stream stream, string fileName, string source, ChangeContext context, StoreAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var lookup = access == StoreAccess.Exclusive ? await ActorLookup.SnapshotAsync(actors, cancellationToken).ConfigureAwait(false) : ActorLookup.Live(actors);
        return await store.ImportAsync(source, writer => RunAsync(stream, fileName, source, writer, lookup, cancellationToken), context, access, cancellationToken).ConfigureAwait(false);
    }

    private async Task<StixImportReport> RunAsync(Stream stream, string fileName, string source, IStixImportWriter writer, ActorLookup lookup, CancellationToken cancellationToken)
    {
        // Two stages, one chunk apart: this thread writes chunk n while another reads, parses and prepares
        // chunk n+1, so on two cores the import takes as long as the slower stage, not the sum.
        // At most three chunks exist at once (one writing, one queued, one filling): memory stays bounded.
        var chunks = Channel.CreateBounded<StixImportChunk>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var read = new BundleRead(fileName, source, _warninglists);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => read.RunAsync(stream, writer, chunks.Writer, stop.Token), stop.Token);
        var counts = StixWriteCounts.Zero;
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                counts += await writer.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }

        await producer.ConfigureAwait(false);
        var problems = read.Problems;
        await ReportDanglingAsync(writer, read.References, fileName, problems, cancellationToken).ConfigureAwait(false);
        var attributed = await AttributeAsync(writer, lookup, read.Indicates, read.ActorNames, cancellationToken).ConfigureAwait(false);
        return new StixImportReport(fileName, read.Objects, counts, read.NotEnforced, attributed, problems) { Warned = read.Warned };
    }

    internal static void Report(List<StixProblem> problems, StixProblem problem)
    {
        if (problems.Count < MaxReportedProblems)
        {
            problems.Add(problem);
        }
    }

    /// <summary>Once the bundle is written, the store (inside the same transaction) knows both this bundle's objects and earlier ones.</summary>
    private static async Task ReportDanglingAsync(
        IStixImportWriter writer, Dictionary<string, (string ObjectId, int Index, string Field)> references, string fileName, List<StixProblem> problems, CancellationToken cancellationToken)
    {
        foreach (var ids in references.Keys.Chunk(ChunkSize))
        {
            var known = await writer.KnownIdsAsync(ids, cancellationToken).ConfigureAwait(false);
            foreach (var id in ids.Where(id => !known.Contains(id)))
            {
                var (objectId, index, field) = references[id];
                Report(problems, new StixProblem(fileName, index, objectId, field, $"refers to {id}, which is neither in the bundle nor in the store", Skipped: false));
            }
        }
    }

    private static async Task<int> AttributeAsync(
        IStixImportWriter writer, ActorLookup lookup, List<(string Indicator, string Target)> indicates, Dictionary<string, (string? ExternalId, List<string> Names)> actorNames, CancellationToken cancellationToken)
    {
        var attributed = 0;
        foreach (var group in indicates.GroupBy(i => i.Target, StringComparer.Ordinal))
        {
            if (!actorNames.TryGetValue(group.Key, out var names))
            {
                continue;
            }

            var actorId = await ResolveActorAsync(lookup, group.Key, names.ExternalId, names.Names, cancellationToken).ConfigureAwait(false);
            if (actorId is not null)
            {
                attributed += await writer.AttributeAsync(group.Select(i => i.Indicator).Distinct(StringComparer.Ordinal).ToList(), actorId, cancellationToken).ConfigureAwait(false);
            }
        }

        return attributed;
    }

    /// <summary>
    /// Explicit links only, as the knowledge base was built: the same STIX id, the same ATT&amp;CK
    /// group id, or a name (primary or alias) that names exactly one actor. Never a fuzzy match.
    /// </summary>
    internal static async Task<string?> ResolveActorAsync(ActorLookup actors, string stixId, string? externalId, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (await actors.GetAsync(stixId, cancellationToken).ConfigureAwait(false) is { } same)
        {
            return same.Id;
        }

        foreach (var name in names)
        {
            var found = await actors.FindByNameAsync(name, cancellationToken).ConfigureAwait(false);
            if (externalId is not null && found.FirstOrDefault(a => string.Equals(a.AttackId, externalId, StringComparison.OrdinalIgnoreCase)) is { } byAttackId)
            {
                return byAttackId.Id;
            }

            if (found.Count == 1)
            {
                return found[0].Id;
            }
        }

        return null;
    }
}
