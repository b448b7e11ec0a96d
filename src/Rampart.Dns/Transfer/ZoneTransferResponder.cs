using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Rampart.Dns.Wire;

namespace Rampart.Dns.Transfer;

/// <summary>
/// Answers one request to the transfer listener, without sockets: the allow-list first, then TSIG
/// (RFC 8945 §5.2: key, MAC, time, in that order), then SOA, AXFR (RFC 5936) and IXFR (RFC 1995,
/// answered with the whole zone in AXFR form, which §4 allows, or the SOA alone when the client is
/// current). Every answer to a signed request is signed; each message of a transfer chains the
/// previous MAC (RFC 8945 §5.3.1).
/// </summary>
public sealed class ZoneTransferResponder(ZoneTransferOptions options, TimeProvider time)
{
    /// <summary>NOTAUTH (RFC 8945 §5.2: every TSIG failure), not in the sinkhole's rcode list.</summary>
    private const int NotAuth = 9;

    /// <summary>Room kept in each message for the TSIG record (name, algorithm, MAC, fields).</summary>
    private const int TsigRoom = 400;

    private readonly Dictionary<string, TsigKey> _keys = options.Keys.ToDictionary(k => k.Name, StringComparer.Ordinal);

    /// <summary>
    /// Adds the answer's messages (none, one, or a transfer's several) to <paramref name="responses"/>.
    /// <paramref name="overTcp"/>: transfers are refused over UDP, and a UDP IXFR gets the SOA alone.
    /// </summary>
    public TransferOutcome Respond(ReadOnlySpan<byte> request, IPAddress peer, TransferZone? zone, bool overTcp, List<byte[]> responses)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(responses);
        if (!DnsHeader.TryRead(request, out var header) || header.IsResponse)
        {
            return TransferOutcome.Dropped;
        }

        var question = Question(request, header, out var questionName, out var questionType, out var questionClass);
        var answer = new Answer(header, question);
        if (options.AllowFrom.Count > 0 && !Allowed(peer))
        {
            return answer.Error(responses, (int)DnsRcode.Refused, TransferOutcome.RefusedAddress);
        }

        if (TsigRecord.TryRead(request, out var tsig) != TsigParseError.None)
        {
            return answer.Error(responses, (int)DnsRcode.FormErr, TransferOutcome.FormatError, withQuestion: false);
        }

        var now = Tsig.Now(time);
        if (tsig is null)
        {
            if (options.RequireTsig)
            {
                return answer.Error(responses, (int)DnsRcode.Refused, TransferOutcome.RefusedUnsigned);
            }
        }
        else
        {
            var outcome = Verify(request, tsig, now, answer, responses);
            if (outcome is not null)
            {
                return outcome.Value;
            }
        }

        if (header.Opcode != DnsOpcode.Query)
        {
            return answer.Error(responses, (int)DnsRcode.NotImp, TransferOutcome.NotImplemented);
        }

        if (question.Length == 0)
        {
            return answer.Error(responses, (int)DnsRcode.FormErr, TransferOutcome.FormatError, withQuestion: false);
        }

        var transfer = questionType is DnsType.Axfr or DnsType.Ixfr;
        if (questionClass != DnsClass.In)
        {
            return answer.Error(responses, (int)DnsRcode.Refused, TransferOutcome.Refused);
        }

        if (zone is null)
        {
            return answer.Error(responses, (int)DnsRcode.ServFail, TransferOutcome.NotReady);
        }

        if (!Ascii.EqualsIgnoreCase(questionName, zone.Origin))
        {
            return answer.Error(responses, transfer ? NotAuth : (int)DnsRcode.Refused, TransferOutcome.Refused);
        }

