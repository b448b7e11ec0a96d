using Rampart.Core.Actors;
using Rampart.Intel.Actors;

namespace Rampart.Intel.Tests.Actors;

internal static class ActorAssert
{
    /// <summary>The one actor the name finds; fails listing the candidates when there are none or several.</summary>
    public static Actor Single(ActorKnowledgeBase knowledge, string name)
    {
        var found = knowledge.Find(name);
        Assert.True(found.Count == 1, $"'{name}' finds {found.Count} actors: {string.Join(" | ", found.Select(a => a.Name))}");
        return found[0];
    }

    public static bool HasName(Actor actor, string name) =>
        actor.Aliases.Any(a => ActorNames.Normalize(a.Name) == ActorNames.Normalize(name));

    public static void Names(Actor actor, params string[] names)
    {
        foreach (var name in names)
        {
            Assert.True(HasName(actor, name), $"{actor.Name} should be named '{name}'; its names: {string.Join(", ", actor.Aliases.Select(a => a.Name))}");
        }
    }

    public static void DoesNotName(Actor actor, params string[] names)
    {
        foreach (var name in names)
        {
            Assert.False(HasName(actor, name), $"{actor.Name} should not be named '{name}'");
        }
    }
}
