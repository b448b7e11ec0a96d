using Rampart.Accounts.Events;

namespace Rampart.Accounts.AuditLogs;

/// <summary>
/// How to read generic JSON lines: which (dotted) field holds each typed value, and which Sigma
/// logsource the events belong to. Written as <c>timestamp=ts,account=user.name,ip=src,operation=action,
/// result=outcome,workload=app,product=okta,service=system</c>.
/// </summary>
public sealed record FieldMap(
    Logsource Logsource,
    string? Timestamp = null,
    string? Account = null,
    string? ClientIp = null,
    string? Operation = null,
    string? Result = null,
    string? Workload = null)
{
    /// <summary>Parses <c>key=value</c> pairs separated by commas; an unknown key or a missing product is an error.</summary>
    public static bool TryParse(string text, out FieldMap? map, out string? error)
    {
        map = null;
        error = null;
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == pair.Length - 1)
            {
                error = $"'{pair}' is not key=value";
                return false;
            }

            var key = pair[..eq].Trim();
            if (!Keys.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                error = $"unknown key '{key}' (known: {string.Join(", ", Keys)})";
                return false;
            }

            values[key] = pair[(eq + 1)..].Trim();
        }

        if (!values.TryGetValue("product", out var product))
        {
            error = "the field map needs product=… (the Sigma logsource product of these events)";
            return false;
        }

        map = new FieldMap(
            new Logsource(product, values.GetValueOrDefault("service"), values.GetValueOrDefault("category")),
            values.GetValueOrDefault("timestamp"),
            values.GetValueOrDefault("account"),
            values.GetValueOrDefault("ip"),
            values.GetValueOrDefault("operation"),
            values.GetValueOrDefault("result"),
            values.GetValueOrDefault("workload"));
        return true;
    }

    private static readonly string[] Keys = ["timestamp", "account", "ip", "operation", "result", "workload", "product", "service", "category"];
}
