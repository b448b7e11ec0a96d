using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Rampart.Server.Sinkhole;

/// <summary>
/// Part of <c>/health/ready</c>: unhealthy once the sinkhole's spool holds more un-ingested hits than
/// its limit, so traffic moves away while every hit can still be written. Healthy when the sinkhole is off.
/// </summary>
public sealed class SinkholeReadinessCheck(SinkholeHost host) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var report = host.Readiness();
        var data = report is { } r
            ? new Dictionary<string, object> { ["pending_bytes"] = r.PendingBytes, ["limit_bytes"] = r.LimitBytes }
            : new Dictionary<string, object>();
        return Task.FromResult(report switch
        {
            null => HealthCheckResult.Healthy("sinkhole off"),
            { Ready: true } => HealthCheckResult.Healthy("sinkhole " + report.Value.Describe(), data),
            _ => HealthCheckResult.Unhealthy("sinkhole " + report.Value.Describe(), data: data),
        });
    }
}