        switch (questionType)
        {
            case DnsType.Soa:
                return answer.SoaOnly(responses, zone, TransferOutcome.Soa);
            case DnsType.Axfr when !overTcp:
                return answer.Error(responses, (int)DnsRcode.Refused, TransferOutcome.Refused);
            case DnsType.Axfr:
                return answer.Whole(responses, zone, options.MaxMessageSize);
            case DnsType.Ixfr:
                if (ClientSerial(request) is not { } serial)
                {
                    return answer.Error(responses, (int)DnsRcode.FormErr, TransferOutcome.FormatError);
                }

                // Current, or over UDP where the zone may not fit: the SOA tells the client what to do (RFC 1995 §2).
                return zone.IsUpToDate(serial) || !overTcp
                    ? answer.SoaOnly(responses, zone, zone.IsUpToDate(serial) ? TransferOutcome.UpToDate : TransferOutcome.Soa)
                    : answer.Whole(responses, zone, options.MaxMessageSize);
            default:
                return answer.Error(responses, (int)DnsRcode.Refused, TransferOutcome.Refused);
        }
    }

    private TransferOutcome? Verify(ReadOnlySpan<byte> request, TsigRecord tsig, long now, Answer answer, List<byte[]> responses)
    {
        if (!_keys.TryGetValue(tsig.KeyName, out var key) || tsig.Algorithm != TsigKey.HmacSha256)
        {
            answer.Unsigned(tsig, now, options.Fudge, TsigError.BadKey);
            return answer.Error(responses, NotAuth, TransferOutcome.BadKey);
        }

        if (tsig.Mac.Length < Tsig.MinMacLength || tsig.Mac.Length > Tsig.MacLength)
        {
            return answer.Error(responses, (int)DnsRcode.FormErr, TransferOutcome.FormatError);
        }

        var expected = Tsig.RequestMac(request[..tsig.Offset], tsig, key);
        if (!CryptographicOperations.FixedTimeEquals(expected.AsSpan(0, tsig.Mac.Length), tsig.Mac))
        {
            answer.Unsigned(tsig, now, options.Fudge, TsigError.BadSig);
            return answer.Error(responses, NotAuth, TransferOutcome.BadSig);
        }

        answer.SignWith(key, tsig.Mac, now, options.Fudge);
        if (Math.Abs(now - tsig.TimeSigned) > Math.Min(tsig.Fudge, options.Fudge))
        {
            answer.SignWith(key, tsig.Mac, now, options.Fudge, TsigError.BadTime, Tsig.TimeOtherData(now));
            return answer.Error(responses, NotAuth, TransferOutcome.BadTime);
        }

        if (tsig.Mac.Length < Tsig.MacLength)
        {
            answer.SignWith(key, tsig.Mac, now, options.Fudge, TsigError.BadTrunc);
            return answer.Error(responses, NotAuth, TransferOutcome.BadTrunc);
        }

        return null;
    }

    private bool Allowed(IPAddress peer)
    {
        var address = peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer;
        foreach (var network in options.AllowFrom)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The one question's bytes (empty when there is not exactly one readable question).</summary>
    private static byte[] Question(ReadOnlySpan<byte> request, DnsHeader header, out byte[] name, out ushort type, out ushort @class)
    {
        name = [];
        type = 0;
        @class = 0;
        if (header.QuestionCount != 1 || DnsName.MeasureUncompressed(request, DnsHeader.Size, out var length) != DnsParseError.None
            || DnsHeader.Size + length + 4 > request.Length)
        {
            return [];
        }

        name = request.Slice(DnsHeader.Size, length).ToArray();
        type = BinaryPrimitives.ReadUInt16BigEndian(request[(DnsHeader.Size + length)..]);
        @class = BinaryPrimitives.ReadUInt16BigEndian(request[(DnsHeader.Size + length + 2)..]);
        return request.Slice(DnsHeader.Size, length + 4).ToArray();
    }

    /// <summary>The serial of the SOA an IXFR request carries in its authority section (RFC 1995 §3).</summary>
    private static uint? ClientSerial(ReadOnlySpan<byte> request)
    {
        if (DnsMessage.TryRead(request, out var message) != DnsParseError.None)
        {
            return null;
        }

        var soa = message!.Authority.FirstOrDefault(r => r.Type == DnsType.Soa && r.Data.Length >= 22);
        return soa is null ? null : BinaryPrimitives.ReadUInt32BigEndian(soa.Data.AsSpan(soa.Data.Length - 20));
    }

    /// <summary>The answer being built: header fields echoed, and how to sign it, if at all.</summary>
    private sealed class Answer(DnsHeader request, byte[] question)
    {
        private TsigKey? _key;
        private byte[] _priorMac = [];
        private long _now;
        private ushort _fudge;
        private TsigError _error;
        private byte[] _other = [];
        private TsigRecord? _unsigned;

        public void SignWith(TsigKey key, byte[] requestMac, long now, ushort fudge, TsigError error = TsigError.NoError, byte[]? other = null)
        {
            (_key, _priorMac, _now, _fudge, _error, _other) = (key, requestMac, now, fudge, error, other ?? []);
        }

        public void Unsigned(TsigRecord tsig, long now, ushort fudge, TsigError error)
        {
            (_unsigned, _now, _fudge, _error) = (tsig, now, fudge, error);
        }

        public TransferOutcome Error(List<byte[]> responses, int rcode, TransferOutcome outcome, bool withQuestion = true)
        {
            var message = new TransferMessage(request.Id, Flags(rcode, authoritative: false), withQuestion ? question : []);
            responses.Add(Finish(message.ToArray(), first: true));
            return outcome;
        }

        public TransferOutcome SoaOnly(List<byte[]> responses, TransferZone zone, TransferOutcome outcome)
        {
            var message = new TransferMessage(request.Id, Flags((int)DnsRcode.NoError, authoritative: true), question);
            message.AddAnswer(zone.Soa);
            responses.Add(Finish(message.ToArray(), first: true));
            return outcome;
        }

        /// <summary>SOA, every record, SOA again (RFC 5936 §2.2), in messages of at most <paramref name="maxSize"/> bytes; the question in the first only.</summary>
        public TransferOutcome Whole(List<byte[]> responses, TransferZone zone, int maxSize)
        {
            var flags = Flags((int)DnsRcode.NoError, authoritative: true);
            var message = new TransferMessage(request.Id, flags, question);
            var first = true;
            for (var i = 0; i <= zone.Records.Count; i++)
            {
                var record = i == zone.Records.Count ? zone.Soa : zone.Records[i];
                if (message.AnswerCount > 0 && message.Length + record.WireLength + TsigRoom > maxSize)
                {
                    responses.Add(Finish(message.ToArray(), first));
                    first = false;
                    message = new TransferMessage(request.Id, flags, []);
                }

                message.AddAnswer(record);
            }

            responses.Add(Finish(message.ToArray(), first));
            return TransferOutcome.Transferred;
        }

        private ushort Flags(int rcode, bool authoritative) => (ushort)(DnsHeaderFlags.Response
            | (request.Flags & (DnsHeaderFlags.OpcodeMask | DnsHeaderFlags.RecursionDesired))
            | (authoritative ? DnsHeaderFlags.Authoritative : 0)
            | (rcode & DnsHeaderFlags.RcodeMask));

        private byte[] Finish(byte[] message, bool first)
        {
            if (_unsigned is not null)
            {
                return Tsig.AppendUnsigned(message, _unsigned.KeyNameWire.Select(b => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b).ToArray(), _now, _fudge, _error);
            }

            if (_key is null)
            {
                return message;
            }

            var signed = Tsig.Sign(message, _key, _priorMac, timersOnly: !first, _now, _fudge, first ? _error : TsigError.NoError, first ? _other : [], out var mac);
            _priorMac = mac;
            return signed;
        }
    }
}
