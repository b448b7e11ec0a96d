namespace Rampart.Taxii.Resources;

/// <summary>
/// §4.3.1 "status" resource: what became of an Add Objects request. Rampart imports the envelope
/// before answering, so a status is <c>complete</c> when first returned; it is stored so that a
/// client may fetch it from any server process later.
/// </summary>
public sealed record TaxiiStatus(
    string Id,
    string CollectionId,
    string UserName,
    DateTimeOffset RequestTimestamp,
    IReadOnlyList<TaxiiStatusDetail> Successes,
    IReadOnlyList<TaxiiStatusDetail> Failures,
    IReadOnlyList<TaxiiStatusDetail> Pendings)
{
    public string State => Pendings.Count == 0 ? "complete" : "pending";

    public int TotalCount => Successes.Count + Failures.Count + Pendings.Count;
}
