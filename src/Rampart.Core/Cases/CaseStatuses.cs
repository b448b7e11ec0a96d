namespace Rampart.Core.Cases;

/// <summary>The status workflow and how statuses are spelled (CLI, API, store, appendix).</summary>
public static class CaseStatuses
{
    /// <summary>Every status in workflow order.</summary>
    public static IReadOnlyList<CaseStatus> All { get; } =
        [CaseStatus.Draft, CaseStatus.Filed, CaseStatus.Granted, CaseStatus.Seized, CaseStatus.Sinkholed, CaseStatus.Released];

    /// <summary>
    /// The only moves: draft → filed → granted → seized → sinkholed → released, one step at a time.
    /// A court order cannot be skipped, and nothing goes back: a released case is a new case.
    /// </summary>
    public static bool CanMove(CaseStatus from, CaseStatus to) => (from, to) switch
    {
        (CaseStatus.Draft, CaseStatus.Filed) => true,
        (CaseStatus.Filed, CaseStatus.Granted) => true,
        (CaseStatus.Granted, CaseStatus.Seized) => true,
        (CaseStatus.Seized, CaseStatus.Sinkholed) => true,
        (CaseStatus.Sinkholed, CaseStatus.Released) => true,
        _ => false,
    };

    /// <summary>The status a case may move to next, or null after release.</summary>
    public static CaseStatus? Next(CaseStatus from)
    {
        foreach (var to in All)
        {
            if (CanMove(from, to))
            {
                return to;
            }
        }

        return null;
    }

    /// <summary>True for the statuses whose domains may leave the platform (RPZ, sinkhole): seized and sinkholed.</summary>
    public static bool IsPublishable(CaseStatus status) => status is CaseStatus.Seized or CaseStatus.Sinkholed;

    public static string ToWire(this CaseStatus status) => status switch
    {
        CaseStatus.Draft => "draft",
        CaseStatus.Filed => "filed",
        CaseStatus.Granted => "granted",
        CaseStatus.Seized => "seized",
        CaseStatus.Sinkholed => "sinkholed",
        CaseStatus.Released => "released",
    };

    public static bool TryParse(string? text, out CaseStatus status)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToWire(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = CaseStatus.Draft;
        return false;
    }
}
