namespace Rampart.Accounts.Sigma;

/// <summary>A YAML mapping in document order (Sigma's detection items keep their order for explanations).</summary>
internal sealed class YMapping(IReadOnlyList<KeyValuePair<YScalar, YNode>> entries, int line, int column) : YNode(line, column)
{
    public IReadOnlyList<KeyValuePair<YScalar, YNode>> Entries { get; } = entries;

    public YNode? this[string key]
    {
        get
        {
            foreach (var (k, v) in Entries)
            {
                if (k.Text == key)
                {
                    return v;
                }
            }

            return null;
        }
    }

    /// <summary>The key node of <paramref name="key"/>: where errors about a missing part of its value point.</summary>
    public YScalar? KeyOf(string key)
    {
        foreach (var (k, _) in Entries)
        {
            if (k.Text == key)
            {
                return k;
            }
        }

        return null;
    }

    /// <summary>
    /// This mapping with <paramref name="overlay"/> on top: nested mappings merge, anything else is
    /// replaced. This is how a rule collection's <c>action: global</c> document joins each rule.
    /// </summary>
    public YMapping MergedWith(YMapping overlay)
    {
        var entries = new List<KeyValuePair<YScalar, YNode>>(Entries);
        foreach (var (key, value) in overlay.Entries)
        {
            var index = entries.FindIndex(e => e.Key.Text == key.Text);
            if (index < 0)
            {
                entries.Add(new(key, value));
            }
            else if (entries[index].Value is YMapping existing && value is YMapping nested)
            {
                entries[index] = new(key, existing.MergedWith(nested));
            }
            else
            {
                entries[index] = new(key, value);
            }
        }

        return new YMapping(entries, overlay.Line, overlay.Column);
    }
}
