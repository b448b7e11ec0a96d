namespace Rampart.Detection.Verdicts;

/// <summary>
/// Answers "is this dangerous?" for URLs, domains, IPs, e-mail addresses and hashes. The CLI's
/// <c>check</c>, the verdicts API and every later consumer go through this one interface.
/// Asynchronous because an index hit is confirmed against the store (misses, the common case, complete synchronously).
/// </summary>
public interface IVerdictEngine
{
    /// <summary>The store revision of the indicators currently enforced.</summary>
    long Revision { get; }

    ValueTask<Verdict> CheckAsync(string value, CancellationToken cancellationToken);
}
