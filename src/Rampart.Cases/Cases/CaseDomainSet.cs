using Rampart.Core.Cases;

namespace Rampart.Cases.Cases;

/// <summary>
/// The domains of the cases in some statuses, each with the case that holds it: the one way cases
/// become a domain set, for RPZ (seized and sinkholed cases) and the sinkhole (sinkholed cases).
/// A domain in two cases belongs to the first by case id, so every reader attributes it alike.
/// </summary>
/// <param name="CaseIds">The cases used, by id.</param>
/// <param name="CaseByDomain">Every domain (lowercase ASCII, no trailing dot) and its case, in ordinal order.</param>
public sealed record CaseDomainSet(IReadOnlyList<string> CaseIds, IReadOnlyDictionary<string, string> CaseByDomain)
{
    /// <summary>What RPZ publishes: the statuses whose domains may leave the platform.</summary>
    public static IReadOnlyCollection<CaseStatus> Published { get; } = [.. CaseStatuses.All.Where(CaseStatuses.IsPublishable)];

    /// <summary>What the sinkhole answers for: cases whose domains point at it.</summary>
    public static IReadOnlyCollection<CaseStatus> Sinkholed { get; } = [CaseStatus.Sinkholed];

    /// <summary>Reads the set; <paramref name="include"/> narrows it to some case ids (null: all of them).</summary>
    public static async Task<CaseDomainSet> ReadAsync(ICaseStore cases, IReadOnlyCollection<CaseStatus> statuses, Func<string, bool>? include, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(statuses);
        var used = new List<string>();
        var byDomain = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var listed = (await cases.ListAsync(statuses, cancellationToken).ConfigureAwait(false))
            .Where(c => include is null || include(c.Id))
            .OrderBy(c => c.Id, StringComparer.Ordinal);
        foreach (var found in listed)
        {
            // Read again: a case released a moment ago is left out.
            var detail = await cases.GetDetailAsync(found.Id, cancellationToken).ConfigureAwait(false);
            if (detail is null || !statuses.Contains(detail.Case.Status))
            {
                continue;
            }

            used.Add(found.Id);
            foreach (var domain in detail.Domains)
            {
                byDomain.TryAdd(domain.Domain, found.Id);
            }
        }

        return new CaseDomainSet(used, byDomain);
    }
}
