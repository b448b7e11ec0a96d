using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rampart.Core.Markings;
using Rampart.Detection.Verdicts;
using Rampart.Server.Intel;
using Rampart.Server.Platform.Auth;

namespace Rampart.Server.Detection;

public static class DetectionEndpoints
{
    public static IEndpointRouteBuilder MapDetection(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/verdicts", Check)
            .WithTags("verdicts")
            .WithSummary("Verdicts for a batch of values, each with disposition, score, reasons and attribution; a hit above the caller's TLP ceiling counts without its details, a TLP:RED hit not at all (X-Rampart-Withheld)")
            .RequireAuthorization(RampartAuth.ReaderPolicy);
        return app;
    }

    private static async Task<IResult> Check(VerdictsRequest request, HttpContext context, IVerdictEngine engine, CancellationToken cancellationToken)
    {
        if (request.Values is not { Count: > 0 } values)
        {
            return TypedResults.Problem("values is empty", statusCode: StatusCodes.Status400BadRequest);
        }

        if (values.Count > VerdictsRequest.MaxValues)
        {
            return TypedResults.Problem($"at most {VerdictsRequest.MaxValues} values per request", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var gate = context.Gate();
        var verdicts = new Verdict[values.Count];
        for (var i = 0; i < verdicts.Length; i++)
        {
            verdicts[i] = VerdictMarkings.Apply(await engine.CheckAsync(values[i] ?? "", cancellationToken), gate);
        }

        context.ReportWithheld(gate, "verdicts", redAsAbsent: true);
        return TypedResults.Ok(new { revision = engine.Revision, verdicts, withheld = gate.RefusedTotal - gate.Refused.GetValueOrDefault(Tlp.Red.ToWire()) });
    }
}
