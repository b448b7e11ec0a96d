using System.CommandLine;

namespace Rampart.Cli;

/// <summary>The options every verb shares, declared once and inherited by all subcommands.</summary>
public static class CliOptions
{
    public static readonly Option<string> Data = new("--data")
    {
        Description = "Data folder of the embedded store (env RAMPART_DATA)",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("RAMPART_DATA") is { Length: > 0 } data ? data : "./rampart-data",
    };

    public static readonly Option<string?> Database = new("--database")
    {
        Description = "PostgreSQL connection string instead of the embedded store (env RAMPART_DATABASE)",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("RAMPART_DATABASE") is { Length: > 0 } db ? db : null,
    };

    public static readonly Option<string?> Server = new("--server")
    {
        Description = "Work through a running server at this URL instead of on the store (env RAMPART_SERVER)",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("RAMPART_SERVER") is { Length: > 0 } url ? url : null,
    };

    public static readonly Option<string?> ApiKey = new("--api-key")
    {
        Description = "API key for --server (env RAMPART_API_KEY; prefer the variable: arguments show in ps)",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("RAMPART_API_KEY") is { Length: > 0 } key ? key : null,
    };

    /// <summary>A <c>--format</c> option offering text and JSON, plus CSV and JSON lines for verbs that print rows.</summary>
    public static Option<OutputFormat> Format(bool rows, OutputFormat defaultFormat = OutputFormat.Text)
    {
        var allowed = rows ? new[] { "text", "json", "csv", "jsonl" } : ["text", "json"];
        var option = new Option<OutputFormat>("--format", "-f")
        {
            Description = $"Output format: {string.Join('|', allowed)}",
            DefaultValueFactory = _ => defaultFormat,
            CustomParser = result => Enum.Parse<OutputFormat>(result.Tokens[^1].Value, ignoreCase: true),
        };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }
}
