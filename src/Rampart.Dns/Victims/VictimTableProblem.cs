namespace Rampart.Dns.Victims;

/// <summary>A row of a network table that was skipped: its line, the field at fault and why.</summary>
public sealed record VictimTableProblem(int Line, string Field, string Message)
{
    /// <summary><c>file:line: field: why</c>, as every Rampart reader reports.</summary>
    public string Describe(string file) => $"{file}:{Line}: {Field}: {Message}";
}
