using Rampart.Core.Actors;
using Rampart.Core.Auditing;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Intel.Import;

namespace Rampart.Intel.Misp;

/// <summary>
/// Turns MISP events into indicators, written as one transaction: attributes with <c>to_ids</c> of a
/// mapped type (<see cref="MispTypes"/>), not deleted. The strictest <c>tlp:*</c> tag of the attribute
/// and its event marks each indicator; a <c>misp-galaxy:threat-actor="…"</c> tag names the actor,
/// resolved through the knowledge base by explicit name only; each false-positive sighting lowers
/// confidence by <see cref="FalsePositivePenalty"/>. Bad attributes are reported and skipped.
/// </summary>
/// <remarks>Values on a warninglist (<see cref="Warninglists"/>) are reported with their location and not indexed.</remarks>
public sealed class MispImporter(IIndicatorStore store, IActorStore actors, Warninglists? warninglists = null)
{
    private readonly Warninglists _warninglists = warninglists ?? Warninglists.Default;

    /// <summary>MISP's default when nothing says otherwise: STIX's "medium".</summary>
    public const int DefaultConfidence = NewIndicator.DefaultConfidence;

    /// <summary>Confidence lost per false-positive sighting: two reports halve a default indicator's standing.</summary>
    public const int FalsePositivePenalty = 25;

    private const string ThreatActorTag = "misp-galaxy:threat-actor=";

    public async Task<MispImportReport> ImportAsync(IReadOnlyList<MispEvent> events, string source, IReadOnlyList<MispProblem> readProblems, ChangeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(readProblems);
        var problems = new List<MispProblem>(readProblems);
        var batch = new List<NewIndicator>();
        var actorIds = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        int attributes = 0, notIds = 0, deleted = 0, unmapped = 0, warned = 0;
        foreach (var mispEvent in events)
        {
            var eventTlp = Strictest(mispEvent.Tags);
            var eventActor = await ActorAsync(mispEvent.Tags, mispEvent.File, 1, actorIds, problems, cancellationToken).ConfigureAwait(false);
            foreach (var attribute in mispEvent.Attributes)
            {
                attributes++;
                if (attribute.Deleted)
                {
                    deleted++;
                    continue;
                }

                if (!attribute.ToIds)
                {
                    notIds++;
                    continue;
                }

                if (!MispTypes.IsMapped(attribute.Type))
                {
                    unmapped++;
                    continue;
                }

                var values = MispTypes.ToValues(attribute.Type, attribute.Value, out var error);
                if (error is not null)
                {
                    problems.Add(new MispProblem(mispEvent.File, attribute.Line, attribute.Field + ".value", error));
                    continue;
                }

                var actorId = await ActorAsync(attribute.Tags, mispEvent.File, attribute.Line, actorIds, problems, cancellationToken).ConfigureAwait(false) ?? eventActor;
                var tlp = TlpLevels.Strictest(eventTlp, Strictest(attribute.Tags));
                var confidence = Math.Max(0, DefaultConfidence - (attribute.FalsePositives * FalsePositivePenalty));
                var validFrom = attribute.Timestamp ?? mispEvent.Timestamp;
                foreach (var value in values)
                {
                    if (_warninglists.Hits(value, out var reason))
                    {
                        warned++;
                        problems.Add(new MispProblem(mispEvent.File, attribute.Line, attribute.Field + ".value", $"'{value.Normalized}' is {reason}: reported, not indexed"));
                        continue;
                    }

                    batch.Add(new NewIndicator(value, source, confidence, actorId, validFrom, null, tlp));
                }
            }
        }

        var result = batch.Count == 0 ? null : await store.ImportAsync(batch, context, cancellationToken).ConfigureAwait(false);
        return new MispImportReport(events.Count, attributes, batch.Count, notIds, deleted, unmapped, warned, result, problems);
    }

    private static Tlp? Strictest(IReadOnlyList<string> tags)
    {
        Tlp? strictest = null;
        foreach (var tag in tags)
        {
            if (tag.StartsWith("tlp:", StringComparison.OrdinalIgnoreCase) && TlpLevels.TryParse(tag, out var tlp))
            {
                strictest = TlpLevels.Strictest(strictest, tlp);
            }
        }

        return strictest;
    }

    /// <summary>The actor a <c>misp-galaxy:threat-actor="…"</c> tag names, when the knowledge base knows exactly one by that name.</summary>
    private async Task<string?> ActorAsync(IReadOnlyList<string> tags, string file, int line, Dictionary<string, string?> cache, List<MispProblem> problems, CancellationToken cancellationToken)
    {
        foreach (var tag in tags)
        {
            if (!tag.StartsWith(ThreatActorTag, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = tag[ThreatActorTag.Length..].Trim().Trim('"');
            if (!cache.TryGetValue(name, out var id))
            {
                var found = await actors.FindByNameAsync(name, cancellationToken).ConfigureAwait(false);
                id = found.Count == 1 ? found[0].Id : null;
                cache[name] = id;
                if (id is null)
                {
                    problems.Add(new MispProblem(file, line, "Tag", found.Count == 0 ? $"unknown actor '{name}': indicators imported without one" : $"actor '{name}' is ambiguous: indicators imported without one", Skipped: false));
                }
            }

            if (id is not null)
            {
                return id;
            }
        }

        return null;
    }
}
