using Rampart.Core.Actors;
using Rampart.Core.Auditing;
using Rampart.Core.Indicators;
using Rampart.Intel.Lists;

namespace Rampart.Intel.Import;

/// <summary>
/// Puts parsed list rows into the store as one transaction, resolving actor names through the
/// knowledge base. A row whose actor is unknown or ambiguous is an error like a bad value: the whole
/// file is refused unless the caller skips invalid rows. A value on a warninglist (an allowlisted brand,
/// CDN or popular domain, a private or reserved address) is valid but never indexed: it is left out and
/// reported with its line, as the STIX and MISP imports do. The CLI and the API both import through here.
/// </summary>
public sealed class IndicatorImporter(IIndicatorStore store, IActorStore actors, Warninglists? warninglists = null)
{
    private readonly Warninglists _warninglists = warninglists ?? Warninglists.Default;

    public async Task<ImportOutcome> ImportAsync(
        string fileName,
        IndicatorListReadResult parsed,
        ImportDefaults defaults,
        bool skipInvalid,
        ChangeContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(defaults);
        var errors = new List<IndicatorListError>(parsed.Errors);
        var warned = new List<IndicatorListError>();
        var actorIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var batch = new List<NewIndicator>(parsed.Entries.Count);
        foreach (var entry in parsed.Entries)
        {
            if (_warninglists.Hits(entry.Value, out var reason))
            {
                warned.Add(new IndicatorListError(fileName, entry.Line, "value", $"'{entry.Value.Normalized}' is {reason}: reported, not indexed"));
                continue;
            }

            string? actorId = null;
            var actorName = entry.Actor ?? defaults.Actor;
            if (actorName is not null)
            {
                var resolved = await ResolveActorAsync(actorName, actorIds, cancellationToken);
                if (resolved.Error is not null)
                {
                    errors.Add(new IndicatorListError(fileName, entry.Line, entry.Actor is null ? null : "actor", resolved.Error));
                    continue;
                }

                actorId = resolved.Id;
            }

            batch.Add(new NewIndicator(
                entry.Value,
                entry.Source ?? defaults.Source,
                entry.Confidence ?? defaults.Confidence ?? NewIndicator.DefaultConfidence,
                actorId,
                ValidFrom: null,
                ValidUntil: entry.ValidUntil ?? defaults.ValidUntil,
                Tlp: defaults.Tlp));
        }

        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        if (errors.Count > 0 && !skipInvalid)
        {
            return new ImportOutcome(null, errors, []) { Warned = warned };
        }

        var result = await store.ImportAsync(batch, context, cancellationToken);
        return new ImportOutcome(result, [], errors) { Warned = warned };
    }

    private async Task<(string? Id, string? Error)> ResolveActorAsync(string name, Dictionary<string, string> cache, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(name, out var known))
        {
            return (known, null);
        }

        // Our own CSV export names actors by id, so a re-import must accept ids too.
        if (name.Contains("--", StringComparison.Ordinal) && await actors.GetAsync(name, cancellationToken) is { } byId)
        {
            cache[name] = byId.Id;
            return (byId.Id, null);
        }

        var candidates = await actors.FindByNameAsync(name, cancellationToken);
        switch (candidates.Count)
        {
            case 0:
                return (null, $"unknown actor '{name}' (see `rampart actors list`)");
            case 1:
                cache[name] = candidates[0].Id;
                return (candidates[0].Id, null);
            default:
                return (null, $"actor '{name}' is ambiguous: {string.Join(", ", candidates.Select(a => a.Name))}; use one of those names");
        }
    }
}
