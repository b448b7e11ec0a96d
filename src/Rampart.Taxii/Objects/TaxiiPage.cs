namespace Rampart.Taxii.Objects;

/// <summary>A page of entries and whether more follow it.</summary>
public sealed record TaxiiPage(IReadOnlyList<TaxiiEntry> Entries, bool More);
