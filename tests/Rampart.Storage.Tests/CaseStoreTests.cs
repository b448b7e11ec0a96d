using Rampart.Core.Auditing;
using Rampart.Core.Cases;
using Rampart.Storage.Tests.Infrastructure;

namespace Rampart.Storage.Tests;

public abstract class CaseStoreTests<TTarget> : StorageTest<TTarget>
    where TTarget : StoreTarget, new()
{
    private static readonly DateTimeOffset Captured = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_new_case_is_a_draft_with_its_creation_in_the_history_and_the_audit_trail()
    {
        var store = await OpenAsync();
        var cases = store.Get<ICaseStore>();

        var created = await cases.CreateAsync("THALLIUM lures", "from the DCU report", Analyst, Ct);

        var detail = await cases.GetDetailAsync(created.Id, Ct);
        Assert.NotNull(detail);
        Assert.Equal(CaseStatus.Draft, detail.Case.Status);
        Assert.Equal("alice", detail.Case.CreatedBy);
        var change = Assert.Single(detail.History);
        Assert.Null(change.From);
        Assert.Equal(CaseStatus.Draft, change.To);
        var audit = await store.Audit.ListAsync(10, null, Ct);
        Assert.Contains(audit, e => e.Action == "case.create" && e.Target == created.Id && e.Who == "alice");
    }

    [Fact]
    public async Task Only_the_next_status_of_the_workflow_is_accepted_and_each_move_is_audited_with_who()
    {
        var store = await OpenAsync();
        var cases = store.Get<ICaseStore>();
        var created = await cases.CreateAsync("case", null, Analyst, Ct);
        var judge = new ChangeContext("bob", ChangeChannel.Cli, "host");

        var skipped = await cases.SetStatusAsync(created.Id, CaseStatus.Seized, null, Analyst, Ct);
        var filed = await cases.SetStatusAsync(created.Id, CaseStatus.Filed, "docket 19-cv-1582", judge, Ct);
        var back = await cases.SetStatusAsync(created.Id, CaseStatus.Draft, null, Analyst, Ct);
        var missing = await cases.SetStatusAsync("case--none", CaseStatus.Filed, null, Analyst, Ct);

        Assert.Equal(StatusChangeOutcome.NotAllowed, skipped.Outcome);
        Assert.Equal(CaseStatus.Draft, skipped.Current);
        Assert.Equal(StatusChangeOutcome.Changed, filed.Outcome);
        Assert.Equal(StatusChangeOutcome.NotAllowed, back.Outcome);
        Assert.Equal(StatusChangeOutcome.NotFound, missing.Outcome);
        var detail = await cases.GetDetailAsync(created.Id, Ct);
        Assert.Equal(CaseStatus.Filed, detail!.Case.Status);
        Assert.Equal([CaseStatus.Draft, CaseStatus.Filed], detail.History.Select(h => h.To));
        Assert.Equal("bob", detail.History[1].Who);
        var moves = (await store.Audit.ListAsync(50, null, Ct)).Where(e => e.Action == "case.status").ToList();
        var move = Assert.Single(moves);
        Assert.Equal("bob", move.Who);
        Assert.Equal("draft -> filed: docket 19-cv-1582", move.Detail);
    }

    [Fact]
    public async Task Domains_keep_their_first_reason_and_evidence_is_hashed_and_stamps_the_case()
    {
        var store = await OpenAsync();
        var cases = store.Get<ICaseStore>();
        var created = await cases.CreateAsync("case", null, Analyst, Ct);
        var screenshot = new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 };

        var first = await cases.AddDomainsAsync(created.Id, [("hotrnall.com", "by hand"), ("hanrnaii.net", "by hand")],
            [new NewEvidence("hotrnall.com", EvidenceKind.Note, Captured, "alice", "login page seen")], Analyst, Ct);
        var again = await cases.AddDomainsAsync(created.Id, [("hotrnall.com", "pivot: same registrant e-mail")], [], Analyst, Ct);
        var attached = await cases.AddEvidenceAsync(created.Id,
            [new NewEvidence("hanrnaii.net", EvidenceKind.Attachment, Captured, "alice", "screenshot", FileName: "shot.png", Content: screenshot)], Analyst, Ct);

        Assert.Equal(["hotrnall.com", "hanrnaii.net"], first);
        Assert.Empty(again!);
        var detail = await cases.GetDetailAsync(created.Id, Ct);
        Assert.Equal(["hanrnaii.net", "hotrnall.com"], detail!.Domains.Select(d => d.Domain));
        Assert.Equal("by hand", detail.Domains[1].Reason);
        var attachment = Assert.Single(detail.Evidence, e => e.Kind == EvidenceKind.Attachment);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(screenshot)), attachment.Sha256);
        Assert.Equal(7, attachment.Size);
        Assert.Equal(screenshot, await cases.GetAttachmentAsync(attached![0].Id, Ct));
        Assert.Equal(await store.Revision.CurrentAsync(Ct), detail.Case.Revision);
        Assert.True(detail.Case.ModifiedAt >= created.ModifiedAt);
    }

    [Fact]
    public async Task Evidence_about_a_domain_outside_the_case_is_refused_and_nothing_is_written()
    {
        var store = await OpenAsync();
        var cases = store.Get<ICaseStore>();
        var created = await cases.CreateAsync("case", null, Analyst, Ct);
        var before = await store.Revision.CurrentAsync(Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => cases.AddEvidenceAsync(created.Id,
            [new NewEvidence("elsewhere.example", EvidenceKind.Note, Captured, "alice", "x")], Analyst, Ct));

        Assert.Equal(before, await store.Revision.CurrentAsync(Ct));
        Assert.Empty((await cases.GetDetailAsync(created.Id, Ct))!.Evidence);
    }

    [Fact]
    public async Task Cases_are_listed_by_status()
    {
        var store = await OpenAsync();
        var cases = store.Get<ICaseStore>();
        var draft = await cases.CreateAsync("draft", null, Analyst, Ct);
        var filed = await cases.CreateAsync("filed", null, Analyst, Ct);
        await cases.SetStatusAsync(filed.Id, CaseStatus.Filed, null, Analyst, Ct);

        var onlyFiled = await cases.ListAsync([CaseStatus.Filed], Ct);
        var all = await cases.ListAsync(null, Ct);

        Assert.Equal([filed.Id], onlyFiled.Select(c => c.Id));
        Assert.Equal(2, all.Count);
        Assert.Contains(all, c => c.Id == draft.Id);
    }

    [Fact]
    public async Task Pivot_facts_seen_again_widen_their_period_and_the_same_file_twice_changes_nothing()
    {
        var store = await OpenAsync();
        var facts = store.Get<IPivotFactStore>();
        var jan = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        var feb = jan.AddMonths(1);
        PivotFact[] file = [new("a.example", PivotFactKind.Address, "192.0.2.1", jan, jan.AddDays(3), "pdns.jsonl"), new("a.example", PivotFactKind.NameServer, "ns1.bad.example", null, null, "whois.csv")];

        Assert.Equal(2, await facts.ImportAsync(file, Analyst, Ct));
        var revision = await store.Revision.CurrentAsync(Ct);
        Assert.Equal(0, await facts.ImportAsync(file, Analyst, Ct));
        Assert.Equal(revision, await store.Revision.CurrentAsync(Ct));
        Assert.Equal(1, await facts.ImportAsync([file[0] with { LastSeen = feb }], Analyst, Ct));

        var stored = await facts.ListAsync(Ct);
        var address = Assert.Single(stored, f => f.Kind == PivotFactKind.Address);
        Assert.Equal(jan, address.FirstSeen);
        Assert.Equal(feb, address.LastSeen);
    }

    [Fact]
    public async Task An_RPZ_zone_keeps_its_serial_for_the_same_content_and_takes_the_next_for_new_content()
    {
        var store = await OpenAsync();
        var serials = store.Get<IRpzSerialStore>();

        var first = await serials.SerialForAsync("rpz.rampart", "digest-a", Analyst, Ct);
        var same = await serials.SerialForAsync("rpz.rampart", "digest-a", Analyst, Ct);
        var changed = await serials.SerialForAsync("rpz.rampart", "digest-b", Analyst, Ct);
        var other = await serials.SerialForAsync("other.rpz", "digest-b", Analyst, Ct);

        Assert.Equal(1, first);
        Assert.Equal(1, same);
        Assert.Equal(2, changed);
        Assert.Equal(1, other);
        Assert.Equal(3, (await store.Audit.ListAsync(50, null, Ct)).Count(e => e.Action == "rpz.serial"));
    }
}

public sealed class SqliteCaseStoreTests : CaseStoreTests<SqliteTarget>;

public sealed class PostgresCaseStoreTests : CaseStoreTests<PostgresTarget>;
