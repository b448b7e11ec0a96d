using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rampart.Core.Accounts;
using Rampart.Server.Platform.Auth;

namespace Rampart.Server.Accounts;

/// <summary>
/// <c>/api/v1/accounts</c>: the latest footholds audit of each account (<c>rampart audit</c> stores
/// it), and each account's report and remediation plan in the shape the CLI's JSON has.
/// </summary>
public static class AccountReportEndpoints
{
    public static IEndpointRouteBuilder MapAccountReports(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api/v1/accounts").WithTags("accounts").RequireAuthorization(RampartAuth.ReaderPolicy);
        accounts.MapGet("/", async (IAccountReportStore store, CancellationToken ct) => TypedResults.Ok((await store.ListAsync(ct)).Select(Summary)))
            .WithSummary("Every audited account, compromised first: status, compromise window, last reset, actors, footholds, open plan steps");
        accounts.MapGet("/{upn}", async Task<IResult> (string upn, IAccountReportStore store, CancellationToken ct) =>
            await store.GetAsync(upn, ct) is { } record ? TypedResults.Ok(Parse(record.Report)) : NotFound(upn))
            .WithSummary("One account's report: footholds with their evidence, access continued after the reset, findings, timeline, plan");
        accounts.MapGet("/{upn}/plan", async Task<IResult> (string upn, IAccountReportStore store, CancellationToken ct) =>
        {
            if (await store.GetAsync(upn, ct) is not { } record)
            {
                return NotFound(upn);
            }

            var report = Parse(record.Report);
            return TypedResults.Ok(new
            {
                record.Account,
                record.Status,
                record.AuditedAt,
                Plan = report.TryGetProperty("plan", out var plan) ? plan : default,
            });
        }).WithSummary("One account's remediation plan: each removal with its command and confirming audit record, then revoke and verify");
        return app;
    }

    private static object Summary(AccountReportRecord r) => new
    {
        r.Account,
        r.Status,
        r.WindowOpened,
        r.LastReset,
        Actors = r.Actors.Length == 0 ? [] : r.Actors.Split(", "),
        r.Footholds,
        r.OpenSteps,
        r.AuditedAt,
    };

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static ProblemHttpResult NotFound(string upn) =>
        TypedResults.Problem($"no audit of account '{upn}' is stored (run rampart audit)", statusCode: StatusCodes.Status404NotFound);
}
