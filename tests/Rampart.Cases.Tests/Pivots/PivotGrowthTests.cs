using Rampart.Cases.Pivots;
using Rampart.Core.Allowlists;
using Rampart.Core.Cases;
using Rampart.Detection.Lookalikes;

namespace Rampart.Cases.Tests.Pivots;

/// <summary>
/// The fixture is a small THALLIUM-like set: ten lure domains linked by shared registrants, a
/// bullet-proof name server, an address in one period, certificates and a naming pattern, mixed with
/// twenty bakeries on the same large registrar's name servers, a privacy-masked registrant, the same
/// address years earlier and a Microsoft typo of another kind.
/// </summary>
public sealed class PivotGrowthTests
{
    private static readonly string[] Seeds = ["hotrnall.com", "hanrnaii.net", "docs-share-view.net"];

    private static readonly string[] FullSet =
    [
        "account-verify-center.org", "docs-share-view.net", "drive-file-secure.com", "hanrnaii.net", "hotrnai1.com",
        "hotrnall.com", "login-protect-mail.com", "mai1-reset.com", "secure-drive-files.net", "view-docs-online.net",
    ];

    private static readonly LookalikeEngine Lookalikes = LookalikeEngine.CreateDefault();

    internal static IReadOnlyList<PivotFact> AllFacts()
    {
        var facts = new List<PivotFact>();
        foreach (var (format, file) in new[]
                 {
                     (PivotDataFormat.Whois, "whois.csv"), (PivotDataFormat.PassiveDns, "pdns.jsonl"),
                     (PivotDataFormat.Certificates, "certs.txt"), (PivotDataFormat.Certificates, "certs.json"),
                 })
        {
            using var reader = Fixture.Open(file);
            var result = PivotDataReader.Read(format, reader, file);
            Assert.Empty(result.Errors);
            facts.AddRange(result.Facts);
        }

        return facts;
    }

    /// <summary>Pivots from everything in the case and adds every candidate, until nothing new comes.</summary>
    private static Dictionary<string, string> Grow(PivotEngine engine, IReadOnlyList<PivotFact> facts)
    {
        var reasons = Seeds.ToDictionary(s => s, _ => "seed", StringComparer.Ordinal);
        while (engine.Pivot(reasons.Keys.ToList(), facts) is { Count: > 0 } candidates)
        {
            foreach (var candidate in candidates)
            {
                reasons.Add(candidate.Domain, candidate.Describe());
            }
        }

        return reasons;
    }

    [Fact]
    public void Three_seed_domains_grow_to_the_full_set_and_each_added_domain_carries_its_reason()
    {
        var grown = Grow(new PivotEngine(new PivotOptions(), Lookalikes), AllFacts());

        Assert.Equal(FullSet, grown.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("same registrant e-mail kim.ops@proton.example as hotrnall.com", grown["mai1-reset.com"], StringComparison.Ordinal);
        Assert.Contains("same registrant name lee sun hee as hanrnaii.net", grown["account-verify-center.org"], StringComparison.Ordinal);
        Assert.Contains("same IP in the same period 203.0.113.7 as docs-share-view.net", grown["view-docs-online.net"], StringComparison.Ordinal);
        Assert.Contains("same name server ns1.kp-bulletproof.net as mai1-reset.com", grown["login-protect-mail.com"], StringComparison.Ordinal);
        Assert.Contains("same certificate", grown["secure-drive-files.net"], StringComparison.Ordinal);
        Assert.Contains("same certificate crt.sh:9182736455 as secure-drive-files.net", grown["drive-file-secure.com"], StringComparison.Ordinal);
        Assert.Contains("same naming pattern Microsoft by glyphtrick as hotrnall.com", grown["hotrnai1.com"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_shared_providers_name_servers_give_no_candidates()
    {
        var engine = new PivotEngine(new PivotOptions(), Lookalikes);
        var facts = AllFacts();

        var candidates = engine.Pivot(["hotrnall.com"], facts);

        Assert.DoesNotContain(candidates, c => c.Reasons.Any(r => r.Kind == PivotFactKind.NameServer));
        Assert.DoesNotContain(candidates, c => c.Domain.StartsWith("bakery-", StringComparison.Ordinal));
        Assert.True(engine.IsSharedNameServer("dns1.registrar-servers.com"));
        Assert.True(engine.IsSharedNameServer("ns-1234.awsdns-56.org"));
        Assert.False(engine.IsSharedNameServer("ns1.kp-bulletproof.net"));
    }

    [Fact]
    public void Without_the_provider_list_the_same_data_would_pull_in_the_bakeries()
    {
        // Proves the previous test's data can fail: twenty bakeries stay under the per-value cap.
        var engine = new PivotEngine(new PivotOptions { SharedDnsProviders = SharedDnsProviders.None }, Lookalikes);

        var candidates = engine.Pivot(["hotrnall.com"], AllFacts());

        Assert.Contains(candidates, c => c.Domain == "bakery-01.com" && c.Reasons[0].Kind == PivotFactKind.NameServer);
    }

    [Fact]
    public void A_value_shared_by_more_domains_than_the_cap_gives_no_candidates()
    {
        var engine = new PivotEngine(new PivotOptions { SharedDnsProviders = SharedDnsProviders.None, MaxDomainsPerValue = 10 }, Lookalikes);

        var candidates = engine.Pivot(["hotrnall.com"], AllFacts());

        Assert.DoesNotContain(candidates, c => c.Reasons.Any(r => r.Kind == PivotFactKind.NameServer));
    }

    [Fact]
    public void The_same_address_years_apart_and_a_privacy_masked_registrant_link_nothing()
    {
        var candidates = new PivotEngine(new PivotOptions(), Lookalikes).Pivot(["docs-share-view.net"], AllFacts());

        Assert.Equal(["view-docs-online.net"], candidates.Select(c => c.Domain));
    }
}
