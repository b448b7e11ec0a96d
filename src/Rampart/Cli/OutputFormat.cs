namespace Rampart.Cli;

/// <summary>The one <c>--format</c> word of every verb that prints data.</summary>
public enum OutputFormat
{
    Text,
    Json,
    Csv,
    Jsonl,

    /// <summary>A self-contained HTML page (reports only).</summary>
    Html,
}
