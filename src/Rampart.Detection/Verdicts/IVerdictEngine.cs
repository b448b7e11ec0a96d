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

    /// <summary>
    /// False only when <see cref="CheckAsync"/> of this address — 4 or 16 bytes, written as
    /// <see cref="System.Net.IPAddress.ToString"/> writes it, without a zone — certainly finds no
    /// indicator. A caller with many addresses (every client address of an audit log, half a million
    /// in a big one) asks the full verdict only for those this lets through. Without an index to ask: true.
    /// </summary>
    bool MayMatchAddress(ReadOnlySpan<byte> address) => true;
}
