namespace Rampart.Intel.Stix.Patterns;

/// <summary>
/// <c>object-type:property.step[index]</c>. <see cref="Steps"/> are the property names (unquoted) and
/// list indexes written as <c>[0]</c> or <c>[*]</c>, so <c>file:hashes.'SHA-256'</c> is
/// (<c>file</c>, [<c>hashes</c>, <c>SHA-256</c>]).
/// </summary>
public sealed record ObjectPath(string ObjectType, IReadOnlyList<string> Steps)
{
    /// <summary>The path as one string without quotes, e.g. <c>file:hashes.SHA-256</c>.</summary>
    public string Text => ObjectType + ":" + string.Join('.', Steps);

    public bool Is(string objectType, params string[] steps) =>
        ObjectType.Equals(objectType, StringComparison.Ordinal) && Steps.SequenceEqual(steps, StringComparer.Ordinal);
}
