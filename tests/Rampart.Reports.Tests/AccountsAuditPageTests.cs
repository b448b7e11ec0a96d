using System.Text;
using Rampart.Accounts.AuditLogs;
using Rampart.Accounts.Footholds;
using Rampart.Reports.Accounts;

namespace Rampart.Reports.Tests;

public sealed class AccountsAuditPageTests
{
    // An inbox rule whose name, forwarding address and user agent are markup, forwarding outside (a sign of compromise), then a password change.
    private const string Logs = """
        {"CreationTime":"2026-11-02T09:05:12","Operation":"New-InboxRule","RecordType":1,"ResultStatus":"True","Workload":"Exchange","UserId":"victim@contoso.com","ClientIP":"203.0.113.66","Parameters":[{"Name":"Name","Value":"<script>alert(1)</script>"},{"Name":"ForwardTo","Value":"x@evil.example\"><img src=x onerror=alert(2)>"}],"UserAgent":"</pre><iframe src=//evil.example>"}
        {"activityDateTime":"2026-11-04T17:30:00Z","activityDisplayName":"Change user password","result":"success","initiatedBy":{"user":{"userPrincipalName":"victim@contoso.com","ipAddress":"192.0.2.10"}},"targetResources":[{"id":"1","type":"User","userPrincipalName":"victim@contoso.com"}]}
        """;

    [Fact]
    public async Task Every_value_from_the_logs_is_escaped_in_the_audit_page()
    {
        var analysis = await AnalyzeAsync();
        Assert.Equal(FootholdClassification.SurvivesReset, Assert.Single(Assert.Single(analysis.Accounts).Footholds).Classification);

        var html = await HtmlReport.RenderAsync<AccountsAuditPage>(new Dictionary<string, object?>
        {
            [nameof(AccountsAuditPage.Analysis)] = analysis,
            [nameof(AccountsAuditPage.Files)] = new[] { "<b>logs</b>.jsonl" },
        });

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>logs", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("survives the password reset", html, StringComparison.Ordinal);
        Assert.Contains("Remove-InboxRule -Mailbox &#x27;victim@contoso.com&#x27;", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }

    private static async Task<FootholdAnalysis> AnalyzeAsync()
    {
        var analyzer = new FootholdAnalyzer();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Logs));
        foreach (var item in new AuditLogReader(new AuditLogReaderOptions { Parallelism = 1 }).Read(stream, "hostile.jsonl"))
        {
            Assert.Null(item.Problem);
            analyzer.Add(item.Event!);
        }

        return await analyzer.AnalyzeAsync(null, TestContext.Current.CancellationToken);
    }
}
