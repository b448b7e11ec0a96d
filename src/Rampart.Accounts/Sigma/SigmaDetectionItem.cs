namespace Rampart.Accounts.Sigma;

/// <summary>
/// One <c>field|modifier|…: values</c> entry of a search identifier, or a keyword list when
/// <see cref="Field"/> is null (matched against every value of the event).
/// </summary>
public sealed record SigmaDetectionItem(string? Field, IReadOnlyList<string> Modifiers, IReadOnlyList<SigmaValue> Values, int Line, int Column)
{
    /// <summary>The item as written in the rule, for explanations (<c>rules test</c>).</summary>
    public override string ToString()
    {
        var key = (Field ?? "") + string.Concat(Modifiers.Select(m => "|" + m));
        var values = Values.Count == 1 ? Values[0].Text : "[" + string.Join(", ", Values.Select(v => v.Text)) + "]";
        return key.Length == 0 ? values : $"{key}: {values}";
    }
}
