namespace Rampart.Cli;

/// <summary>The one <c>--format</c> word of every verb that prints data.</summary>
public enum OutputFormat
{
    Text,
    Json,
    Csv,
    Jsonl,
}
