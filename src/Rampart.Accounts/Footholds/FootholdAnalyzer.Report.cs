using Rampart.Detection.Verdicts;

namespace Rampart.Accounts.Footholds;

public sealed partial class FootholdAnalyzer
{
    private AccountReport? Report(AccountState state, Dictionary<string, VerdictMatch[]> indicators)
    {
        if (state.Findings.Count == 0 && state.Footholds.Count == 0)
        {
            return null;
        }

        var signals = state.Findings.Where(f => f.OpensWindow).ToList();
        DateTimeOffset? window = signals.Count == 0 ? null : signals.Min(f => f.Evidence.Time ?? DateTimeOffset.MinValue);
        var lastReset = state.Resets.Count == 0 ? (DateTimeOffset?)null : state.Resets.Max(r => r.Evidence.Time ?? DateTimeOffset.MinValue);

        // What the intruder used: addresses in the indicator store, and the address and app
        // of every sign of compromise and of every foothold created in the window.
        var suspicious = new HashSet<(string By, string Value)>();
        foreach (var finding in signals)
        {
            AddUse(suspicious, finding.Evidence, state.Account, window);
        }

        var footholds = new List<Foothold>();
        foreach (var f in state.Footholds.OrderBy(f => f.Created.Time))
        {
            var classification = Classify(f, window, lastReset, suspicious);
            if (classification is not FootholdClassification.PreExistingReview)
            {
                AddUse(suspicious, f.Created, state.Account, window);
                if (f.Draft.AppId is { } app)
                {
                    suspicious.Add(("app", app.ToLowerInvariant()));
                }
            }

            var (command, confirmation) = RemovalCommands.For(f.Draft);
            footholds.Add(new Foothold(f.Draft.Kind, f.Draft.Account, f.Draft.Key, f.Draft.Description, f.Draft.Target, f.Draft.AppId, f.Outside,
                [.. f.Rules.Distinct(StringComparer.Ordinal)], f.Level, classification, f.Created, f.Removed, command, confirmation));
        }

        AddSessions(suspicious, state.Account, indicators);
        var continued = window is not null && lastReset is { } reset ? Continued(state.Account, reset, suspicious, indicators) : [];
        var status = window is null ? AccountStatus.Review : AccountStatus.Compromised;
        var plan = status == AccountStatus.Compromised ? Plan(state, footholds, suspicious) : RemediationPlan.None;
        return new AccountReport(state.Account, status, window, lastReset, [.. state.Actors], footholds, continued,
            [.. state.Resets.Concat(state.Revocations).OrderBy(r => r.Evidence.Time)],
            [.. state.Findings.OrderBy(f => f.Evidence.Time)], Timeline(state, footholds, continued), plan);
    }

    /// <summary>
    /// The address and app of a record the intruder made, when the account first used them in the
    /// compromise window: the victim's own browser and home address, used long before, stay the victim's.
    /// </summary>
    private void AddUse(HashSet<(string By, string Value)> into, Evidence evidence, string account, DateTimeOffset? window)
    {
        if (evidence.ClientIp is { } ip && FirstSeenInWindow(account, "ip", ip, window))
        {
            into.Add(("ip", ip));
        }

        if (evidence.App is { } app && FirstSeenInWindow(account, "app", app.ToLowerInvariant(), window))
        {
            into.Add(("app", app.ToLowerInvariant()));
        }
    }

    private bool FirstSeenInWindow(string account, string by, string value, DateTimeOffset? window) =>
        !_access.TryGet(account.ToLowerInvariant(), by, value, out var tally)
        || window is null
        || (tally.First.Time ?? DateTimeOffset.MinValue) >= window;

    /// <summary>
    /// The intruder's sessions and tokens: those whose first or last record came from an address or app
    /// the intruder used (or an address in the indicator store). A session the intruder signed in with
    /// keeps working after the password changes, from any address, until it is revoked.
    /// </summary>
    private void AddSessions(HashSet<(string By, string Value)> suspicious, string account, Dictionary<string, VerdictMatch[]> indicators)
    {
        bool Intruders(in AccessSighting s) =>
            (s.ClientIp is { } ip && (suspicious.Contains((AccessTallies.ByIp, ip)) || indicators.ContainsKey(ip)))
            || (s.App is { } app && suspicious.Contains((AccessTallies.ByApp, app.ToLowerInvariant())));

        var found = new List<(string, string)>();
        foreach (var tally in SpanningAccessOf(account))
        {
            if (tally.By is AccessTallies.BySession or AccessTallies.ByToken && tally.Value is { } id && (Intruders(tally.First) || Intruders(tally.Last)))
            {
                found.Add((tally.By, id));
            }
        }

        suspicious.UnionWith(found);
    }

    private static FootholdClassification Classify(FootholdState f, DateTimeOffset? window, DateTimeOffset? lastReset, HashSet<(string By, string Value)> suspicious)
    {
        if (f.Removed is not null)
        {
            return FootholdClassification.Removed;
        }

        var created = f.Created.Time ?? DateTimeOffset.MinValue;
        var fromSuspicious = f.Created.ClientIp is { } ip && suspicious.Contains(("ip", ip));
        if (window is null || (created < window && !fromSuspicious))
        {
            return FootholdClassification.PreExistingReview;
        }

        return lastReset is not { } reset ? FootholdClassification.OpenNoReset
            : created < reset ? FootholdClassification.SurvivesReset
            : FootholdClassification.CreatedAfterReset;
    }

