namespace Rampart.Cases.Pivots;

/// <summary>A record of pivot data that was skipped: where it is and why.</summary>
/// <param name="Line">1-based line (CSV record start, JSON line, or the line of the JSON value).</param>
/// <param name="Field">The field at fault, or null when the record as a whole is.</param>
public sealed record PivotReadError(string File, int Line, string? Field, string Message)
{
    public override string ToString() => $"{File}:{Line}: {(Field is null ? "" : Field + ": ")}{Message}";
}
