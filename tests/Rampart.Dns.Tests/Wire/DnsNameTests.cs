using Rampart.Dns.Wire;

namespace Rampart.Dns.Tests.Wire;

public class DnsNameTests
{
    [Fact]
    public void Encodes_a_host_name_in_lower_case_and_reads_it_back()
    {
        Assert.True(DnsName.TryEncode("Login.Hanrnaii.NET.", out var wire, out _));

        Assert.Equal("login.hanrnaii.net", DnsName.ToText(wire));
        Assert.Equal(20, wire.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData("bad name.example")]
    [InlineData("é.example")]
    public void Refuses_to_encode_what_is_not_a_host_name(string text)
    {
        Assert.False(DnsName.TryEncode(text, out _, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void Escapes_dots_backslashes_and_control_bytes_inside_labels()
    {
        byte[] wire = [5, (byte)'a', (byte)'.', (byte)'b', (byte)'\\', 10, 3, (byte)'c', (byte)'o', (byte)'m', 0];

        Assert.Equal("a\\.b\\\\\\010.com", DnsName.ToText(wire));
    }

    [Fact]
    public void Follows_a_backward_pointer_and_refuses_a_forward_one()
    {
        var message = new QueryBuilder().U16(0).U16(0).U16(0).U16(0).U16(0).U16(0).Name("evil.example").Bytes(3, (byte)'w', (byte)'w', (byte)'w', 0xC0, 12).Bytes(0xC0, 40).ToArray();
        Span<byte> name = stackalloc byte[255];

        Assert.Equal(DnsParseError.None, DnsName.Read(message, 26, name, out var written, out var next));
        Assert.Equal("www.evil.example", DnsName.ToText(name[..written]));
        Assert.Equal(32, next);
        Assert.Equal(DnsParseError.BadPointer, DnsName.Read(message, 32, name, out _, out _));
    }

    [Fact]
    public void Refuses_a_name_longer_than_255_bytes()
    {
        var builder = new QueryBuilder();
        for (var i = 0; i < 5; i++)
        {
            builder.Bytes([63, .. Enumerable.Repeat((byte)'a', 63)]);
        }

        var message = builder.Bytes(0).ToArray();

        Assert.Equal(DnsParseError.NameTooLong, DnsName.MeasureUncompressed(message, 0, out _));
        Assert.Equal(DnsParseError.NameTooLong, DnsName.Read(message, 0, new byte[255], out _, out _));
    }
}
