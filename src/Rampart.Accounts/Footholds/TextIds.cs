using System.Runtime.InteropServices;

namespace Rampart.Accounts.Footholds;

/// <summary>
/// One number per text for what tallies keep of every record (accounts, operations, apps, files,
/// sessions seen twice): a tally then holds numbers, not references, and the garbage collector has
/// nothing to trace in a table of a million tallies.
/// </summary>
internal sealed class TextIds
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _texts = [];

    /// <summary>The text's number, given one now if it has none; -1 for none.</summary>
    public int Id(string? text)
    {
        if (text is null)
        {
            return -1;
        }

        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, text, out var exists);
        if (!exists)
        {
            id = _texts.Count;
            _texts.Add(text);
        }

        return id;
    }

    /// <summary>The text's number, or -1 when it has none.</summary>
    public int Find(string text) => _ids.TryGetValue(text, out var id) ? id : -1;

    public string? Text(int id) => id < 0 ? null : _texts[id];
}
