using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Accounts;
using Rampart.Core.Auditing;

namespace Rampart.Server.Tests;

public sealed class AccountsApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Report = """{"account":"victim@contoso.com","status":"compromised","plan":{"steps":[{"number":1,"command":"Remove-InboxRule -Mailbox 'victim@contoso.com' -Identity '.' -Confirm:$false"},{"number":2,"command":"Revoke-MgUserSignInSession -UserId 'victim@contoso.com'"}],"completed":[]}}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stored_audit_is_listed_and_its_plan_is_served_by_account()
    {
        await server.App.Services.GetRequiredService<IAccountReportStore>().SaveAsync(
            [new AccountReportRecord("victim@contoso.com", "compromised", DateTimeOffset.UnixEpoch, null, "THALLIUM", 1, 2, Report, DateTimeOffset.UnixEpoch)],
            ChangeContext.System, Ct);
        using var reader = server.Client(server.ReaderKey);

        var listed = await reader.GetFromJsonAsync<JsonElement>("/api/v1/accounts", Ct);
        var account = Assert.Single(listed.EnumerateArray(), a => a.GetProperty("account").GetString() == "victim@contoso.com");
        Assert.Equal(("compromised", 2, "THALLIUM"), (account.GetProperty("status").GetString(), account.GetProperty("open_steps").GetInt32(), account.GetProperty("actors")[0].GetString()));

        var plan = await reader.GetFromJsonAsync<JsonElement>("/api/v1/accounts/Victim@contoso.com/plan", Ct);
        var steps = plan.GetProperty("plan").GetProperty("steps");
        Assert.Equal(2, steps.GetArrayLength());
        Assert.StartsWith("Revoke-MgUserSignInSession", steps[1].GetProperty("command").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_never_audited_is_not_found_and_the_list_needs_a_key()
    {
        using var reader = server.Client(server.ReaderKey);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/api/v1/accounts/nobody@contoso.com/plan", Ct)).StatusCode);

        using var anonymous = server.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/accounts", Ct)).StatusCode);
    }
}
