using Rampart.Core.Actors;
using Rampart.Core.Cases;
using Rampart.Core.Markings;
using Rampart.Taxii;
using Rampart.Taxii.Collections;

namespace Rampart.Server.Taxii;

/// <summary>
/// Turns what an admin asks for (API or CLI) into a collection definition: the kind and its argument
/// checked against the store (an actor by any alias, an existing case, a TLP level), the ceiling
/// parsed. One place, so both ways in give the same errors.
/// </summary>
public sealed class TaxiiCollectionDefinitions(IActorStore actors, ICaseStore cases, ITaxiiStore taxii)
{
    public const string Kinds = "all, indicators, actor, tlp, inbox, case";

    /// <summary>The definition, or the error naming the field that is wrong.</summary>
    public async Task<(TaxiiCollection? Collection, string? Error)> DefineAsync(
        string? title, string? description, string? alias, string? kind, string? argument, string? ceiling, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return (null, "title: required");
        }

        if (!Enum.TryParse<TaxiiCollectionKind>(kind, ignoreCase: true, out var parsedKind) || !Enum.IsDefined(parsedKind) || int.TryParse(kind, out _))
        {
            return (null, $"kind: '{kind}' is not one of {Kinds}");
        }

        alias = string.IsNullOrWhiteSpace(alias) ? null : alias.Trim();
        if (alias is not null && (await taxii.ListCollectionsAsync(cancellationToken).ConfigureAwait(false)).Any(c => string.Equals(c.Alias, alias, StringComparison.OrdinalIgnoreCase)))
        {
            return (null, $"alias: '{alias}' is already the alias of another collection");
        }

        var top = Tlp.AmberStrict;
        if (ceiling is not null)
        {
            if (!TlpLevels.TryParse(ceiling, out var parsed) || parsed == Tlp.Red)
            {
                return (null, $"ceiling: '{ceiling}' is not clear, green, amber or amber+strict (RED never leaves)");
            }

            top = parsed.Value;
        }

        switch (parsedKind)
        {
            case TaxiiCollectionKind.Actor:
                var found = await actors.FindByNameAsync(argument ?? "", cancellationToken).ConfigureAwait(false);
                if (found.Count != 1)
                {
                    return (null, found.Count == 0 ? $"argument: unknown actor '{argument}'" : $"argument: actor '{argument}' is ambiguous: {string.Join(", ", found.Select(a => a.Name))}");
                }

                argument = found[0].Id;
                break;
            case TaxiiCollectionKind.Tlp:
                if (!TlpLevels.TryParse(argument, out var level) || level == Tlp.Red)
                {
                    return (null, $"argument: '{argument}' is not a TLP level (clear, green, amber, amber+strict)");
                }

                argument = level.Value.ToWire();
                break;
            case TaxiiCollectionKind.Case:
                var takedown = string.IsNullOrWhiteSpace(argument) ? null : await cases.GetAsync(argument.Trim(), cancellationToken).ConfigureAwait(false);
                if (takedown is null)
                {
                    return (null, $"argument: no case '{argument}' (a case id, case--…, as `rampart case list` shows)");
                }

                argument = takedown.Id;
                description ??= $"The infrastructure of takedown case \"{takedown.Name}\": its domains' indicators.";
                break;
            case TaxiiCollectionKind.All:
            case TaxiiCollectionKind.Indicators:
            case TaxiiCollectionKind.Inbox:
                argument = null;
                break;
        }

        return (new TaxiiCollection(Guid.NewGuid().ToString(), title.Trim(), description, alias, parsedKind, argument, top), null);
    }

    /// <summary>A grant (clearance GREEN unless named), or the error naming the field that is wrong.</summary>
    public static (TaxiiGrant? Grant, string? Error) Grant(string collectionId, string? grantee, bool canRead, bool canWrite, string? clearance)
    {
        if (string.IsNullOrWhiteSpace(grantee))
        {
            return (null, "grantee: a user name, or * for every user");
        }

        var level = Tlp.Green;
        if (clearance is not null)
        {
            if (!TlpLevels.TryParse(clearance, out var parsed))
            {
                return (null, $"clearance: '{clearance}' is not a TLP level (clear, green, amber, amber+strict, red)");
            }

            level = parsed.Value;
        }

        return (new TaxiiGrant(collectionId, grantee.Trim(), canRead, canWrite, level), null);
    }
}
