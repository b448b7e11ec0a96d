using System.Runtime.CompilerServices;
using Rampart.Accounts.AuditLogs;
using Rampart.Detection.Verdicts;

namespace Rampart.Accounts.Footholds;

public sealed partial class FootholdAnalyzer
{
    public const string IndicatorRule = "rampart:indicator-address";

    /// <summary>
    /// Classifies what was read. <paramref name="verdicts"/> answers whether an address is in the
    /// indicator store, and whose it is; without it no address counts as one.
    /// </summary>
    public async Task<FootholdAnalysis> AnalyzeAsync(IVerdictEngine? verdicts, CancellationToken cancellationToken)
    {
        // Per account, so each report looks at its own tallies, not at every tally (a million in a big log);
        // and only those seen at two different times, the only ones that can span a reset.
        _accessByAccount = _access.Spanning.GroupBy(t => t.Account, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
        var resolve = AccountResolver();
        var identities = new FootholdIdentities(resolve);
        var states = new Dictionary<string, AccountState>(StringComparer.OrdinalIgnoreCase);
        AccountState State(string account) => states.TryGetValue(account, out var s) ? s : states[account] = new AccountState(account);

        var internalDomains = new HashSet<string>(_options.InternalDomains, StringComparer.OrdinalIgnoreCase);
        foreach (var account in _accounts)
        {
            internalDomains.Add(account[(account.LastIndexOf('@') + 1)..]);
        }

        Replay(identities, resolve, State, internalDomains);
        var indicators = await IndicatorAddressesAsync(verdicts, resolve, State, cancellationToken).ConfigureAwait(false);

        var reports = new List<AccountReport>();
        foreach (var state in states.Values)
        {
            if (Report(state, indicators) is { } report)
            {
                reports.Add(report);
            }
        }

        reports.Sort((a, b) => a.Status != b.Status ? a.Status.CompareTo(b.Status) : string.CompareOrdinal(a.Account, b.Account));
        return new FootholdAnalysis(reports, Events, _accounts.Count, indicators.Count);
    }

    /// <summary>The account's tallies that were seen at two different times or more.</summary>
    private AccessTally[] SpanningAccessOf(string account) =>
        _accessByAccount is not null && _accessByAccount.TryGetValue(account, out var access) ? access : [];

    /// <summary>Mailboxes named by alias in cmdlet parameters (<c>-Identity victim</c>) resolve to the one account with that local part.</summary>
    private Func<string, string> AccountResolver()
    {
        var byLocalPart = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var account in _accounts)
        {
            var local = account[..account.IndexOf('@', StringComparison.Ordinal)];
            byLocalPart[local] = byLocalPart.ContainsKey(local) ? null : account.ToLowerInvariant();
        }

        return name =>
        {
            var trimmed = name.Trim();
            if (trimmed.Contains('@', StringComparison.Ordinal))
            {
                return trimmed.ToLowerInvariant();
            }

            var last = trimmed[(trimmed.LastIndexOf('/') + 1)..];
            return byLocalPart.TryGetValue(last, out var account) && account is not null ? account : trimmed.ToLowerInvariant();
        };
    }

