namespace Rampart.Intel.Stix;

/// <summary>
/// One problem in a bundle, located by the object's id (or its index in <c>objects</c> when it has
/// no usable id). <see cref="Skipped"/> says whether the object was left out or imported with a warning
/// (a reference to an object neither in the bundle nor in the store).
/// </summary>
public sealed record StixProblem(string File, int Index, string? ObjectId, string? Field, string Reason, bool Skipped)
{
    public override string ToString()
    {
        var where = ObjectId ?? $"objects[{Index}]";
        var field = Field is null ? "" : $" {Field}:";
        return $"{File}: {where}:{field} {Reason}{(Skipped ? " (skipped)" : "")}";
    }
}
