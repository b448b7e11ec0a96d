using Rampart.Cases.Appendix;
using Rampart.Cases.Pivots;
using Rampart.Cases.Tests.Pivots;
using Rampart.Core.Cases;
using Rampart.Reports.Cases;

namespace Rampart.Cases.Tests.Cases;

public sealed class CaseServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_case_of_three_seeds_grows_in_the_store_to_the_full_set_with_each_reason_kept_as_evidence()
    {
        await using var lab = await CaseLab.OpenAsync();
        await lab.Facts.ImportAsync(PivotGrowthTests.AllFacts(), CaseLab.Alice, Ct);
        var created = await lab.CaseAsync("THALLIUM", CaseStatus.Draft, "hotrnall.com", "hanrnaii.net", "docs-share-view.net");

        var rounds = 0;
        while (await lab.Service.PivotAsync(created.Id, null, Ct) is { Count: > 0 } candidates)
        {
            rounds++;
            await lab.Service.AddCandidatesAsync(created.Id, candidates, DateTimeOffset.UtcNow, CaseLab.Alice, Ct);
        }

        var detail = (await lab.Cases.GetDetailAsync(created.Id, Ct))!;
        Assert.Equal(10, detail.Domains.Count);
        Assert.True(rounds >= 2, "the set grows over more than one round of pivoting");
        Assert.DoesNotContain(detail.Domains, d => d.Domain.StartsWith("bakery-", StringComparison.Ordinal) || d.Domain == "family-photos.net" || d.Domain == "garden-tools.com");
        foreach (var added in detail.Domains.Where(d => d.Reason != "by hand"))
        {
            Assert.StartsWith("pivot: same ", added.Reason, StringComparison.Ordinal);
            Assert.Contains(detail.Evidence, e => e.Domain == added.Domain && e.Kind == EvidenceKind.Pivot && added.Reason.Contains(e.Summary, StringComparison.Ordinal));
        }

        var audit = await lab.Audit.ListAsync(1000, null, Ct);
        Assert.Equal(10, audit.Count(e => e.Action == "case.add-domain" && e.Target == created.Id));
    }

    [Fact]
    public async Task The_appendix_of_an_unchanged_stored_case_is_byte_identical_and_changes_when_the_case_does()
    {
        await using var lab = await CaseLab.OpenAsync();
        var created = await lab.CaseAsync("THALLIUM", CaseStatus.Filed, "hotrnall.com", "hanrnaii.net");
        await lab.Cases.AddEvidenceAsync(created.Id,
            [new Rampart.Cases.Cases.RegistrationFacts("NameCheap", new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero), "kim.ops@proton.example", "<script>alert(1)</script>").ToEvidence("hotrnall.com", "alice", DateTimeOffset.UtcNow)],
            CaseLab.Alice, Ct);

        async Task<(string Csv, string Html)> ExportAsync()
        {
            var appendix = AppendixBuilder.Build((await lab.Cases.GetDetailAsync(created.Id, Ct))!);
            return (appendix.Csv, await CaseAppendixHtml.RenderAsync(appendix));
        }

        var first = await ExportAsync();
        var second = await ExportAsync();
        await lab.Service.AddDomainsAsync(created.Id, ["mai1-reset.com"], "by hand", CaseLab.Alice, Ct);
        var changed = await ExportAsync();

        Assert.Equal(first.Csv, second.Csv);
        Assert.Equal(first.Html, second.Html);
        Assert.NotEqual(first.Csv, changed.Csv);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", first.Html, StringComparison.Ordinal);
        Assert.Contains("Microsoft", first.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_status_change_writes_nothing_and_every_accepted_change_is_in_the_audit_trail()
    {
        await using var lab = await CaseLab.OpenAsync();
        var created = await lab.CaseAsync("case", CaseStatus.Draft, "hotrnall.com");
        var before = await lab.Audit.ListAsync(1000, null, Ct);

        var refused = await lab.Cases.SetStatusAsync(created.Id, CaseStatus.Sinkholed, null, CaseLab.Alice, Ct);
        foreach (var next in new[] { CaseStatus.Filed, CaseStatus.Granted, CaseStatus.Seized, CaseStatus.Sinkholed, CaseStatus.Released })
        {
            await lab.Cases.SetStatusAsync(created.Id, next, null, CaseLab.Alice, Ct);
        }

        var afterRelease = await lab.Cases.SetStatusAsync(created.Id, CaseStatus.Seized, null, CaseLab.Alice, Ct);

        Assert.Equal(StatusChangeOutcome.NotAllowed, refused.Outcome);
        Assert.Equal("a draft case cannot move to sinkholed (next allowed: filed)", refused.Describe());
        Assert.Equal("a released case cannot move to seized (released is final)", afterRelease.Describe());
        var moves = (await lab.Audit.ListAsync(1000, null, Ct)).Except(before).Where(e => e.Action == "case.status").Select(e => e.Detail).Order(StringComparer.Ordinal);
        Assert.Equal(["draft -> filed", "filed -> granted", "granted -> seized", "seized -> sinkholed", "sinkholed -> released"], moves);
        Assert.Equal(CaseStatuses.All, (await lab.Cases.GetDetailAsync(created.Id, Ct))!.History.Select(h => h.To));
        var audit = await lab.Audit.ListAsync(1000, null, Ct);
        Assert.Contains(audit, e => e.Action == "case.create" && e.Target == created.Id);
        Assert.Contains(audit, e => e.Action == "case.add-domain" && e.Detail == "hotrnall.com: by hand");
        Assert.Contains(audit, e => e.Action == "case.evidence" && e.Detail!.StartsWith("lookalike hotrnall.com sha256=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Inputs_that_are_not_domains_are_refused_with_why_and_nothing_is_added()
    {
        await using var lab = await CaseLab.OpenAsync();
        var created = await lab.CaseAsync("case", CaseStatus.Draft);

        var outcome = await lab.Service.AddDomainsAsync(created.Id, ["hxxps://login.hotrnall[.]com/x", "not a domain"], "by hand", CaseLab.Alice, Ct);

        Assert.Empty(outcome!.Added);
        Assert.Single(outcome.Errors);
        Assert.Empty((await lab.Cases.GetDetailAsync(created.Id, Ct))!.Domains);
        var url = await lab.Service.AddDomainsAsync(created.Id, ["hxxps://login.hotrnall[.]com/x"], "by hand", CaseLab.Alice, Ct);
        Assert.Equal(["login.hotrnall.com"], url!.Added);
    }
}
