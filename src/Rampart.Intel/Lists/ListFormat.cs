namespace Rampart.Intel.Lists;

/// <summary>Formats an indicator list is written in.</summary>
public enum ListFormat
{
    /// <summary>One value a line, with a comment header.</summary>
    Txt,
    Csv,
    Json,
    Jsonl,
}
