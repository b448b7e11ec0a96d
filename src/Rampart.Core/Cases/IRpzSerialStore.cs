using Rampart.Core.Auditing;

namespace Rampart.Core.Cases;

/// <summary>
/// The SOA serial of each published RPZ zone. A zone whose content digest changed gets the next
/// serial (audited); the same content keeps its serial, so re-exporting changes nothing downstream.
/// </summary>
public interface IRpzSerialStore
{
    /// <summary>The serial for this content of the zone: the stored one when the digest is unchanged, else the next.</summary>
    Task<long> SerialForAsync(string origin, string digest, ChangeContext context, CancellationToken cancellationToken);
}
