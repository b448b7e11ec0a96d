using Rampart.Core.Markings;
using Rampart.Taxii.Collections;

namespace Rampart.Taxii.Objects;

/// <summary>
/// One page to read from a collection: entries with <c>date_added</c> in (<see cref="After"/>,
/// <see cref="Upper"/>], in <c>date_added</c> order, at most <see cref="Limit"/> of them, visible at
/// <see cref="Levels"/>. <see cref="Upper"/> is fixed when a paged read starts, so every page of it
/// reads the same collection, whichever server process answers.
/// </summary>
public sealed record TaxiiRead(
    TaxiiCollection Collection,
    IReadOnlyList<Tlp> Levels,
    TaxiiQuery Query,
    string? ObjectId,
    long After,
    long Upper,
    int Limit);
