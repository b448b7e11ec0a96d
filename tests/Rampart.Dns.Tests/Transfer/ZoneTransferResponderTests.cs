using System.Net;
using Rampart.Dns.Transfer;
using Rampart.Dns.Wire;

namespace Rampart.Dns.Tests.Transfer;

public sealed class ZoneTransferResponderTests
{
    private const int NotAuth = 9;

    [Fact]
    public void A_signed_AXFR_gets_every_record_between_two_SOAs_in_several_messages_whose_MACs_chain_from_the_request()
    {
        var zone = TransferLab.Zone(7, 200);
        var request = TransferLab.Request(DnsType.Axfr, TransferLab.Key);

        var (outcome, responses) = TransferLab.Ask(request, zone: zone);

        Assert.Equal(TransferOutcome.Transferred, outcome);
        Assert.True(responses.Count > 1, "a 4 KB message limit splits 402 records");
        var answers = responses.SelectMany(r => { Assert.Equal(DnsParseError.None, DnsMessage.TryRead(r, out var m)); return m!.Answers; }).ToList();
        Assert.Equal(zone.Records.Count + 1, answers.Count);
        Assert.Equal(DnsType.Soa, answers[0].Type);
        Assert.Equal(DnsType.Soa, answers[^1].Type);
        Assert.Equal(zone.Records.Skip(1).Select(r => DnsName.ToText(r.Owner)), answers.Skip(1).SkipLast(1).Select(a => a.Owner));
        Assert.True(TransferLab.ChainVerifies(request, responses, TransferLab.Key));
        Assert.False(TransferLab.ChainVerifies(request, responses, TransferLab.OtherSecret));
    }

    [Fact]
    public void An_unsigned_request_is_refused_when_TSIG_is_required_and_carries_no_record()
    {
        var (outcome, responses) = TransferLab.Ask(TransferLab.Request(DnsType.Axfr));

        Assert.Equal(TransferOutcome.RefusedUnsigned, outcome);
        Assert.Equal((int)DnsRcode.Refused, TransferLab.Rcode(Assert.Single(responses)));
        Assert.Equal(DnsParseError.None, DnsMessage.TryRead(responses[0], out var message));
        Assert.Empty(message!.Answers);
    }

    [Fact]
    public void A_request_signed_with_another_secret_is_NOTAUTH_with_BADSIG_and_no_MAC()
    {
        var (outcome, responses) = TransferLab.Ask(TransferLab.Request(DnsType.Axfr, TransferLab.OtherSecret));

        Assert.Equal(TransferOutcome.BadSig, outcome);
        var response = Assert.Single(responses);
        Assert.Equal(NotAuth, TransferLab.Rcode(response));
        Assert.Equal(TsigParseError.None, TsigRecord.TryRead(response, out var tsig));
        Assert.Equal(TsigError.BadSig, tsig!.Error);
        Assert.Empty(tsig.Mac);
    }

    [Fact]
    public void A_request_signed_with_a_key_name_not_configured_is_NOTAUTH_with_BADKEY()
    {
        var stranger = new TsigKey("someone-else", new byte[32]);

        var (outcome, responses) = TransferLab.Ask(TransferLab.Request(DnsType.Axfr, stranger));

        Assert.Equal(TransferOutcome.BadKey, outcome);
        Assert.Equal(TsigParseError.None, TsigRecord.TryRead(Assert.Single(responses), out var tsig));
        Assert.Equal(TsigError.BadKey, tsig!.Error);
        Assert.Equal("someone-else", tsig.KeyName);
    }

    [Fact]
    public void A_request_signed_outside_the_fudge_window_is_NOTAUTH_with_BADTIME_signed_and_the_server_time()
    {
        var request = TransferLab.Request(DnsType.Axfr, TransferLab.Key, signedAt: TransferLab.Now - 301);

        var (outcome, responses) = TransferLab.Ask(request);

        Assert.Equal(TransferOutcome.BadTime, outcome);
        Assert.Equal(NotAuth, TransferLab.Rcode(Assert.Single(responses)));
        Assert.Equal(TsigParseError.None, TsigRecord.TryRead(responses[0], out var tsig));
        Assert.Equal(TsigError.BadTime, tsig!.Error);
        Assert.Equal(Tsig.TimeOtherData(TransferLab.Now), tsig.OtherData);
        Assert.True(TransferLab.ChainVerifies(request, responses, TransferLab.Key));
    }

    [Fact]
    public void An_address_outside_the_allow_list_is_refused_even_with_the_right_key()
    {
        var options = TransferLab.Options(IPNetwork.Parse("10.0.0.0/8"));
        var request = TransferLab.Request(DnsType.Axfr, TransferLab.Key);

        var refused = TransferLab.Ask(request, options, IPAddress.Loopback);
        var allowed = TransferLab.Ask(request, options, IPAddress.Parse("10.1.2.3"));

        Assert.Equal(TransferOutcome.RefusedAddress, refused.Outcome);
        Assert.Equal((int)DnsRcode.Refused, TransferLab.Rcode(Assert.Single(refused.Responses)));
        Assert.Equal(TransferOutcome.Transferred, allowed.Outcome);
    }

    [Fact]
    public void An_IXFR_from_the_current_serial_gets_the_SOA_alone_and_from_an_older_one_the_whole_zone()
    {
        var current = TransferLab.Ask(TransferLab.Request(DnsType.Ixfr, TransferLab.Key, ixfrSerial: 7));
        var older = TransferLab.Ask(TransferLab.Request(DnsType.Ixfr, TransferLab.Key, ixfrSerial: 6));
        var udp = TransferLab.Ask(TransferLab.Request(DnsType.Ixfr, TransferLab.Key, ixfrSerial: 6), tcp: false);

        Assert.Equal(TransferOutcome.UpToDate, current.Outcome);
        Assert.Equal(DnsParseError.None, DnsMessage.TryRead(Assert.Single(current.Responses), out var soaOnly));
        Assert.Equal(DnsType.Soa, Assert.Single(soaOnly!.Answers).Type);
        Assert.Equal(TransferOutcome.Transferred, older.Outcome);
        Assert.Equal(TransferOutcome.Soa, udp.Outcome);
    }

    [Fact]
    public void AXFR_over_UDP_and_a_zone_not_served_are_refused()
    {
        var overUdp = TransferLab.Ask(TransferLab.Request(DnsType.Axfr, TransferLab.Key), tcp: false);
        var otherZone = TransferLab.Ask(TransferLab.Request(DnsType.Axfr, TransferLab.Key, zone: "example.org"));

        Assert.Equal(TransferOutcome.Refused, overUdp.Outcome);
        Assert.Equal(TransferOutcome.Refused, otherZone.Outcome);
        Assert.Equal(NotAuth, TransferLab.Rcode(Assert.Single(otherZone.Responses)));
    }

    [Fact]
    public void Without_a_zone_built_yet_a_signed_SOA_query_gets_SERVFAIL()
    {
        var responses = new List<byte[]>();

        var outcome = new ZoneTransferResponder(TransferLab.Options(), TransferLab.Clock).Respond(TransferLab.Request(DnsType.Soa, TransferLab.Key), IPAddress.Loopback, null, false, responses);

        Assert.Equal(TransferOutcome.NotReady, outcome);
        Assert.Equal((int)DnsRcode.ServFail, TransferLab.Rcode(Assert.Single(responses)));
    }
}
