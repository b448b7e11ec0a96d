namespace Rampart.Intel.Misp;

/// <summary>One problem in a MISP file, located as <c>file:line: field 'x': reason</c>; <see cref="Skipped"/> when the record was left out.</summary>
public sealed record MispProblem(string File, int Line, string? Field, string Reason, bool Skipped = true)
{
    public override string ToString() =>
        Field is null ? $"{File}:{Line}: {Reason}" : $"{File}:{Line}: field '{Field}': {Reason}";
}
