using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rampart.Accounts.Sigma;
using Rampart.Core.Accounts;
using Rampart.Server.Platform.Auth;

namespace Rampart.Server.Accounts;

/// <summary><c>/api/v1/rules</c>: Sigma rules stored, listed, enabled per rule and per log source.</summary>
public static class SigmaRuleEndpoints
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/v1/rules").WithTags("rules").RequireAuthorization(RampartAuth.ReaderPolicy);
        rules.MapGet("/", async (string? product, string? service, bool? enabled, ISigmaRuleStore store, CancellationToken ct) =>
            TypedResults.Ok((await store.ListAsync(product, service, enabled, ct)).Select(Summary)))
            .WithSummary("Stored Sigma rules (without their YAML), optionally of one product/service or enabled state");
        rules.MapGet("/logsources", async (ISigmaRuleStore store, CancellationToken ct) => TypedResults.Ok(await store.ListLogSourcesAsync(ct)))
            .WithSummary("The rule set of each log source: rule counts and whether it is switched on");
        rules.MapPut("/logsources", SwitchLogSourceAsync).RequireAuthorization(RampartAuth.AnalystPolicy);
        rules.MapGet("/{id}", async Task<IResult> (string id, ISigmaRuleStore store, CancellationToken ct) =>
            await store.GetAsync(id, ct) is { } rule ? TypedResults.Ok(rule) : NotFound(id));
        rules.MapPost("/", UploadAsync).RequireAuthorization(RampartAuth.AnalystPolicy)
            .WithSummary("Stores every document of one Sigma YAML file, or none: a file with a document that cannot load answers 400 with each error's line");
        rules.MapPost("/{id}/enable", (string id, HttpContext context, ISigmaRuleStore store, CancellationToken ct) => EnableAsync(id, true, context, store, ct))
            .RequireAuthorization(RampartAuth.AnalystPolicy);
        rules.MapPost("/{id}/disable", (string id, HttpContext context, ISigmaRuleStore store, CancellationToken ct) => EnableAsync(id, false, context, store, ct))
            .RequireAuthorization(RampartAuth.AnalystPolicy);
        rules.MapDelete("/{id}", async Task<IResult> (string id, HttpContext context, ISigmaRuleStore store, CancellationToken ct) =>
            await store.DeleteAsync(id, context.ChangeContext(), ct) ? TypedResults.NoContent() : NotFound(id))
            .RequireAuthorization(RampartAuth.AnalystPolicy);
        app.MapAccountReports();
        return app;
    }

    private static async Task<IResult> UploadAsync(SigmaRuleUpload upload, HttpContext context, ISigmaRuleStore store, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(upload.Yaml))
        {
            return TypedResults.Problem("yaml is empty", statusCode: StatusCodes.Status400BadRequest);
        }

        if (upload.Yaml.Length > SigmaRuleUpload.MaxYamlChars)
        {
            return TypedResults.Problem($"yaml is larger than {SigmaRuleUpload.MaxYamlChars} characters", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var source = string.IsNullOrWhiteSpace(upload.Source) ? "upload.yml" : upload.Source.Trim();
        var (records, errors) = SigmaRuleRecords.FromFile(upload.Yaml, source);
        if (errors.Count > 0)
        {
            return TypedResults.Problem(
                string.Join("\n", errors.Select(e => e.ToString())),
                statusCode: StatusCodes.Status400BadRequest,
                title: "The rule file cannot be used",
                extensions: new Dictionary<string, object?> { ["errors"] = errors.Select(e => new { file = e.File, line = e.Line, column = e.Column, reason = e.Reason }).ToList() });
        }

        var changed = await store.ImportAsync(records, context.ChangeContext(), ct);
        return TypedResults.Ok(new { stored = records.Select(r => new { id = r.Id, title = r.Title, kind = r.Kind }).ToList(), changed });
    }

    private static async Task<IResult> EnableAsync(string id, bool enabled, HttpContext context, ISigmaRuleStore store, CancellationToken ct) =>
        await store.SetEnabledAsync(id, enabled, context.ChangeContext(), ct) ? TypedResults.NoContent() : NotFound(id);

    private static async Task<IResult> SwitchLogSourceAsync(SigmaLogSourceSwitch request, HttpContext context, ISigmaRuleStore store, CancellationToken ct)
    {
        if (request.Product is null && request.Service is null && request.Category is null)
        {
            return TypedResults.Problem("name at least one of product, service, category", statusCode: StatusCodes.Status400BadRequest);
        }

        await store.SetLogSourceEnabledAsync(request.Product, request.Service, request.Category, request.Enabled, context.ChangeContext(), ct);
        return TypedResults.NoContent();
    }

    private static object Summary(StoredSigmaRule r) =>
        new { r.Id, r.Title, r.Kind, r.Product, r.Service, r.Category, r.Level, r.Status, r.Enabled, r.Source, r.ModifiedAt };

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem($"no rule with id '{id}'", statusCode: StatusCodes.Status404NotFound);
}
