using System.Net;
using Rampart.Cases.Rpz;

namespace Rampart.Cases.Tests.Rpz;

public sealed class RpzResolverTests
{
    private static readonly string[] Listed = ["hotrnall.com", "hanrnaii.net"];

    [Fact]
    public async Task Unbound_and_BIND_answer_a_listed_name_and_its_subdomains_with_the_sinkhole_and_leave_other_names_alone()
    {
        ResolverLab.SkipUnlessAvailable();
        var options = new RpzZoneOptions { SinkholeAddresses = [IPAddress.Parse("192.0.2.53")] };
        var zone = RpzZoneBuilder.Build(options, Listed, 7, out _);

        var answers = await ResolverLab.AskAsync(zone.Origin, zone.ToZoneFile(), ["hotrnall.com", "login.secure.hotrnall.com", "example.org"]);

        foreach (var server in new[] { "unbound", "bind" })
        {
            Assert.Equal(("NOERROR", "A=192.0.2.53"), answers[(server, "hotrnall.com")]);
            Assert.Equal(("NOERROR", "A=192.0.2.53"), answers[(server, "login.secure.hotrnall.com")]);
            Assert.NotEqual("A=192.0.2.53", answers[(server, "example.org")].Answer);
            Assert.NotEqual("NOERROR", answers[(server, "example.org")].Status);
        }
    }

    [Fact]
    public async Task With_the_NXDOMAIN_policy_both_resolvers_say_a_listed_name_and_its_subdomains_do_not_exist()
    {
        ResolverLab.SkipUnlessAvailable();
        var zone = RpzZoneBuilder.Build(new RpzZoneOptions { Policy = RpzPolicy.Nxdomain }, Listed, 1, out _);

        var answers = await ResolverLab.AskAsync(zone.Origin, zone.ToZoneFile(), ["hanrnaii.net", "www.hanrnaii.net", "example.org"]);

        foreach (var server in new[] { "unbound", "bind" })
        {
            Assert.Equal("NXDOMAIN", answers[(server, "hanrnaii.net")].Status);
            Assert.Equal("NXDOMAIN", answers[(server, "www.hanrnaii.net")].Status);
            Assert.NotEqual("NXDOMAIN", answers[(server, "example.org")].Status);
        }
    }
}
