using Rampart.Cases.Pivots;
using Rampart.Core.Auditing;
using Rampart.Core.Cases;
using Rampart.Core.Indicators;

namespace Rampart.Cases.Cases;

/// <summary>
/// The case operations the CLI and the API share: adding domains by hand, from an actor's indicators
/// or from pivot candidates (with their evidence), and pivoting over the imported data.
/// </summary>
public sealed class CaseService(ICaseStore cases, IPivotFactStore facts, IIndicatorStore indicators, EvidenceCollector collector, PivotEngine pivots)
{
    public ICaseStore Cases => cases;

    /// <summary>Adds domains with one reason; unknown case → null. Inputs that are not domains come back as errors and nothing is added.</summary>
    public async Task<AddDomainsOutcome?> AddDomainsAsync(string caseId, IEnumerable<string> inputs, string reason, ChangeContext context, CancellationToken cancellationToken)
    {
        var (domains, errors) = CaseDomainNames.Normalize(inputs);
        if (errors.Count > 0)
        {
            return new AddDomainsOutcome([], errors);
        }

        return await AddAsync(caseId, domains.Select(d => (d, reason, (IReadOnlyList<NewEvidence>)[])).ToList(), context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds every domain indicator attributed to the actor (revoked ones excluded).</summary>
    public async Task<AddDomainsOutcome?> AddActorDomainsAsync(string caseId, string actorId, string actorName, ChangeContext context, CancellationToken cancellationToken)
    {
        var found = new List<(string, string, IReadOnlyList<NewEvidence>)>();
        string? after = null;
        do
        {
            var page = await indicators.ListAsync(new IndicatorQuery(Limit: IndicatorQuery.MaxLimit, After: after, Type: IndicatorType.Domain, ActorId: actorId), cancellationToken).ConfigureAwait(false);
            found.AddRange(page.Items.Select(i => (i.NormalizedValue, $"indicator of {actorName} from {i.Source}", (IReadOnlyList<NewEvidence>)[])));
            after = page.Next;
        }
        while (after is not null);

        return await AddAsync(caseId, found, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Candidates for the case from the imported pivot data; null when no case has that id.</summary>
    public async Task<IReadOnlyList<PivotCandidate>?> PivotAsync(string caseId, IReadOnlyCollection<string>? seeds, CancellationToken cancellationToken)
    {
        var detail = await cases.GetDetailAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (detail is null)
        {
            return null;
        }

        var inCase = detail.Domains.Select(d => d.Domain).ToList();
        return pivots.Pivot(inCase, await facts.ListAsync(cancellationToken).ConfigureAwait(false), seeds);
    }

    /// <summary>Adds candidates; each keeps its shared attributes as its reason and as pivot evidence.</summary>
    public Task<AddDomainsOutcome?> AddCandidatesAsync(string caseId, IReadOnlyList<PivotCandidate> candidates, DateTimeOffset at, ChangeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return AddAsync(caseId, candidates.Select(c => (c.Domain, c.Describe(), (IReadOnlyList<NewEvidence>)[.. c.Reasons.Select(r =>
            new NewEvidence(c.Domain, EvidenceKind.Pivot, at, r.Source, r.Describe()))])).ToList(), context, cancellationToken);
    }

    private async Task<AddDomainsOutcome?> AddAsync(string caseId, IReadOnlyList<(string Domain, string Reason, IReadOnlyList<NewEvidence> Evidence)> domains, ChangeContext context, CancellationToken cancellationToken)
    {
        var existing = await cases.GetDetailAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return null;
        }

        var known = existing.Domains.Select(d => d.Domain).ToHashSet(StringComparer.Ordinal);
        var evidence = new List<NewEvidence>();
        foreach (var (domain, _, extra) in domains.DistinctBy(d => d.Domain, StringComparer.Ordinal))
        {
            if (known.Contains(domain))
            {
                continue;
            }

            evidence.AddRange(extra);
            evidence.AddRange(await collector.CollectAsync(domain, cancellationToken).ConfigureAwait(false));
        }

        var added = await cases.AddDomainsAsync(caseId, [.. domains.Select(d => (d.Domain, d.Reason))], evidence, context, cancellationToken).ConfigureAwait(false);
        return added is null ? null : new AddDomainsOutcome(added, []);
    }
}