    /// <summary>Addresses, apps, sessions and tokens the intruder used before the last reset and still used after it.</summary>
    private List<ContinuedAccess> Continued(string account, DateTimeOffset reset, HashSet<(string By, string Value)> suspicious, Dictionary<string, VerdictMatch[]> indicators)
    {
        var found = new List<ContinuedAccess>();
        foreach (var tally in SpanningAccessOf(account))
        {
            if (tally.First.Ticks >= reset.UtcTicks || tally.Last.Ticks <= reset.UtcTicks || tally.Value is not { } value)
            {
                continue;
            }

            var isIp = tally.By == AccessTallies.ByIp;
            if (!suspicious.Contains((tally.By, value)) && !(isIp && indicators.ContainsKey(value)))
            {
                continue;
            }

            var actor = isIp && indicators.TryGetValue(value, out var matches)
                ? matches.Select(m => m.ActorName ?? m.ActorId).OfType<string>().FirstOrDefault()
                : null;
            found.Add(new ContinuedAccess(tally.By, value, tally.First.Time ?? DateTimeOffset.MinValue, tally.Last.Time ?? DateTimeOffset.MinValue,
                tally.Count, actor, tally.First.Evidence, tally.Last.Evidence));
        }

        found.Sort((a, b) => a.By != b.By ? string.CompareOrdinal(a.By, b.By) : string.CompareOrdinal(a.Value, b.Value));
        return found;
    }

    /// <summary>
    /// Each open foothold in order of creation, then revoke-and-verify, always last. The revocation
    /// counts as done only when it comes after the last removal and the last foothold, and nothing
    /// the intruder used appears after it.
    /// </summary>
    private RemediationPlan Plan(AccountState state, List<Foothold> footholds, HashSet<(string By, string Value)> suspicious)
    {
        var steps = new List<PlanStep>();
        foreach (var f in footholds.Where(f => f.Classification.NeedsRemoval()))
        {
            steps.Add(new PlanStep(steps.Count + 1, $"Remove the {f.Kind.Noun()}: {f.Description}", f.Command, f.Confirmation, false, null, f.Created with { Record = "" }, f.Rules));
        }

        var completed = footholds.Where(f => f.Classification == FootholdClassification.Removed && f.Removed is not null)
            .Select((f, i) => new PlanStep(i + 1, $"Remove the {f.Kind.Noun()}: {f.Description}", f.Command, f.Confirmation, true, f.Removed, f.Created with { Record = "" }, f.Rules))
            .ToList();

        var after = footholds.Select(f => f.Removed?.Time ?? f.Created.Time ?? DateTimeOffset.MinValue).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
        var revocation = state.Revocations.Where(r => r.Evidence.Time > after).OrderBy(r => r.Evidence.Time).FirstOrDefault();
        var quiet = revocation is not null && !suspicious.Any(s =>
            _access.TryGet(state.Account, s.By, s.Value, out var tally) && tally.Last.Time > revocation.Evidence.Time);
        var done = steps.Count == 0 && revocation is not null && quiet;
        var (command, confirmation) = RemovalCommands.Revoke(state.Account);
        steps.Add(new PlanStep(steps.Count + 1, "Revoke every session and refresh token, then verify the revocation comes after the last removal", command, confirmation, done, done ? revocation!.Evidence : null));
        return new RemediationPlan(steps, completed);
    }

    private static List<TimelineEntry> Timeline(AccountState state, List<Foothold> footholds, List<ContinuedAccess> continued)
    {
        var entries = new List<TimelineEntry>();
        foreach (var finding in state.Findings)
        {
            var what = finding.Rule == IndicatorRule ? "compromise" : finding.OpensWindow ? "sign of compromise" : "finding";
            entries.Add(new TimelineEntry(finding.Evidence.Time, what, $"{finding.Title}: {finding.Detail}", finding.Evidence));
        }

        foreach (var f in footholds)
        {
            if (f.Removed is { } removed)
            {
                entries.Add(new TimelineEntry(removed.Time, "removal", $"removed: {f.Description}", removed));
            }
        }

        foreach (var reset in state.Resets)
        {
            entries.Add(new TimelineEntry(reset.Evidence.Time, "reset", reset.Title, reset.Evidence));
        }

        foreach (var revocation in state.Revocations)
        {
            entries.Add(new TimelineEntry(revocation.Evidence.Time, "revocation", revocation.Title, revocation.Evidence));
        }

        foreach (var access in continued)
        {
            entries.Add(new TimelineEntry(access.LastSeen, "continued-access",
                $"{access.Label}: {access.By} {access.Value}, first seen {access.FirstSeen:u}, {access.Events} records", access.Last));
        }

        entries.Sort((a, b) => Nullable.Compare(a.Time, b.Time));
        return entries;
    }
}
