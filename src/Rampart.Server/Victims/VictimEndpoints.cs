using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rampart.Core.Cases;
using Rampart.Core.Sinkhole;
using Rampart.Dns.Victims;
using Rampart.Server.Platform.Auth;

namespace Rampart.Server.Victims;

/// <summary><c>/api/v1/cases/{id}/victims</c>: the organizations a case's sinkhole hits come from.</summary>
public static class VictimEndpoints
{
    public static IEndpointRouteBuilder MapVictims(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/cases/{id}/victims", ListAsync)
            .WithTags("cases")
            .RequireAuthorization(RampartAuth.ReaderPolicy)
            .WithSummary("Per organization: first and last seen, hits, source addresses and the names they reached; format=csv for Shadowserver-style CSV");
        return app;
    }

    private static async Task<IResult> ListAsync(string id, string? format, IVictimStore victims, ICaseStore cases, CancellationToken ct)
    {
        if (format is not (null or "json" or "csv"))
        {
            return TypedResults.Problem("format is json or csv", statusCode: StatusCodes.Status400BadRequest);
        }

        var activity = await victims.ActivityAsync(id, ct);
        if (activity.Count == 0 && await cases.GetAsync(id, ct) is null)
        {
            return TypedResults.Problem($"no case {id} and no hits for it", statusCode: StatusCodes.Status404NotFound);
        }

        var report = VictimReport.Build(activity, VictimAttributor.Build(await victims.ListNetworksAsync(ct)));
        if (format != "csv")
        {
            return TypedResults.Ok(report);
        }

        var csv = new StringBuilder(VictimCsv.Header).Append("\r\n");
        foreach (var line in VictimCsv.Lines(id, report))
        {
            csv.Append(line);
        }

        return TypedResults.Text(csv.ToString(), "text/csv; charset=utf-8");
    }
}
