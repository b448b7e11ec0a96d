namespace Rampart.Taxii.Client;

/// <summary>
/// One remote collection's pull history: the <c>date_added</c> of the last object taken (the next pull's
/// <c>added_after</c>), when it last ran, what it fetched and imported, and its last error.
/// </summary>
/// <param name="Source">The collection's objects URL: what identifies it.</param>
/// <param name="AddedAfter">The remote server's own timestamp text, sent back unchanged.</param>
public sealed record TaxiiPullState(
    string Source,
    string? AddedAfter,
    DateTimeOffset LastRun,
    long Fetched,
    long Imported,
    string? LastError);
