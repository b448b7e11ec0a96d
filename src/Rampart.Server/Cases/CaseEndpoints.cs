using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rampart.Cases.Appendix;
using Rampart.Cases.Cases;
using Rampart.Core.Actors;
using Rampart.Core.Cases;
using Rampart.Reports.Cases;
using Rampart.Server.Platform.Auth;

namespace Rampart.Server.Cases;

/// <summary><c>/api/v1/cases</c>: takedown cases created, grown (by hand, an actor, pivots), moved through their workflow, exported.</summary>
public static class CaseEndpoints
{
    /// <summary>Attachments larger than this are refused: screenshots and letters, not disk images.</summary>
    public const int MaxAttachmentBytes = 20 * 1024 * 1024;

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/cases").WithTags("cases").RequireAuthorization(RampartAuth.ReaderPolicy);
        cases.MapGet("/", async (string? status, ICaseStore store, CancellationToken ct) =>
            TypedResults.Ok(await store.ListAsync(CaseStatuses.TryParse(status, out var s) ? [s] : null, ct)))
            .WithSummary("Cases, newest first, optionally of one status");
        cases.MapPost("/", CreateAsync).RequireAuthorization(RampartAuth.AnalystPolicy).WithSummary("Opens a draft case");
        cases.MapGet("/{id}", async Task<IResult> (string id, ICaseStore store, CancellationToken ct) =>
            await store.GetDetailAsync(id, ct) is { } detail ? TypedResults.Ok(detail) : NotFound(id))
            .WithSummary("A case with its domains, evidence and status history");
        cases.MapPost("/{id}/domains", AddDomainsAsync).RequireAuthorization(RampartAuth.AnalystPolicy)
            .WithSummary("Adds domains with a reason, or every domain indicator of an actor; each domain's known evidence is captured");
        cases.MapPost("/{id}/status", SetStatusAsync).RequireAuthorization(RampartAuth.AnalystPolicy)
            .WithSummary("Moves the case one step: draft → filed → granted → seized → sinkholed → released; anything else answers 409");
        cases.MapPost("/{id}/evidence", AddEvidenceAsync).RequireAuthorization(RampartAuth.AnalystPolicy)
            .WithSummary("Adds a note, registration facts or an attachment (kept with its SHA-256)");
        cases.MapGet("/{id}/pivot", async Task<IResult> (string id, CaseService service, CancellationToken ct) =>
            await service.PivotAsync(id, null, ct) is { } candidates ? TypedResults.Ok(candidates) : NotFound(id))
            .WithSummary("Candidates sharing registrant, name servers, IPs in a period, a certificate or a naming pattern with the case's domains");
        cases.MapPost("/{id}/pivot", AddCandidatesAsync).RequireAuthorization(RampartAuth.AnalystPolicy)
            .WithSummary("Adds pivot candidates, each with its shared attributes as reason and evidence");
        cases.MapGet("/{id}/export", ExportAsync).WithSummary("The court appendix: format=csv or html; the same case gives the same bytes");
        app.MapRpz();
        return app;
    }

    private static async Task<IResult> CreateAsync(NewCaseRequest request, HttpContext context, ICaseStore store, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return TypedResults.Problem("name is required", statusCode: StatusCodes.Status400BadRequest);
        }

        var created = await store.CreateAsync(request.Name, request.Description, context.ChangeContext(), ct);
        return TypedResults.Created($"/api/v1/cases/{created.Id}", created);
    }

    private static async Task<IResult> AddDomainsAsync(string id, AddDomainsRequest request, HttpContext context, CaseService service, IActorStore actors, CancellationToken ct)
    {
        AddDomainsOutcome? outcome;
        if (request.Actor is { Length: > 0 } actorName)
        {
            var found = await actors.FindByNameAsync(actorName, ct);
            if (found.Count != 1)
            {
                return TypedResults.Problem(found.Count == 0 ? $"no actor named {actorName}" : $"{actorName} names {found.Count} actors: {string.Join(", ", found.Select(a => a.Name))}", statusCode: StatusCodes.Status400BadRequest);
            }

            outcome = await service.AddActorDomainsAsync(id, found[0].Id, found[0].Name, context.ChangeContext(), ct);
        }
        else
        {
            if (request.Domains is not { Count: > 0 })
            {
                return TypedResults.Problem("name domains or an actor", statusCode: StatusCodes.Status400BadRequest);
            }

            outcome = await service.AddDomainsAsync(id, request.Domains, string.IsNullOrWhiteSpace(request.Reason) ? "by hand" : request.Reason.Trim(), context.ChangeContext(), ct);
        }

        if (outcome is null)
        {
            return NotFound(id);
        }

        return outcome.Errors.Count > 0
            ? TypedResults.Problem(string.Join("\n", outcome.Errors), statusCode: StatusCodes.Status400BadRequest, title: "Some inputs are not domains; nothing was added",
                extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors })
            : TypedResults.Ok(new { added = outcome.Added });
    }

    private static async Task<IResult> SetStatusAsync(string id, StatusRequest request, HttpContext context, ICaseStore store, CancellationToken ct)
    {
        if (!CaseStatuses.TryParse(request.Status, out var to))
        {
            return TypedResults.Problem($"status must be one of {string.Join(", ", CaseStatuses.All.Select(s => s.ToWire()))}", statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await store.SetStatusAsync(id, to, request.Note, context.ChangeContext(), ct);
        return result.Outcome switch
        {
            StatusChangeOutcome.Changed => TypedResults.Ok(await store.GetAsync(id, ct)),
            StatusChangeOutcome.NotFound => NotFound(id),
            StatusChangeOutcome.NotAllowed => TypedResults.Problem(result.Describe(), statusCode: StatusCodes.Status409Conflict, title: "Transition not allowed"),
        };
    }

    private static async Task<IResult> AddEvidenceAsync(string id, EvidenceRequest request, HttpContext context, ICaseStore store, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var who = context.ChangeContext().Who;
        NewEvidence evidence;
        switch (request.Kind?.Trim().ToLowerInvariant())
        {
            case "note" when !string.IsNullOrWhiteSpace(request.Summary):
                evidence = new NewEvidence(request.Domain, EvidenceKind.Note, now, who, request.Summary);
                break;
            case "registration":
                evidence = new RegistrationFacts(request.Registrar, request.Created, request.RegistrantEmail, request.RegistrantName).ToEvidence(request.Domain ?? "", who, now) with { Domain = request.Domain };
                break;
            case "attachment" when request.FileName is { Length: > 0 } && request.ContentBase64 is not null:
                byte[] content;
                try
                {
                    content = Convert.FromBase64String(request.ContentBase64);
                }
                catch (FormatException)
                {
                    return TypedResults.Problem("content_base64 is not base64", statusCode: StatusCodes.Status400BadRequest);
                }

                if (content.Length > MaxAttachmentBytes)
                {
                    return TypedResults.Problem($"attachments are limited to {MaxAttachmentBytes} bytes", statusCode: StatusCodes.Status413PayloadTooLarge);
                }

                evidence = new NewEvidence(request.Domain, EvidenceKind.Attachment, now, who, request.Summary ?? request.FileName, FileName: Path.GetFileName(request.FileName), Content: content);
                break;
            default:
                return TypedResults.Problem("kind must be note (with summary), registration, or attachment (with file_name and content_base64)", statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            return await store.AddEvidenceAsync(id, [evidence], context.ChangeContext(), ct) is { } stored ? TypedResults.Ok(stored[0]) : NotFound(id);
        }
        catch (ArgumentException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> AddCandidatesAsync(string id, AddCandidatesRequest request, HttpContext context, CaseService service, TimeProvider time, CancellationToken ct)
    {
        var candidates = await service.PivotAsync(id, null, ct);
        if (candidates is null)
        {
            return NotFound(id);
        }

        var chosen = request.Domains is { Count: > 0 } names ? candidates.Where(c => names.Contains(c.Domain, StringComparer.OrdinalIgnoreCase)).ToList() : [.. candidates];
        var outcome = await service.AddCandidatesAsync(id, chosen, time.GetUtcNow(), context.ChangeContext(), ct);
        return TypedResults.Ok(new { added = outcome?.Added ?? [] });
    }

    private static async Task<IResult> ExportAsync(string id, string? format, ICaseStore store, CancellationToken ct)
    {
        if (await store.GetDetailAsync(id, ct) is not { } detail)
        {
            return NotFound(id);
        }

        var appendix = AppendixBuilder.Build(detail);
        return format?.ToLowerInvariant() switch
        {
            null or "csv" => TypedResults.File(Encoding.UTF8.GetBytes(appendix.Csv), "text/csv; charset=utf-8", $"{id}-appendix.csv"),
            "html" => TypedResults.File(Encoding.UTF8.GetBytes(await CaseAppendixHtml.RenderAsync(appendix)), "text/html; charset=utf-8", $"{id}-appendix.html"),
            _ => TypedResults.Problem("format must be csv or html", statusCode: StatusCodes.Status400BadRequest),
        };
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"no case {id}", statusCode: StatusCodes.Status404NotFound);
}
