namespace Rampart.Taxii.Objects;

/// <summary>
/// A stored paging position, what a <c>next</c> value names (§3.4 "Filtering": "next ... an opaque
/// value"): which endpoint and filters it belongs to, who may use it, where the last page ended and
/// the upper bound the paged read started with. Each page stores a new cursor, so a client that
/// repeats a request (a retry) gets the same page again.
/// </summary>
public sealed record TaxiiCursor(
    string Id,
    string CollectionId,
    string Endpoint,
    string? ObjectId,
    string UserName,
    string Fingerprint,
    long After,
    long Upper,
    DateTimeOffset ExpiresAt);
