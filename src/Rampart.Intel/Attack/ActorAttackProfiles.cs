using System.Text.Json;
using Rampart.Core.Actors;
using Rampart.Core.Stix;

namespace Rampart.Intel.Attack;

/// <summary>
/// Reads an actor's ATT&amp;CK profile from the STIX store: the intrusion sets that are the actor (same
/// STIX id, same ATT&amp;CK group id, or one of its names), their <c>uses</c> relationships, and the
/// attack patterns (with their kill chain phases = tactics) and software at the other end.
/// Revoked and deprecated objects and relationships are left out, so a newer ATT&amp;CK release that
/// retires a technique retires it here too.
/// </summary>
public sealed class ActorAttackProfiles(IStixStore stix)
{
    public async Task<ActorAttackProfile> ForAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var groups = new Dictionary<string, StoredStixObject>(StringComparer.Ordinal);
        var keys = actor.Aliases.Select(a => a.Name).Append(actor.Name).Append(actor.AttackId).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var key in keys)
        {
            foreach (var group in await stix.FindAsync("intrusion-set", key, cancellationToken).ConfigureAwait(false))
            {
                // A name alone links only when ATT&CK's group id does not contradict the actor's.
                if (actor.AttackId is null || group.ExternalId is null || string.Equals(group.ExternalId, actor.AttackId, StringComparison.OrdinalIgnoreCase))
                {
                    groups.TryAdd(group.Id, group);
                }
            }
        }

        var uses = (await stix.RelationshipsOfAsync(groups.Keys.Append(actor.Id).ToList(), cancellationToken).ConfigureAwait(false))
            .Where(r => r.RelationshipType == "uses" && !r.Revoked && !IsDeprecated(r.Json) && (groups.ContainsKey(r.SourceRef!) || r.SourceRef == actor.Id))
            .Select(r => r.TargetRef!)
            .ToHashSet(StringComparer.Ordinal);

        var techniques = new List<AttackTechnique>();
        var software = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var target in stix.StreamAsync(new StixSelection(Ids: uses.ToList()), cancellationToken).ConfigureAwait(false))
        {
            if (target.Revoked || IsDeprecated(target.Json))
            {
                continue;
            }

            if (target.Type == "attack-pattern")
            {
                techniques.Add(new AttackTechnique(target.ExternalId, target.Name ?? target.Id, Tactics(target.Json)));
            }
            else if (target.Type is "malware" or "tool")
            {
                software[target.Id] = target.ExternalId is null ? target.Name ?? target.Id : $"{target.Name} ({target.ExternalId})";
            }
        }

        // Techniques of the actor's software, for groups ATT&CK describes through their tools (APT28 in Mobile).
        var direct = techniques.Select(t => t.AttackId).ToHashSet(StringComparer.Ordinal);
        var viaSoftware = (await stix.RelationshipsOfAsync(software.Keys.ToList(), cancellationToken).ConfigureAwait(false))
            .Where(r => r.RelationshipType == "uses" && !r.Revoked && !IsDeprecated(r.Json) && software.ContainsKey(r.SourceRef!))
            .GroupBy(r => r.TargetRef!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => software[g.First().SourceRef!], StringComparer.Ordinal);
        await foreach (var target in stix.StreamAsync(new StixSelection(Ids: viaSoftware.Keys.ToList(), Types: ["attack-pattern"]), cancellationToken).ConfigureAwait(false))
        {
            if (!target.Revoked && !IsDeprecated(target.Json) && !direct.Contains(target.ExternalId))
            {
                techniques.Add(new AttackTechnique(target.ExternalId, target.Name ?? target.Id, Tactics(target.Json), viaSoftware[target.Id]));
            }
        }

        return new ActorAttackProfile(
            groups.Values.Select(g => g.ExternalId is null ? g.Name ?? g.Id : $"{g.Name} ({g.ExternalId})").Order(StringComparer.Ordinal).ToList(),
            techniques,
            software.Values.Order(StringComparer.Ordinal).ToList());
    }

    private static bool IsDeprecated(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("x_mitre_deprecated", out var deprecated) && deprecated.ValueKind == JsonValueKind.True;
    }

    private static List<string> Tactics(string json)
    {
        using var document = JsonDocument.Parse(json);
        var tactics = new List<string>();
        if (document.RootElement.TryGetProperty("kill_chain_phases", out var phases) && phases.ValueKind == JsonValueKind.Array)
        {
            foreach (var phase in phases.EnumerateArray())
            {
                if (phase.TryGetProperty("phase_name", out var name) && name.ValueKind == JsonValueKind.String)
                {
                    tactics.Add(name.GetString()!);
                }
            }
        }

        return tactics;
    }
}
