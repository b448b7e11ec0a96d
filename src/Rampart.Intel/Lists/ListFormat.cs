namespace Rampart.Intel.Lists;

/// <summary>Formats an indicator list is written in.</summary>
public enum ListFormat
{
    /// <summary>One value a line and nothing else, for piping into other tools.</summary>
    Txt,
    Csv,
    Json,
    Jsonl,
}
