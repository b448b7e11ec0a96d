using System.Text;
using CsCheck;
using Rampart.Accounts.AuditLogs;

namespace Rampart.Accounts.Tests.AuditLogs;

/// <summary>The IPv4 shortcut an audit reads every record's address with must read as <see cref="ClientAddress.Parse"/> does, or step aside.</summary>
public sealed class ClientAddressKeyTests
{
    [Theory]
    [InlineData("1.2.3.4")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("116.9.208.147:10842")]
    [InlineData("10.0.0.1:0")]
    [InlineData("10.0.0.1:65535")]
    public void Reads_a_plain_IPv4_address_as_the_parser_does(string text)
    {
        Assert.True(ClientAddressKey.TryParseIPv4(Encoding.UTF8.GetBytes(text), out var key));
        Assert.Equal(ClientAddressKey.Of(ClientAddress.Parse(text)), key);
        Assert.Equal(ClientAddress.Parse(text), key.ToAddress());
    }

    [Theory]
    [InlineData("")]
    [InlineData(" 1.2.3.4")]
    [InlineData("1.2.3.4 ")]
    [InlineData("01.2.3.4")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.256")]
    [InlineData("1.2.3.4:65536")]
    [InlineData("1.2.3.4:")]
    [InlineData("1.2.3.4:123456")]
    [InlineData("2603:10a6:bfd5:3aec::2b:37825")]
    [InlineData("[1.2.3.4]")]
    public void Leaves_anything_else_to_the_parser(string text) =>
        Assert.False(ClientAddressKey.TryParseIPv4(Encoding.UTF8.GetBytes(text), out _));

    [Fact]
    public void What_the_shortcut_reads_the_parser_reads_the_same()
    {
        var text = Gen.OneOf(
            Gen.String[Gen.Char["0123456789.:"], 0, 24],
            Gen.Select(Gen.Int[0, 300], Gen.Int[0, 300], Gen.Int[0, 300], Gen.Int[0, 300], Gen.Int[-1, 70000])
                .Select((a, b, c, d, port) => $"{a}.{b}.{c}.{d}" + (port < 0 ? "" : $":{port}")),
            Gen.String[Gen.Char["0123456789abcdef.:[]% "], 0, 30]);
        text.Sample(t =>
        {
            if (ClientAddressKey.TryParseIPv4(Encoding.UTF8.GetBytes(t), out var key))
            {
                Assert.Equal(ClientAddressKey.Of(ClientAddress.Parse(t)), key);
                Assert.False(key.IsNone);
            }
        }, iter: 20_000);
    }

    [Fact]
    public void No_address_is_none() => Assert.True(ClientAddressKey.Of(null).IsNone);
}
