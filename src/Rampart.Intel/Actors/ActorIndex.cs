using System.Collections.Frozen;
using Rampart.Core.Actors;

namespace Rampart.Intel.Actors;

/// <summary>Actors by every normalized name and by country, built once and read without locks.</summary>
internal sealed class ActorIndex
{
    private readonly IReadOnlyList<Actor> _actors;
    private readonly FrozenDictionary<string, Actor[]> _byName;
    private readonly FrozenDictionary<string, Actor[]> _byCountry;

    public ActorIndex(IReadOnlyList<Actor> actors)
    {
        _actors = actors;

        // Candidates whose own name matches come first: "APT43" lists the APT43 entry before the
        // actors that merely go by that name too.
        _byName = actors
            .SelectMany(a => a.Aliases.Select(alias => (Key: ActorNames.Normalize(alias.Name), Actor: a)))
            .Where(x => x.Key.Length > 0)
            .GroupBy(x => x.Key, x => x.Actor, StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.Distinct().OrderBy(a => ActorNames.Normalize(a.Name) == g.Key ? 0 : 1).ToArray(),
                StringComparer.Ordinal);

        _byCountry = actors
            .Where(a => a.Country is not null)
            .GroupBy(a => a.Country!, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Actor> Find(string nameOrAlias)
    {
        ArgumentNullException.ThrowIfNull(nameOrAlias);
        return _byName.GetValueOrDefault(ActorNames.Normalize(nameOrAlias)) ?? [];
    }

    /// <summary>Every actor when <paramref name="countryCode"/> is null or blank; otherwise those of that code, any case.</summary>
    public IReadOnlyList<Actor> ListByCountry(string? countryCode) =>
        string.IsNullOrWhiteSpace(countryCode)
            ? _actors
            : _byCountry.GetValueOrDefault(countryCode.Trim()) ?? [];
}
