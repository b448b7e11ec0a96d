using System.Net;
using CsCheck;
using Rampart.Dns.Victims;

namespace Rampart.Dns.Tests.Victims;

public sealed class NetworkTableTests
{
    private static NetworkTable<string> Table(params string[] networks) =>
        new(networks.Select(n => (IPNetwork.Parse(n), n)));

    [Theory]
    [InlineData("192.0.2.77", "192.0.2.64/26")]
    [InlineData("192.0.2.7", "192.0.2.0/24")]
    [InlineData("192.0.3.1", "192.0.0.0/16")]
    [InlineData("10.1.2.3", "0.0.0.0/0")]
    [InlineData("198.51.100.9", "198.51.100.9/32")]
    [InlineData("::ffff:192.0.2.77", "192.0.2.64/26")]
    [InlineData("2001:db8:1:2::5", "2001:db8:1::/48")]
    [InlineData("2001:db8:ffff::1", "2001:db8::/32")]
    [InlineData("2001:db8:1::1", "2001:db8:1::1/128")]
    public void An_address_takes_the_longest_network_that_holds_it(string address, string expected)
    {
        var table = Table("0.0.0.0/0", "192.0.0.0/16", "192.0.2.0/24", "192.0.2.64/26", "198.51.100.9/32", "2001:db8::/32", "2001:db8:1::/48", "2001:db8:1::1/128");

        Assert.Equal(expected, table.Find(IPAddress.Parse(address)));
    }

    [Fact]
    public void An_address_outside_every_network_of_its_family_finds_nothing()
    {
        var table = Table("192.0.2.0/24", "2001:db8::/32");

        Assert.Null(table.Find(IPAddress.Parse("203.0.113.1")));
        Assert.Null(table.Find(IPAddress.Parse("2001:db9::1")));
        Assert.Null(Table("::/0").Find(IPAddress.Parse("192.0.2.1")));
    }

    [Fact]
    public void A_network_given_twice_keeps_the_later_value()
    {
        var table = new NetworkTable<string>([(IPNetwork.Parse("192.0.2.0/24"), "old"), (IPNetwork.Parse("192.0.2.0/24"), "new")]);

        Assert.Equal("new", table.Find(IPAddress.Parse("192.0.2.1")));
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void The_match_agrees_with_a_scan_of_every_network_for_random_tables_and_addresses()
    {
        var network = Gen.Select(Gen.UInt, Gen.Int[0, 32]).Select((a, p) => new IPNetwork(Masked(a, p), p));
        Gen.Select(network.Array[1, 40], Gen.UInt.Array[1, 40]).Sample((networks, addresses) =>
        {
            var table = new NetworkTable<string>(networks.Select(n => (n, n.ToString())));
            foreach (var a in addresses)
            {
                var address = new IPAddress(BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(a)));
                var expected = networks.Where(n => n.Contains(address)).OrderByDescending(n => n.PrefixLength).Select(n => n.ToString()).FirstOrDefault();
                Assert.Equal(expected, table.Find(address));
            }
        }, iter: 500);
    }

    private static IPAddress Masked(uint address, int prefix)
    {
        var masked = prefix == 0 ? 0 : address & (uint.MaxValue << (32 - prefix));
        return new IPAddress(BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(masked)));
    }
}
