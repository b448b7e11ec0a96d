using System.Text.Json;

namespace Rampart.Tests;

public sealed class AuditTests
{
    // A phishing sign-in from an address in the store, a forwarding rule, a consent with mail scopes,
    // the password change, then the app reading mail from the same address.
    private const string Logs = """
        {"createdDateTime":"2026-11-02T09:00:40Z","userPrincipalName":"victim@contoso.com","appId":"4765445b-32c6-49b0-83e6-1d93765276ca","ipAddress":"203.0.113.66","clientAppUsed":"Browser","status":{"errorCode":0}}
        {"CreationTime":"2026-11-02T09:05:12","Operation":"New-InboxRule","RecordType":1,"ResultStatus":"True","Workload":"Exchange","UserId":"victim@contoso.com","ClientIP":"203.0.113.66:51234","Parameters":[{"Name":"Name","Value":"."},{"Name":"ForwardTo","Value":"archive.vt@proton-mail.example"}]}
        {"activityDateTime":"2026-11-02T09:15:03Z","activityDisplayName":"Consent to application","result":"success","initiatedBy":{"user":{"userPrincipalName":"victim@contoso.com","ipAddress":"203.0.113.66"}},"targetResources":[{"id":"9e1d2c3b-4a59-4687-a5b4-c3d2e1f0a9b8","displayName":"Mail Sync Pro","modifiedProperties":[{"displayName":"ConsentAction.Permissions","newValue":"\"[] => [[Scope: Mail.Read offline_access]]; \""},{"displayName":"TargetId.ServicePrincipalNames","newValue":"\"a7c1f6e2-5b4d-4c3a-9e8f-7d6c5b4a3f21\""}]}]}
        {"CreationTime":"2026-11-02T09:40:31","Operation":"MailItemsAccessed","RecordType":50,"ResultStatus":"Succeeded","Workload":"Exchange","UserId":"victim@contoso.com","ClientAppId":"a7c1f6e2-5b4d-4c3a-9e8f-7d6c5b4a3f21","ClientIPAddress":"203.0.113.66"}
        {"activityDateTime":"2026-11-04T17:30:00Z","activityDisplayName":"Change user password","result":"success","initiatedBy":{"user":{"userPrincipalName":"victim@contoso.com","ipAddress":"192.0.2.10"}},"targetResources":[{"id":"1","type":"User","userPrincipalName":"victim@contoso.com"}]}
        {"CreationTime":"2026-11-06T03:12:09","Operation":"MailItemsAccessed","RecordType":50,"ResultStatus":"Succeeded","Workload":"Exchange","UserId":"victim@contoso.com","ClientAppId":"a7c1f6e2-5b4d-4c3a-9e8f-7d6c5b4a3f21","ClientIPAddress":"203.0.113.66"}
        """;

    [Fact]
    public async Task Audit_flags_the_phished_account_names_the_actor_and_plans_two_removals_then_revoke_and_verify()
    {
        var data = RampartCli.NewDataFolder();
        var list = RampartCli.WriteFile(data, "thallium.txt", "203.0.113[.]66\n");
        Assert.Equal(0, (await RampartCli.RunAsync(data, "intel", "import", list, "--actor", "THALLIUM", "--source", "dcu")).ExitCode);
        var logs = RampartCli.WriteFile(data, "logs.jsonl", Logs);

        var audit = await RampartCli.RunAsync(data, "audit", logs, "--format", "json");

        Assert.True(audit.ExitCode == 3, audit.Stderr);
        var account = Assert.Single(JsonDocument.Parse(audit.Stdout).RootElement.GetProperty("accounts").EnumerateArray());
        Assert.Equal("victim@contoso.com", account.GetProperty("account").GetString());
        Assert.Equal("compromised", account.GetProperty("status").GetString());
        Assert.NotEmpty(account.GetProperty("actors").EnumerateArray());
        Assert.Equal(["survives the password reset", "survives the password reset"],
            account.GetProperty("footholds").EnumerateArray().Select(f => f.GetProperty("label").GetString()));
        Assert.Contains(account.GetProperty("continued_access").EnumerateArray(), c => c.GetProperty("label").GetString() == "access continued after reset");
        var steps = account.GetProperty("plan").GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("command").GetString()!).ToList();
        Assert.Equal(3, steps.Count);
        Assert.StartsWith("Remove-InboxRule", steps[0], StringComparison.Ordinal);
        Assert.StartsWith("Get-MgOauth2PermissionGrant", steps[1], StringComparison.Ordinal);
        Assert.StartsWith("Revoke-MgUserSignInSession", steps[2], StringComparison.Ordinal);

        var html = await RampartCli.RunAsync(data, "audit", logs, "--format", "html");
        Assert.StartsWith("<!DOCTYPE html>", html.Stdout.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("access continued after reset", html.Stdout, StringComparison.Ordinal);
    }
}
