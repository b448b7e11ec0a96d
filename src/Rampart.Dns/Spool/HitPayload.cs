using Rampart.Core.Sinkhole;
using Rampart.Dns.Http;
using Rampart.Dns.Sinkhole;

namespace Rampart.Dns.Spool;

/// <summary>
/// The one record format of the spool: every payload starts with its kind, time, transport, source
/// address and port at the same offsets (<see cref="DnsHitCodec"/>, <see cref="HttpHitCodec"/>); the
/// kind says how the rest reads.
/// </summary>
public static class HitPayload
{
    /// <summary>Reads any hit payload; false when its kind is unknown or it is malformed.</summary>
    public static bool TryDecode(string nodeId, long sequence, ReadOnlySpan<byte> payload, out SinkholeHit? hit)
    {
        hit = null;
        return !payload.IsEmpty && payload[0] switch
        {
            DnsHitCodec.Kind => DnsHitCodec.TryDecode(nodeId, sequence, payload, out hit),
            HttpHitCodec.Kind or HttpHitCodec.KindBeforeSni => HttpHitCodec.TryDecode(nodeId, sequence, payload, out hit),
            _ => false,
        };
    }
}
