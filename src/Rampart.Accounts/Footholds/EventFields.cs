using System.Text.Json;
using System.Text.RegularExpressions;
using Rampart.Accounts.AuditLogs;
using Rampart.Accounts.Events;

namespace Rampart.Accounts.Footholds;

/// <summary>
/// The fields footholds need beyond the typed ones of <see cref="AuditEvent"/>, in every shape the
/// readers produce: UAL cmdlet parameters (flattened to <c>Parameters.X</c>), UAL
/// <c>ModifiedProperties</c>, Graph <c>targetResources[].modifiedProperties[]</c>.
/// </summary>
internal static partial class EventFields
{
    /// <summary>
    /// The client application: UAL's <c>ClientAppId</c> (else <c>AppAccessContext.ClientAppId</c>, else
    /// <c>AppId</c>), a sign-in's <c>appId</c>. Exact-case look-ups only: this runs for every event, and a
    /// case-insensitive miss walks every field of the record.
    /// </summary>
    public static string? AppId(AuditEvent auditEvent)
    {
        if (auditEvent.AppIdKnown)
        {
            return auditEvent.KnownAppId;
        }

        var data = auditEvent.Data;
        return Exact(data, "ClientAppId")
            ?? (data.TryGetProperty("AppAccessContext", out var context) && context.ValueKind == JsonValueKind.Object ? Exact(context, "ClientAppId") : null)
            ?? Exact(data, "AppId")
            ?? Exact(data, "appId");
    }

    private static string? Exact(JsonElement data, string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? NonEmpty(value.GetString()) : null;

    public static string? Parameter(AuditEvent auditEvent, string name) => NonEmpty(JsonFields.GetText(auditEvent.Data, "Parameters." + name));

    public static string? Text(AuditEvent auditEvent, string path) => NonEmpty(JsonFields.GetText(auditEvent.Data, path));

    public static string? FirstText(JsonElement data, string[] paths)
    {
        foreach (var path in paths)
        {
            if (NonEmpty(JsonFields.GetText(data, path)) is { } text)
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>A modified property's new value: UAL's flattened <c>ModifiedProperties.Name.NewValue</c>, or Graph's <c>targetResources[].modifiedProperties[]</c> entry of that display name.</summary>
    public static string? ModifiedValue(AuditEvent auditEvent, string name)
    {
        if (Text(auditEvent, $"ModifiedProperties.{name}.NewValue") is { } flat)
        {
            return flat;
        }

        foreach (var target in Targets(auditEvent.Data))
        {
            if (!JsonFields.TryGet(target, "modifiedProperties", out var properties) || properties.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var property in properties.EnumerateArray())
            {
                if (string.Equals(JsonFields.GetText(property, "displayName"), name, StringComparison.OrdinalIgnoreCase))
                {
                    return NonEmpty(JsonFields.GetText(property, "newValue"));
                }
            }
        }

        return null;
    }

    /// <summary>Graph's and Sentinel's <c>targetResources</c> entries (none for UAL records).</summary>
    public static IEnumerable<JsonElement> Targets(JsonElement data)
    {
        if (JsonFields.TryGet(data, "targetResources", out var targets) && targets.ValueKind == JsonValueKind.Array)
        {
            foreach (var target in targets.EnumerateArray())
            {
                if (target.ValueKind == JsonValueKind.Object)
                {
                    yield return target;
                }
            }
        }
    }

    /// <summary>The first target's id: Graph's <c>targetResources[0].id</c>, else UAL's ObjectId or first Target ID, without a <c>ServicePrincipal_</c>-style prefix.</summary>
    public static string? TargetId(AuditEvent auditEvent)
    {
        foreach (var target in Targets(auditEvent.Data))
        {
            if (NonEmpty(JsonFields.GetText(target, "id")) is { } id)
            {
                return id;
            }
        }

        var objectId = Text(auditEvent, "ObjectId") ?? UalTargetIds(auditEvent).FirstOrDefault();
        if (objectId is null)
        {
            return null;
        }

        var underscore = objectId.IndexOf('_', StringComparison.Ordinal);
        return underscore > 0 && Guid.TryParse(objectId.AsSpan(underscore + 1), out _) ? objectId[(underscore + 1)..] : objectId;
    }

    public static string? TargetName(AuditEvent auditEvent) =>
        Targets(auditEvent.Data).Select(t => NonEmpty(JsonFields.GetText(t, "displayName"))).FirstOrDefault(n => n is not null);

    /// <summary>The UAL's object id or first target id that reads as a domain name (no '@', a dot, no GUID).</summary>
    public static string? TargetDomain(AuditEvent auditEvent) =>
        (Text(auditEvent, "ObjectId") is { } objectId ? [objectId] : Array.Empty<string>()).Concat(UalTargetIds(auditEvent))
            .FirstOrDefault(id => id.Contains('.', StringComparison.Ordinal) && !id.Contains('@', StringComparison.Ordinal) && !Guid.TryParse(id, out _) && !id.Contains(' ', StringComparison.Ordinal));

    /// <summary>The user a record is about, when it names one other than the actor: Graph target users, UAL ObjectId or Target IDs with an '@'.</summary>
    public static string? TargetUser(AuditEvent auditEvent)
    {
        foreach (var target in Targets(auditEvent.Data))
        {
            if (NonEmpty(JsonFields.GetText(target, "userPrincipalName")) is { } upn && upn.Contains('@', StringComparison.Ordinal))
            {
                return upn;
            }
        }

        if (Text(auditEvent, "ObjectId") is { } objectId && objectId.Contains('@', StringComparison.Ordinal) && !objectId.Contains('\\', StringComparison.Ordinal))
        {
            return objectId;
        }

        return UalTargetIds(auditEvent).FirstOrDefault(id => id.Contains('@', StringComparison.Ordinal));
    }

    private static IEnumerable<string> UalTargetIds(AuditEvent auditEvent)
    {
        if (JsonFields.TryGet(auditEvent.Data, "Target", out var targets) && targets.ValueKind == JsonValueKind.Array)
        {
            foreach (var target in targets.EnumerateArray())
            {
                if (NonEmpty(JsonFields.GetText(target, "ID")) is { } id)
                {
                    yield return id;
                }
            }
        }
    }

    /// <summary>The e-mail addresses in a value as Exchange writes them (<c>a@b.c</c>, <c>SMTP:a@b.c</c>, <c>"Name" [SMTP:a@b.c]</c>, several separated by ';').</summary>
    public static IReadOnlyList<string> Addresses(string? value) =>
        value is null ? [] : [.. AddressPattern().Matches(value).Select(m => m.Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];

    /// <summary>The first GUID in a value (an app id inside <c>TargetId.ServicePrincipalNames</c>).</summary>
    public static string? FirstGuid(string? value) => value is null ? null : GuidPattern().Match(value) is { Success: true } m ? m.Value.ToLowerInvariant() : null;

    public static string? NonEmpty(string? text) =>
        string.IsNullOrWhiteSpace(text) || text is "<null>" or "null" ? null : text.Trim();

    [GeneratedRegex(@"[A-Za-z0-9._%+'\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex AddressPattern();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();
}
