using System.Text.Json;
using Rampart.Core.Actors;
using Rampart.Core.Indicators;
using Rampart.Core.Markings;
using Rampart.Core.Stix;
using Rampart.Intel.Exports;

namespace Rampart.Intel.Stix;

/// <summary>
/// Exports a selection as one STIX 2.1 bundle: stored STIX objects as they came in (newest version),
/// indicators from lists as indicator objects, and the marking definitions and identities the
/// written objects point to. "An actor and everything related" is the actor's intrusion sets and
/// threat actors, every relationship touching them and the objects at their other end, and the
/// actor's indicators. Every object passes the <see cref="MarkingGate"/>.
/// </summary>
public sealed class StixExporter(IStixStore stix, IIndicatorStore indicators, IActorStore actors)
{
    public async Task<StixExportReport> ExportAsync(StixExportRequest request, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var gate = new MarkingGate(request.Maximum);
        await using var writer = new StixBundleWriter(output, "bundle--" + Guid.NewGuid());
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        var usedTlp = new HashSet<Tlp>();

        Actor? actor = null;
        if (request.Actor is not null)
        {
            actor = await FindActorAsync(request.Actor, cancellationToken).ConfigureAwait(false);
            await WriteActorGraphAsync(actor, request, writer, gate, referenced, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await foreach (var item in stix.StreamAsync(new StixSelection(ModifiedFrom: request.From, ModifiedUntil: request.Until), cancellationToken).ConfigureAwait(false))
            {
                await WriteStoredAsync(item, writer, gate, referenced, cancellationToken).ConfigureAwait(false);
            }
        }

        await WriteListIndicatorsAsync(actor, request, writer, gate, usedTlp, cancellationToken).ConfigureAwait(false);

        // Markings and identities the written objects point to, so the bundle stands on its own.
        var missing = referenced.Where(id => !writer.Contains(id) && (id.StartsWith("marking-definition--", StringComparison.Ordinal) || id.StartsWith("identity--", StringComparison.Ordinal))).ToList();
        await foreach (var item in stix.StreamAsync(new StixSelection(Ids: missing), cancellationToken).ConfigureAwait(false))
        {
            await WriteStoredAsync(item, writer, gate, referenced, cancellationToken).ConfigureAwait(false);
        }

        foreach (var id in missing.Where(id => !writer.Contains(id)))
        {
            if (TlpLevels.FromStixMarkingId(id) is { } tlp)
            {
                usedTlp.Add(tlp);
            }
        }

        foreach (var tlp in usedTlp.Order())
        {
            if (!writer.Contains(tlp.ToStixMarkingId()))
            {
                await writer.WriteAsync(tlp.ToStixMarkingId(), StixObjectJson.TlpMarking(tlp), cancellationToken).ConfigureAwait(false);
            }
        }

        await writer.EndAsync(cancellationToken).ConfigureAwait(false);
        return new StixExportReport(writer.Count, gate);
    }

    private async Task<Actor> FindActorAsync(string name, CancellationToken cancellationToken)
    {
        var found = await actors.FindByNameAsync(name, cancellationToken).ConfigureAwait(false);
        return found.Count switch
        {
            1 => found[0],
            0 => throw new ArgumentException($"no actor is named '{name}'", nameof(name)),
            _ => throw new ArgumentException($"'{name}' names several actors: {string.Join(", ", found.Select(a => a.Name))}", nameof(name)),
        };
    }

    private async Task WriteActorGraphAsync(Actor actor, StixExportRequest request, StixBundleWriter writer, MarkingGate gate, HashSet<string> referenced, CancellationToken cancellationToken)
    {
        var seeds = new Dictionary<string, StoredStixObject>(StringComparer.Ordinal);
        var names = actor.Aliases.Select(a => a.Name).Append(actor.Name).Append(actor.AttackId).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            foreach (var type in (string[])["intrusion-set", "threat-actor"])
            {
                foreach (var item in await stix.FindAsync(type, name, cancellationToken).ConfigureAwait(false))
                {
                    seeds.TryAdd(item.Id, item);
                }
            }
        }

        foreach (var item in stix.StreamAsync(new StixSelection(Ids: [actor.Id]), cancellationToken).ToBlockingEnumerable(cancellationToken))
        {
            seeds.TryAdd(item.Id, item);
        }

        var related = new HashSet<string>(StringComparer.Ordinal);
        foreach (var seed in seeds.Values)
        {
            await WriteStoredAsync(seed, writer, gate, referenced, cancellationToken).ConfigureAwait(false);
        }

        var seedIds = seeds.Keys.Append(actor.Id).ToList();
        foreach (var relationship in await stix.RelationshipsOfAsync(seedIds, cancellationToken).ConfigureAwait(false))
        {
            if (InRange(relationship.Modified, request) && await WriteStoredAsync(relationship, writer, gate, referenced, cancellationToken).ConfigureAwait(false))
            {
                related.Add(relationship.SourceRef!);
                related.Add(relationship.TargetRef!);
            }
        }

        related.ExceptWith(seedIds);
        await foreach (var item in stix.StreamAsync(new StixSelection(Ids: related.ToList()), cancellationToken).ConfigureAwait(false))
        {
            if (InRange(item.Modified, request))
            {
                await WriteStoredAsync(item, writer, gate, referenced, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool InRange(DateTimeOffset? modified, StixExportRequest request) =>
        (request.From is null || (modified is not null && modified >= request.From)) && (request.Until is null || (modified is not null && modified < request.Until));

    private static async Task<bool> WriteStoredAsync(StoredStixObject item, StixBundleWriter writer, MarkingGate gate, HashSet<string> referenced, CancellationToken cancellationToken)
    {
        if (writer.Contains(item.Id) || !gate.Allows(item.Tlp))
        {
            return false;
        }

        await writer.WriteAsync(item.Id, item.Json, cancellationToken).ConfigureAwait(false);
        CollectReferences(item.Json, referenced);
        return true;
    }

    /// <summary>created_by_ref and marking refs only: those are what a receiver needs to read the object.</summary>
    private static void CollectReferences(string json, HashSet<string> referenced)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("created_by_ref", out var createdBy) && createdBy.ValueKind == JsonValueKind.String)
        {
            referenced.Add(createdBy.GetString()!);
        }

        if (root.TryGetProperty("object_marking_refs", out var markings) && markings.ValueKind == JsonValueKind.Array)
        {
            foreach (var marking in markings.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String))
            {
                referenced.Add(marking.GetString()!);
            }
        }
    }

    private async Task WriteListIndicatorsAsync(Actor? actor, StixExportRequest request, StixBundleWriter writer, MarkingGate gate, HashSet<Tlp> usedTlp, CancellationToken cancellationToken)
    {
        string? after = null;
        do
        {
            var page = await indicators.ListAsync(new IndicatorQuery(IndicatorQuery.MaxLimit, after, ActorId: actor?.Id), cancellationToken).ConfigureAwait(false);
            foreach (var indicator in page.Items)
            {
                // Indicators derived from STIX objects go out as those objects, exactly as they came.
                if (indicator.StixRef is not null || !InRange(indicator.ModifiedAt, request) || !gate.Allows(indicator.Tlp))
                {
                    continue;
                }

                await writer.WriteAsync(StixObjectJson.StixIdOf(indicator), StixObjectJson.Indicator(indicator), cancellationToken).ConfigureAwait(false);
                if (indicator.Tlp is { } tlp)
                {
                    usedTlp.Add(tlp);
                }

                if (indicator.ActorId is { } actorId && actorId.StartsWith("intrusion-set--", StringComparison.Ordinal) && (actor is null || writer.Contains(actorId)))
                {
                    var (id, json) = StixObjectJson.Indicates(indicator, actorId, indicator.CreatedAt);
                    await writer.WriteAsync(id, json, cancellationToken).ConfigureAwait(false);
                }
            }

            after = page.Next;
        }
        while (after is not null);
    }
}
