namespace Rampart.Accounts.Sigma;

/// <summary>A parsed detection condition: the boolean expression over search identifiers.</summary>
public abstract record SigmaCondition
{
    /// <summary>A search identifier by name, e.g. <c>selection</c>.</summary>
    public sealed record Identifier(string Name) : SigmaCondition
    {
        public override string ToString() => Name;
    }

    public sealed record And(SigmaCondition Left, SigmaCondition Right) : SigmaCondition
    {
        public override string ToString() => $"({Left} and {Right})";
    }

    public sealed record Or(SigmaCondition Left, SigmaCondition Right) : SigmaCondition
    {
        public override string ToString() => $"({Left} or {Right})";
    }

    public sealed record Not(SigmaCondition Operand) : SigmaCondition
    {
        public override string ToString() => $"not {Operand}";
    }

    /// <summary><c>1 of pattern</c> / <c>all of pattern</c>; a null pattern is <c>them</c>.</summary>
    public sealed record Of(bool All, string? Pattern) : SigmaCondition
    {
        public override string ToString() => $"{(All ? "all" : "1")} of {Pattern ?? "them"}";
    }
}
