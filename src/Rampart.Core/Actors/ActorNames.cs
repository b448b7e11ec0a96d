namespace Rampart.Core.Actors;

/// <summary>How actor names compare: case, spaces and punctuation do not count ("APT 28" = "apt28").</summary>
public static class ActorNames
{
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Create(name.Count(char.IsLetterOrDigit), name, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (char.IsLetterOrDigit(c))
                {
                    span[i++] = char.ToLowerInvariant(c);
                }
            }
        });
    }
}
