namespace Rampart.Intel.Lists;

/// <summary>Why one row of a list was refused, located as <c>file:line: reason</c> or <c>file:line: column 'x': reason</c>.</summary>
public sealed record IndicatorListError(string File, int Line, string? Column, string Reason)
{
    public override string ToString() =>
        Column is null ? $"{File}:{Line}: {Reason}" : $"{File}:{Line}: column '{Column}': {Reason}";
}
