using Rampart.Dns.Wire;

namespace Rampart.Dns.Sinkhole;

/// <summary>
/// The sinkhole's whole answering logic, a pure function from query bytes to response bytes: no
/// sockets, no clock, no allocation. There is no recursion or forwarding path: a name outside the
/// zones is refused.
/// </summary>
/// <remarks>
/// NXDOMAIN is never the answer, by design (issue #14: "apex and all subdomains"): every name under
/// a sinkholed apex exists, so whatever name a victim's machine asks for leads it to the sinkhole and
/// shows up as a hit. A type with no data at an existing name is NODATA (NOERROR, the SOA in the
/// authority section); a name outside the zones is REFUSED, since the sinkhole has no authority to
/// say it does not exist.
/// </remarks>
internal static class SinkholeResponder
{
    /// <summary>Classic DNS over UDP without EDNS (RFC 1035 §4.2.1).</summary>
    public const int ClassicUdpSize = 512;

    /// <summary>Largest response written: a TCP message's 16-bit length.</summary>
    public const int MaxMessageSize = ushort.MaxValue;

    /// <summary>
    /// Writes the response to <paramref name="message"/> into <paramref name="response"/> (at least
    /// 512 bytes; 65535 for TCP) and returns its length, or 0 when nothing must be sent.
    /// <paramref name="udpLimit"/> is our largest UDP answer (DNS flag day 2020: 1232), or 0 for TCP.
    /// </summary>
    public static int Respond(ReadOnlySpan<byte> message, Span<byte> response, SinkholeZoneSet zones, int udpLimit, out SinkholeAnswer answer)
    {
        answer = default;
        answer.Status = DnsQueryParser.Parse(message, out answer.Query, out answer.Error);
        ref var query = ref answer.Query;
        switch (answer.Status)
        {
            case DnsQueryStatus.Drop:
                return 0;
            case DnsQueryStatus.NotImplemented:
                return HeaderOnly(response, query, DnsRcode.NotImp, out answer.Rcode);
            case DnsQueryStatus.FormatError:
                return HeaderOnly(response, query, DnsRcode.FormErr, out answer.Rcode);
        }

        var limit = udpLimit == 0
            ? Math.Min(response.Length, MaxMessageSize)
            : Math.Min(response.Length, query.HasEdns ? Math.Clamp((int)query.UdpPayloadSize, ClassicUdpSize, udpLimit) : ClassicUdpSize);
        var writer = new DnsResponseWriter(response[..limit]);
        var question = message.Slice(DnsQuery.QuestionOffset, query.QuestionLength);
        writer.WriteQuestion(question);
        var afterQuestion = writer.Position;
        var flags = (ushort)(DnsHeaderFlags.Response | (query.Flags & (DnsHeaderFlags.RecursionDesired | DnsHeaderFlags.CheckingDisabled)));
        ushort answers = 0, authority = 0;
        DnsRcode rcode;

        if (query.HasEdns && query.EdnsVersion > 0)
        {
            // RFC 6891 §6.1.3: BADVERS with our highest version (0), nothing else.
            rcode = DnsRcode.BadVers;
        }
        else if (query.Class != DnsClass.In)
        {
            rcode = DnsRcode.Refused;
        }
        else if (query.Type is DnsType.Axfr or DnsType.Ixfr)
        {
            // Transfers of sinkholed zones are never served here; RPZ has its own listener.
            rcode = DnsRcode.Refused;
        }
        else if (zones.Find(question[..query.NameLength], out var apexOffset) is not { } zone)
        {
            rcode = DnsRcode.Refused;
        }
        else
        {
            answer.Zone = zone;
            rcode = DnsRcode.NoError;
            flags |= DnsHeaderFlags.Authoritative;
            if (!WriteAnswers(ref writer, zones, zone, query.Type, DnsQuery.QuestionOffset + apexOffset, out answers, out authority))
            {
                // RFC 2181 §9: TC=1 with nothing partial; the client retries over TCP.
                writer.Rewind(afterQuestion);
                answers = 0;
                authority = 0;
                flags |= DnsHeaderFlags.Truncated;
                answer.Truncated = true;
            }
        }

        ushort additional = 0;
        if (query.HasEdns)
        {
            Span<byte> options = stackalloc byte[24];
            var optionsLength = 0;
            if (query.HasClientSubnet && rcode == DnsRcode.NoError)
            {
                // RFC 7871 §7.2.1: echo the option with scope 0, the answer being the same for every client.
                optionsLength = WriteClientSubnet(options, query.ClientSubnet);
            }

            writer.WriteOpt((ushort)udpLimitOrDefault(udpLimit), rcode, query.DnssecOk, options[..optionsLength]);
            additional = 1;
        }

        flags |= (ushort)((ushort)rcode & DnsHeaderFlags.RcodeMask);
        writer.WriteHeader(new DnsHeader(query.Id, flags, 1, answers, authority, additional));
        answer.Rcode = rcode;
        answer.AnswerCount = (byte)Math.Min(answers, (ushort)byte.MaxValue);
        return writer.Length;

        static int udpLimitOrDefault(int udpLimit) => udpLimit == 0 ? 1232 : udpLimit;
    }

