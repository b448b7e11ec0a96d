using System.Net;
using CsCheck;
using Rampart.Dns.Transfer;
using Rampart.Dns.Wire;

namespace Rampart.Dns.Tests.Transfer;

public sealed class TsigFuzzTests
{
    private static readonly Gen<string> Label = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"], 1, 20];

    private static readonly Gen<string> KeyName = Label.Array[1, 4].Select(labels => string.Join('.', labels));

    private static readonly byte[][] Seeds =
    [
        TransferLab.Request(DnsType.Axfr, TransferLab.Key),
        TransferLab.Request(DnsType.Ixfr, TransferLab.Key, ixfrSerial: 3),
        TransferLab.Request(DnsType.Soa, TransferLab.Key),
    ];

    /// <summary>A signed request with a few bytes overwritten, inserted, removed or cut: mostly almost-valid TSIG records.</summary>
    private static readonly Gen<byte[]> Mutated = PacketMutations.Of(Seeds, maxEdits: 6, tailWindow: 90);

    [Fact]
    public void A_signed_message_reads_back_every_TSIG_field_it_was_signed_with()
    {
        Gen.Select(KeyName, Gen.Long[0, (1L << 48) - 1], Gen.UShort, Gen.Byte.Array[0, 16], Gen.Enum<TsigError>(), Gen.UShort)
            .Sample((name, time, fudge, other, error, id) =>
            {
                var key = new TsigKey(name, new byte[32]);
                var query = QueryBuilder.Query("rpz.rampart", DnsType.Axfr, id: id);

                var signed = Tsig.Sign(query, key, [], timersOnly: false, time, fudge, error, other, out var mac);

                Assert.Equal(TsigParseError.None, TsigRecord.TryRead(signed, out var tsig));
                Assert.Equal((key.Name, "hmac-sha256", time, fudge, id, error, query.Length), (tsig!.KeyName, tsig.Algorithm, tsig.TimeSigned, tsig.Fudge, tsig.OriginalId, tsig.Error, tsig.Offset));
                Assert.Equal(mac, tsig.Mac);
                Assert.Equal(other, tsig.OtherData);
                Assert.Equal(mac, Tsig.RequestMac(signed.AsSpan(0, tsig.Offset), tsig, key));
            });
    }

    [Fact]
    public void Mutated_signed_requests_never_throw_and_never_get_the_zone_unless_the_MAC_still_verifies()
    {
        var responder = new ZoneTransferResponder(TransferLab.Options(), TransferLab.Clock);
        var zone = TransferLab.Zone(2, 2);
        Mutated.Sample(packet =>
        {
            TsigRecord.TryRead(packet, out _);
            var responses = new List<byte[]>();
            var outcome = responder.Respond(packet, IPAddress.Loopback, zone, overTcp: true, responses);
            foreach (var response in responses)
            {
                Assert.Equal(DnsParseError.None, DnsMessage.TryRead(response, out _));
            }

            if (outcome is TransferOutcome.Transferred or TransferOutcome.UpToDate or TransferOutcome.Soa)
            {
                // Only a request the key really signed is served: its MAC verifies over what was received.
                Assert.Equal(TsigParseError.None, TsigRecord.TryRead(packet, out var tsig));
                Assert.True(Tsig.VerifyRequest(packet, tsig!, TransferLab.Key, out _));
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Key_files_of_any_shape_never_throw_and_every_error_names_a_line_and_a_field()
    {
        var token = Gen.OneOf<string>("key", "\"rampart-xfr\"", "{", "}", ";", "algorithm", "hmac-sha256", "hmac-md5", "secret",
            "\"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0\"", "\"not base64!\"", "\"", "\n", " ", "#", "//", "/*", "*/", "\u0000", "\"a\nb\"");
        token.Array[0, 30].Select(parts => string.Concat(parts)).Sample(text =>
        {
            var keys = TsigKeyFile.Parse(text, "k.key", out var errors);
            Assert.True(keys.Count > 0 || errors.Count > 0);
            Assert.All(errors, e => Assert.True(e.Line >= 1 && e.Field.Length > 0, e.ToString()));
        }, iter: 20_000);
    }
}
