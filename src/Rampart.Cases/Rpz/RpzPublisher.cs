using Rampart.Cases.Cases;
using Rampart.Core.Auditing;
using Rampart.Core.Cases;
using Rampart.Core.Indicators;
using Rampart.Intel.Exports;
using Rampart.Intel.Lifecycle;

namespace Rampart.Cases.Rpz;

/// <summary>
/// Gathers the domains a selection publishes — only from seized or sinkholed cases, or from an
/// indicator set chosen explicitly — and builds the zone with the serial the store gives its content.
/// An indicator set is a way out like any export: each indicator passes the TLP gate at the
/// selection's maximum (RED never) and then the lifecycle gate (only live ones: a resolver must not
/// block what the matching index no longer enforces); both count what they left out.
/// </summary>
public sealed class RpzPublisher(ICaseStore cases, IIndicatorStore indicators, IRpzSerialStore serials, TimeProvider time, IndicatorLifecycle? lifecycle = null)
{
    private readonly IndicatorLifecycle _lifecycle = lifecycle ?? IndicatorLifecycle.Default;

    /// <summary>The zone; throws <see cref="RpzRefusedException"/> when a named case may not be published.</summary>
    public async Task<RpzExport> ExportAsync(RpzSelection selection, RpzZoneOptions options, ChangeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(options);
        var domains = new SortedSet<string>(StringComparer.Ordinal);
        var used = new List<string>();
        foreach (var id in selection.CaseIds)
        {
            var found = await cases.GetAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new RpzRefusedException($"no case {id}");
            if (!CaseStatuses.IsPublishable(found.Status))
            {
                throw new RpzRefusedException($"case {id} is {found.Status.ToWire()}: only seized or sinkholed cases are published");
            }
        }

        var published = await CaseDomainSet.ReadAsync(
            cases, CaseDomainSet.Published, id => selection.AllPublishableCases || selection.CaseIds.Contains(id, StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        used.AddRange(published.CaseIds);
        domains.UnionWith(published.CaseByDomain.Keys);

        var markings = new MarkingGate(selection.IndicatorTlpMax);
        var live = new LifecycleGate(_lifecycle, time.GetUtcNow());
        if (selection.UsesIndicators)
        {
            var set = IndicatorPages.AllAsync(indicators, new IndicatorQuery(Type: IndicatorType.Domain, ActorId: selection.IndicatorActorId, Source: selection.IndicatorSource), cancellationToken);
            await foreach (var indicator in live.PassAsync(markings.PassAsync(set, cancellationToken), cancellationToken).ConfigureAwait(false))
            {
                domains.Add(indicator.NormalizedValue);
            }
        }

        // The digest is of the content alone (serial 0), so the same domains keep their serial.
        var draft = RpzZoneBuilder.Build(options, domains, 0, out var refused);
        var serial = await serials.SerialForAsync(draft.Origin, draft.Digest, context, cancellationToken).ConfigureAwait(false);
        return new RpzExport(RpzZoneBuilder.Build(options, domains, serial, out _), used, domains.Count - refused.Count, refused, markings, live);
    }
}