    private static bool WriteAnswers(ref DnsResponseWriter writer, SinkholeZoneSet zones, CompiledZone zone, ushort type, int apexOffset, out ushort answers, out ushort authority)
    {
        answers = 0;
        authority = 0;
        var ttl = zones.Settings.Ttl;
        const int owner = DnsQuery.QuestionOffset;
        var atApex = apexOffset == owner;
        if (type is DnsType.A or DnsType.Any)
        {
            for (var i = 0; i < zone.IPv4Count; i++, answers++)
            {
                if (!writer.WriteA(owner, ttl, zone.IPv4.AsSpan(i * 4, 4)))
                {
                    return false;
                }
            }
        }

        if (type is DnsType.Aaaa or DnsType.Any)
        {
            for (var i = 0; i < zone.IPv6Count; i++, answers++)
            {
                if (!writer.WriteAaaa(owner, ttl, zone.IPv6.AsSpan(i * 16, 16)))
                {
                    return false;
                }
            }
        }

        if (atApex && type is DnsType.Soa or DnsType.Any)
        {
            if (!writer.WriteSoa(owner, ttl, zones.Soa))
            {
                return false;
            }

            answers++;
        }

        if (atApex && type is DnsType.Ns or DnsType.Any)
        {
            foreach (var ns in zones.NameServers)
            {
                if (!writer.WriteNs(owner, ttl, ns))
                {
                    return false;
                }

                answers++;
            }
        }

        if (answers == 0)
        {
            // NODATA: the SOA in the authority section lets resolvers cache the absence (RFC 2308 §2.2).
            if (!writer.WriteSoa(apexOffset, Math.Min(ttl, zones.Soa.Minimum), zones.Soa))
            {
                return false;
            }

            authority = 1;
        }

        return true;
    }

    private static int WriteClientSubnet(Span<byte> options, in ClientSubnet subnet)
    {
        options[0] = 0;
        options[1] = (byte)ClientSubnet.OptionCode;
        options[2] = 0;
        options[3] = (byte)(4 + subnet.AddressLength);
        options[4] = (byte)(subnet.Family >> 8);
        options[5] = (byte)subnet.Family;
        options[6] = subnet.SourcePrefixLength;
        options[7] = 0;
        return 8 + subnet.CopyAddressTo(options[8..]);
    }

    private static int HeaderOnly(Span<byte> response, in DnsQuery query, DnsRcode rcode, out DnsRcode written)
    {
        written = rcode;
        var flags = (ushort)(DnsHeaderFlags.Response | (query.Flags & (DnsHeaderFlags.OpcodeMask | DnsHeaderFlags.RecursionDesired)) | (ushort)rcode);
        new DnsHeader(query.Id, flags, 0, 0, 0, 0).Write(response);
        return DnsHeader.Size;
    }
}
