using Rampart.Core.Markings;

namespace Rampart.Taxii.Collections;

/// <summary>
/// A collection's definition (§5.2 "collection" resource, plus what it is made from). Every object it
/// serves passes <see cref="Ceiling"/>: nothing above it leaves through this collection, and TLP:RED never does.
/// </summary>
/// <param name="Id">A UUID, as the specification asks of collection ids.</param>
/// <param name="Argument">The actor id for <see cref="TaxiiCollectionKind.Actor"/>, the TLP level for <see cref="TaxiiCollectionKind.Tlp"/>, the case id for <see cref="TaxiiCollectionKind.Case"/>.</param>
public sealed record TaxiiCollection(
    string Id,
    string Title,
    string? Description,
    string? Alias,
    TaxiiCollectionKind Kind,
    string? Argument,
    Tlp Ceiling)
{
    /// <summary>Only inboxes take objects; the others are views of what Rampart already holds.</summary>
    public bool Writable => Kind == TaxiiCollectionKind.Inbox;

    /// <summary>The TLP levels an object (or an unmarked one, CLEAR) may carry to be served here to someone cleared for <paramref name="clearance"/>.</summary>
    public IReadOnlyList<Tlp> VisibleLevels(Tlp clearance)
    {
        var ceiling = (Tlp)Math.Min((int)Ceiling, (int)clearance);
        if (Kind == TaxiiCollectionKind.Tlp && TlpLevels.TryParse(Argument, out var level))
        {
            ceiling = (Tlp)Math.Min((int)ceiling, (int)level.Value);
        }

        return Enum.GetValues<Tlp>().Where(t => TlpLevels.MayLeave(t, ceiling)).ToArray();
    }
}
