using System.Text;

namespace Rampart.Accounts.Sigma;

/// <summary>One place a field may be in an event: property names from the root, each compared ignoring ASCII case.</summary>
internal sealed class FieldPath
{
    public FieldPath(IReadOnlyList<string> segments)
    {
        Segments = [.. segments];
        Utf8Segments = [.. segments.Select(Encoding.UTF8.GetBytes)];
    }

    public string[] Segments { get; }

    public byte[][] Utf8Segments { get; }

    public override string ToString() => string.Join('.', Segments);

    /// <summary>
    /// The places a rule's field name may be, in order: aliases; the name as one property (flat
    /// <c>dns.question.name</c>); its dotted path; Windows event JSON (<c>Event.EventData.X</c>, <c>Event.System.X</c>).
    /// </summary>
    public static List<FieldPath> CandidatesFor(string field, IEnumerable<string> aliases)
    {
        var candidates = new List<FieldPath>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Add(IReadOnlyList<string> segments)
        {
            if (segments.Count > 0 && seen.Add(string.Join('\u0001', segments)))
            {
                candidates.Add(new FieldPath(segments));
            }
        }

        foreach (var alias in aliases)
        {
            Add(alias.Split('.'));
        }

        Add([field]);
        if (field.Contains('.', StringComparison.Ordinal))
        {
            Add(field.Split('.'));
        }
        else
        {
            Add(["Event", "EventData", field]);
            Add(["Event", "System", field]);
        }

        return candidates;
    }
}