    private void Replay(FootholdIdentities identities, Func<string, string> resolve, Func<string, AccountState> state, HashSet<string> internalDomains)
    {
        _kept.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Sequence.CompareTo(b.Sequence));
        var open = new Dictionary<(FootholdKind, string), FootholdState>();
        foreach (var kept in _kept)
        {
            var e = kept.Event;
            var role = kept.Role;
            var evidence = Evidence.Of(e);
            var level = kept.Rule.Level ?? "medium";
            if (role.Reset is { } reset)
            {
                var subject = resolve(EventFields.TargetUser(e) ?? e.Account ?? "(unknown)");
                var list = reset == ResetKind.SessionsRevoked ? state(subject).Revocations : state(subject).Resets;
                list.Add(new PasswordEvent(reset, kept.Rule.Title, evidence));
            }
            else if (role.Removes is { } removes)
            {
                var draft = identities.Read(removes, e);
                if (open.Remove((removes, draft.Key), out var closed))
                {
                    closed.Removed = evidence;
                    state(closed.Draft.Account).Removals.Add((e.Timestamp, $"removed: {closed.Draft.Description}", evidence));
                }
            }
            else if (role.Creates is { } creates)
            {
                var draft = identities.Read(creates, e);
                if (open.TryGetValue((creates, draft.Key), out var existing))
                {
                    // The same rule changed again (Set-InboxRule), or a second rule on the same record: one foothold.
                    existing.Rules.Add(kept.Rule.Title);
                    existing.Level = Levels.Max(existing.Level, level);
                    continue;
                }

                var outside = draft.Addresses.Any(a => !internalDomains.Contains(a[(a.LastIndexOf('@') + 1)..]));
                if (outside && draft.Kind is FootholdKind.InboxRule or FootholdKind.MailboxForwarding or FootholdKind.TransportRule)
                {
                    level = Levels.Max(level, Levels.High);
                }

                var foothold = new FootholdState(draft, evidence, level, outside);
                foothold.Rules.Add(kept.Rule.Title);
                open[(creates, draft.Key)] = foothold;
                var account = state(draft.Account);
                account.Footholds.Add(foothold);
                var detail = draft.Description + (outside ? " (outside the organization)" : "");
                account.Findings.Add(new Finding(kept.Rule.Id ?? kept.Rule.Title, kept.Rule.Title, level, detail, Levels.OpensWindow(level) || role.CompromiseSignal, evidence));
            }
            else
            {
                var subject = resolve(e.Account ?? "(none)");
                var more = e.Account is { } actor && _repeats.TryGetValue((kept.Rule, actor.ToLowerInvariant()), out var repeated) && repeated.Latest is { } latest
                    ? $"; {repeated.Count} records, the last at {latest.Time:u}{(latest.ClientIp is { } last ? $" from {last}" : "")} ({latest.File}:{latest.Line})"
                    : "";
                state(subject).Findings.Add(new Finding(kept.Rule.Id ?? kept.Rule.Title, kept.Rule.Title, level,
                    $"{e.Operation} by {e.Account}" + (e.ClientIp is { } ip ? $" from {ip}" : "") + more,
                    Levels.OpensWindow(level) || role.CompromiseSignal, evidence));
            }
        }
    }

    /// <summary>
    /// Every address an account used with success, asked once each; a hit is a critical finding that names the actor.
    /// The index is asked first whether it may hold the address (<see cref="IVerdictEngine.MayMatchAddress"/>): a full
    /// verdict for each of half a million addresses cost seconds, and nearly all of them match nothing.
    /// </summary>
    private async Task<Dictionary<string, VerdictMatch[]>> IndicatorAddressesAsync(IVerdictEngine? verdicts, Func<string, string> resolve, Func<string, AccountState> state, CancellationToken cancellationToken)
    {
        var hits = new Dictionary<string, VerdictMatch[]>(StringComparer.Ordinal);
        if (verdicts is null)
        {
            return hits;
        }

        var hitIds = new HashSet<int>();
        foreach (var id in _access.TalliedAddresses())
        {
            if (!MayMatch(verdicts, _access.AddressKey(id)))
            {
                continue;
            }

            var text = _access.AddressText(id);
            var verdict = await verdicts.CheckAsync(text, cancellationToken).ConfigureAwait(false);
            if (verdict.Disposition == Disposition.Malicious && verdict.Matches.Count > 0)
            {
                hits[text] = [.. verdict.Matches];
                hitIds.Add(id);
            }
        }

        if (hitIds.Count == 0)
        {
            return hits;
        }

        foreach (var tally in _access.OfAddresses(hitIds))
        {
            var matches = hits[tally.Value!];
            var account = state(resolve(tally.Account));
            var actors = matches.Select(m => m.ActorName ?? m.ActorId).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
            account.Actors.UnionWith(actors);
            var first = tally.First.Evidence;
            var who = actors.Length > 0 ? $", attributed to {string.Join(", ", actors)}" : "";
            var indicator = matches[0];
            account.Findings.Add(new Finding(IndicatorRule, "Access from an address in the indicator store", Levels.Critical,
                $"{first.Operation} from {tally.Value}, which matches indicator {indicator.Value} ({indicator.How}, source {indicator.Source}, confidence {indicator.Confidence}){who}; {tally.Count} records from it",
                true, first));
        }

        return hits;
    }

    /// <summary>
    /// Whether the full verdict of the address may find an indicator. An address with a zone is asked in full:
    /// its text (<c>fe80::1%3</c>) is not one the value parser takes, and the full verdict says so.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool MayMatch(IVerdictEngine verdicts, ClientAddressKey address)
    {
        if (address.ScopeId != 0)
        {
            return true;
        }

        Span<byte> bytes = stackalloc byte[16];
        var length = address.WriteBytes(bytes);
        return verdicts.MayMatchAddress(bytes[..length]);
    }
}
