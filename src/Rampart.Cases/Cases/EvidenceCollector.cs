using System.Globalization;
using Rampart.Core.Actors;
using Rampart.Core.Cases;
using Rampart.Core.Indicators;
using Rampart.Core.Relationships;
using Rampart.Detection.Lookalikes;

namespace Rampart.Cases.Cases;

/// <summary>
/// What the platform already knows about a domain, written down as evidence when the domain joins a
/// case: its indicators (first/last seen, sources), their sightings, the actors they are attributed
/// to, and the lookalike engine's explanation. Captured once, so the appendix does not change when
/// the indicator store does later.
/// </summary>
public sealed class EvidenceCollector(IIndicatorStore indicators, IRelationshipStore relationships, IActorStore actors, LookalikeEngine lookalikes, TimeProvider time)
{
    public async Task<IReadOnlyList<NewEvidence>> CollectAsync(string domain, CancellationToken cancellationToken)
    {
        var evidence = new List<NewEvidence>();
        var page = await indicators.ListAsync(
            new IndicatorQuery(Limit: IndicatorQuery.MaxLimit, Type: IndicatorType.Domain, IncludeRevoked: true, NormalizedValue: domain), cancellationToken).ConfigureAwait(false);
        foreach (var indicator in page.Items)
        {
            evidence.Add(new NewEvidence(domain, EvidenceKind.Indicator, indicator.ValidFrom, indicator.Source,
                $"indicator {indicator.Id} from {indicator.Source}, confidence {indicator.Confidence}{(indicator.Revoked ? ", revoked" : "")}",
                new SeenPeriod(indicator.ValidFrom, indicator.ModifiedAt).ToJson()));
            foreach (var sighting in await relationships.ListSightingsAsync(indicator.Id, cancellationToken).ConfigureAwait(false))
            {
                evidence.Add(new NewEvidence(domain, EvidenceKind.Sighting, sighting.FirstSeen, sighting.Source,
                    string.Create(CultureInfo.InvariantCulture, $"sighted {sighting.Count} times{(sighting.WhereSighted is null ? "" : " by " + sighting.WhereSighted)}"),
                    new SeenPeriod(sighting.FirstSeen, sighting.LastSeen).ToJson()));
            }

            if (indicator.ActorId is { } actorId)
            {
                var actor = await actors.GetAsync(actorId, cancellationToken).ConfigureAwait(false);
                evidence.Add(new NewEvidence(domain, EvidenceKind.Attribution, indicator.ModifiedAt, indicator.Source,
                    $"attributed to {actor?.Name ?? actorId} by {indicator.Source}", actorId));
            }
        }

        var screened = lookalikes.Screen(domain);
        if (screened.IsFlagged)
        {
            evidence.Add(new NewEvidence(domain, EvidenceKind.Lookalike, time.GetUtcNow(), "lookalike engine",
                string.Create(CultureInfo.InvariantCulture, $"{screened.Summary} (score {screened.Score})"),
                string.Join('\n', screened.Findings.Select(f => $"{f.Technique}: {f.Reason}"))));
        }

        return evidence;
    }
}
