using System.Text.Json;
using Rampart.Accounts.Sigma;
using static Rampart.Accounts.Tests.Sigma.Sigma;

namespace Rampart.Accounts.Tests.Sigma;

/// <summary>The hot-path budget, checked in the suite: evaluating an event that matches nothing allocates nothing.</summary>
public sealed class AllocationTests
{
    [Fact]
    public void Evaluating_events_allocates_nothing_once_warm()
    {
        var set = Compile(Rule("""
            sel_ops:
                Operation: [New-InboxRule, Set-Mailbox, Add-MailboxPermission]
            sel_text:
                ClientInfoString|contains: [python, curl, powershell]
                UserId|endswith: '@contoso.example'
            sel_re:
                ObjectId|re: '^[a-z]+\.xlsx$'
            sel_cidr:
                ClientIP|cidr: [10.0.0.0/8, '2001:db8::/32']
            sel_glob:
                UserAgent: 'Mozilla/*Chrome/1??.*'
            sel_nested:
                Parameters.Value|endswith: '@external.example'
            keywords:
                - 'mimikatz'
            condition: 1 of sel_* or keywords
            """));
        using var document = JsonDocument.Parse("""
            {"Operation":"MailItemsAccessed","UserId":"bob@fabrikam.example","ClientInfoString":"Client=OWA;Mozilla/5.0",
             "ObjectId":"Report.XLSX","ClientIP":"192.0.2.7","UserAgent":"Mozilla/5.0 Safari/605","Parameters":[{"Name":"Identity","Value":"bob"}],
             "Nested":{"Deep":["a","b",{"c":"d"}]}}
            """);
        var evaluator = set.CreateEvaluator();
        var matches = new List<SigmaMatch>();
        for (var i = 0; i < 100; i++)
        {
            evaluator.Evaluate(M365, document.RootElement, DateTimeOffset.UnixEpoch, matches);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            evaluator.Evaluate(M365, document.RootElement, DateTimeOffset.UnixEpoch, matches);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Empty(matches);
    }
}
