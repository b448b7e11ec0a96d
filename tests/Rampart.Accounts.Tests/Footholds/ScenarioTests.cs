using Rampart.Accounts.Footholds;

namespace Rampart.Accounts.Tests.Footholds;

public sealed class ScenarioTests
{
    private const string Victim = "victim@contoso.com";

    [Fact]
    public async Task A_phished_account_is_flagged_and_the_intruders_address_is_attributed_to_its_actor()
    {
        var account = Single(await Audit.ScenarioAsync("phished"), Victim);

        Assert.Equal(AccountStatus.Compromised, account.Status);
        Assert.Equal(["THALLIUM"], account.Actors);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 9, 0, 40, TimeSpan.Zero), account.WindowOpened);
        var indicator = Assert.Single(account.Findings, f => f.Rule == FootholdAnalyzer.IndicatorRule);
        Assert.Equal(Audit.IntruderAddress, indicator.Evidence.ClientIp);
        Assert.Contains("THALLIUM", indicator.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_three_footholds_of_a_phished_account_survive_the_password_reset()
    {
        var account = Single(await Audit.ScenarioAsync("phished"), Victim);

        Assert.Equal(new DateTimeOffset(2026, 11, 4, 17, 30, 0, TimeSpan.Zero), account.LastReset);
        Assert.Collection(account.Footholds,
            f => Assert.Equal((FootholdKind.InboxRule, "survives the password reset", true), (f.Kind, f.Label, f.Outside)),
            f => Assert.Equal((FootholdKind.FolderPermission, "survives the password reset", true), (f.Kind, f.Label, f.Outside)),
            f => Assert.Equal((FootholdKind.OAuthConsent, "survives the password reset", "a7c1f6e2-5b4d-4c3a-9e8f-7d6c5b4a3f21"), (f.Kind, f.Label, f.AppId)));
        Assert.Contains("archive.vt@proton-mail.example", account.Footholds[0].Description, StringComparison.Ordinal);
        Assert.Contains("Mail.Read offline_access", account.Footholds[2].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_consented_app_reading_mail_from_the_same_address_after_the_reset_is_access_continued_after_reset()
    {
        var account = Single(await Audit.ScenarioAsync("phished"), Victim);

        Assert.Collection(account.ContinuedAccess,
            a => Assert.Equal(("app", "a7c1f6e2-5b4d-4c3a-9e8f-7d6c5b4a3f21", "access continued after reset"), (a.By, a.Value, a.Label)),
            a => Assert.Equal(("ip", Audit.IntruderAddress, "THALLIUM"), (a.By, a.Value, a.Actor)));
        Assert.All(account.ContinuedAccess, a => Assert.Equal("MailItemsAccessed", a.Last.Operation));
        Assert.All(account.ContinuedAccess, a => Assert.True(a.LastSeen > account.LastReset));
    }

    [Fact]
    public async Task The_plan_of_a_phished_account_lists_three_removals_then_revoke_and_verify_last()
    {
        var plan = Single(await Audit.ScenarioAsync("phished"), Victim).Plan;

        Assert.Collection(plan.Steps,
            s => Assert.Equal(("Remove-InboxRule -Mailbox 'victim@contoso.com' -Identity '.' -Confirm:$false", "Exchange audit record Remove-InboxRule for rule '.' in victim@contoso.com"), (s.Command, s.Confirmation)),
            s => Assert.Equal(("Remove-MailboxFolderPermission -Identity 'victim@contoso.com:\\Calendar' -User 'planner@calendar-share.example' -Confirm:$false", "Exchange audit record Remove-MailboxFolderPermission on victim@contoso.com:\\Calendar for planner@calendar-share.example"), (s.Command, s.Confirmation)),
            s =>
            {
                Assert.StartsWith("Get-MgOauth2PermissionGrant -Filter \"clientId eq '9e1d2c3b-4a59-4687-a5b4-c3d2e1f0a9b8'\" | Remove-MgOauth2PermissionGrant", s.Command, StringComparison.Ordinal);
                Assert.Contains("DELETE https://graph.microsoft.com/v1.0/oauth2PermissionGrants/", s.Command, StringComparison.Ordinal);
                Assert.Contains("Remove delegated permission grant", s.Confirmation, StringComparison.Ordinal);
            },
            s =>
            {
                Assert.StartsWith("Revoke-MgUserSignInSession -UserId 'victim@contoso.com'", s.Command, StringComparison.Ordinal);
                Assert.Contains("POST https://graph.microsoft.com/v1.0/users/victim@contoso.com/revokeSignInSessions", s.Command, StringComparison.Ordinal);
                Assert.Contains("Update StsRefreshTokenValidFrom Timestamp", s.Confirmation, StringComparison.Ordinal);
                Assert.Contains("after the last removal", s.Confirmation, StringComparison.Ordinal);
            });
        Assert.All(plan.Steps, s => Assert.False(s.Done));
        Assert.Equal([1, 2, 3, 4], plan.Steps.Select(s => s.Number));
        Assert.Equal($"created 2026-11-02 09:05:12Z by victim@contoso.com from 203.0.113.66, New-InboxRule at {Path.Combine(Audit.Folder("phished"), "ual.json")}:21;"
            + " detected by Inbox rule forwards or redirects mail, Inbox rule deletes, hides or marks mail as read", plan.Steps[0].CreatedSummary);
        Assert.All(plan.Steps.Take(3), s => Assert.Equal(Audit.IntruderAddress, s.Created!.ClientIp));
        Assert.Null(plan.Steps[3].Created);
        Assert.Empty(plan.Completed);
    }

    [Fact]
    public async Task A_foothold_removed_after_the_reset_leaves_the_plan_and_a_rule_made_after_it_is_created_after_reset()
    {
        var account = Single(await Audit.ScenarioAsync("partly-cleaned"), Victim);

        var calendar = Assert.Single(account.Footholds, f => f.Kind == FootholdKind.FolderPermission);
        Assert.Equal(FootholdClassification.Removed, calendar.Classification);
        Assert.Equal("Remove-MailboxFolderPermission", calendar.Removed!.Operation);
        var newRule = Assert.Single(account.Footholds, f => f.Kind == FootholdKind.InboxRule && f.Key.EndsWith("|rss sync", StringComparison.Ordinal));
        Assert.Equal("created after reset", newRule.Label);
        Assert.Equal(
            ["survives the password reset", "removed", "survives the password reset", "created after reset"],
            account.Footholds.Select(f => f.Label));

        Assert.DoesNotContain(account.Plan.Steps, s => s.Command.Contains("MailboxFolderPermission", StringComparison.Ordinal));
        Assert.Equal(4, account.Plan.Steps.Count);
        Assert.Contains("'RSS sync'", account.Plan.Steps[2].Command, StringComparison.Ordinal);
        Assert.StartsWith("Revoke-MgUserSignInSession", account.Plan.Steps[^1].Command, StringComparison.Ordinal);
        var done = Assert.Single(account.Plan.Completed);
        Assert.True(done.Done);
        Assert.Equal("Remove-MailboxFolderPermission", done.DoneBy!.Operation);
    }

    [Fact]
    public async Task An_account_with_only_ordinary_activity_is_not_compromised_and_its_delegate_is_pre_existing_access_to_review()
    {
        var analysis = await Audit.ScenarioAsync("ordinary");
        var account = Single(analysis, "staff@contoso.com");

        Assert.Equal(AccountStatus.Review, account.Status);
        Assert.Null(account.WindowOpened);
        Assert.Empty(account.Actors);
        Assert.Empty(account.ContinuedAccess);
        Assert.Empty(account.Plan.Steps);
        Assert.DoesNotContain(account.Findings, f => f.OpensWindow);
        var delegate_ = Assert.Single(account.Footholds);
        Assert.Equal((FootholdKind.MailboxDelegate, "pre-existing access — review"), (delegate_.Kind, delegate_.Label));
        Assert.Equal("assistant@contoso.com has FullAccess on mailbox staff@contoso.com", delegate_.Description);
        Assert.DoesNotContain(analysis.Accounts, a => a.Status == AccountStatus.Compromised);
    }

    [Fact]
    public async Task Re_running_the_audit_on_logs_with_every_removal_and_a_revocation_marks_every_step_done()
    {
        var account = Single(await Audit.ScenarioAsync("phished",
            """{"CreationTime":"2026-11-07T10:00:00","Operation":"Remove-InboxRule","Workload":"Exchange","RecordType":1,"ResultStatus":"True","UserId":"admin@contoso.com","ClientIP":"198.51.100.4","ObjectId":"victim@contoso.com\\.","Parameters":[{"Name":"Identity","Value":"victim@contoso.com\\."}]}""",
            """{"CreationTime":"2026-11-07T10:01:00","Operation":"Remove-MailboxFolderPermission","Workload":"Exchange","RecordType":1,"ResultStatus":"True","UserId":"admin@contoso.com","ClientIP":"198.51.100.4","Parameters":[{"Name":"Identity","Value":"victim@contoso.com:\\Calendar"},{"Name":"User","Value":"planner@calendar-share.example"}]}""",
            """{"activityDateTime":"2026-11-07T10:02:00Z","activityDisplayName":"Remove delegated permission grant","result":"success","initiatedBy":{"user":{"userPrincipalName":"admin@contoso.com","ipAddress":"198.51.100.4"}},"targetResources":[{"id":"9e1d2c3b-4a59-4687-a5b4-c3d2e1f0a9b8","displayName":"Mail Sync Pro","type":"ServicePrincipal"}]}""",
            """{"activityDateTime":"2026-11-07T10:05:00Z","activityDisplayName":"Update StsRefreshTokenValidFrom Timestamp","result":"success","initiatedBy":{"user":{"userPrincipalName":"admin@contoso.com","ipAddress":"198.51.100.4"}},"targetResources":[{"id":"11111111-1111-4111-8111-111111111111","type":"User","userPrincipalName":"victim@contoso.com"}]}"""), Victim);

        Assert.All(account.Footholds, f => Assert.Equal(FootholdClassification.Removed, f.Classification));
        Assert.Equal(3, account.Plan.Completed.Count);
        var last = Assert.Single(account.Plan.Steps);
        Assert.True(last.Done);
        Assert.Equal("Update StsRefreshTokenValidFrom Timestamp", last.DoneBy!.Operation);
    }

    private static AccountReport Single(FootholdAnalysis analysis, string account) =>
        Assert.Single(analysis.Accounts, a => a.Account == account);
}
