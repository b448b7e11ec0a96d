using Rampart.Accounts.Events;

namespace Rampart.Accounts.Footholds;

/// <summary>
/// Reads a foothold's identity from the record that creates or removes it, so the removal finds the
/// creation: an inbox rule is its mailbox and name, a consent its service principal, a delegate the
/// mailbox, right and user. Keys are lower case; mailboxes given by alias are resolved later.
/// </summary>
internal sealed class FootholdIdentities(Func<string, string> resolve)
{
    public FootholdDraft Read(FootholdKind kind, AuditEvent e) => kind switch
    {
        FootholdKind.InboxRule => InboxRule(e),
        FootholdKind.MailboxForwarding => MailboxForwarding(e),
        FootholdKind.TransportRule => TransportRule(e),
        FootholdKind.MailboxDelegate => MailboxDelegate(e),
        FootholdKind.FolderPermission => FolderPermission(e),
        FootholdKind.OAuthConsent => OAuthConsent(e),
        FootholdKind.AppRoleAssignment => AppObject(kind, e, "app role assignment on"),
        FootholdKind.AppCredential => AppObject(kind, e, "new credential on"),
        FootholdKind.AppOwner => AppOwner(e),
        FootholdKind.MfaMethod => MfaMethod(e),
        FootholdKind.Device => Device(e),
        FootholdKind.Impersonation => Impersonation(e),
        FootholdKind.Federation => Federation(e),
    };

    private FootholdDraft InboxRule(AuditEvent e)
    {
        var objectId = EventFields.Text(e, "ObjectId");
        var mailbox = resolve(EventFields.Parameter(e, "Mailbox") ?? BeforeBackslash(objectId) ?? Actor(e));
        var name = EventFields.Parameter(e, "Name") ?? AfterBackslash(EventFields.Parameter(e, "Identity")) ?? AfterBackslash(objectId) ?? "(unnamed)";
        var target = EventFields.Parameter(e, "ForwardTo") ?? EventFields.Parameter(e, "ForwardAsAttachmentTo") ?? EventFields.Parameter(e, "RedirectTo");
        var does = new List<string>();
        if (target is not null)
        {
            does.Add("forwards to " + target);
        }

        if (EventFields.Parameter(e, "DeleteMessage") is "True" || EventFields.Parameter(e, "SoftDeleteMessage") is "True")
        {
            does.Add("deletes messages");
        }

        if (EventFields.Parameter(e, "MoveToFolder") is { } folder)
        {
            does.Add("moves messages to " + folder);
        }

        if (EventFields.Parameter(e, "MarkAsRead") is "True")
        {
            does.Add("marks them read");
        }

        var words = EventFields.Parameter(e, "SubjectContainsWords") ?? EventFields.Parameter(e, "SubjectOrBodyContainsWords") ?? EventFields.Parameter(e, "BodyContainsWords");
        if (words is not null)
        {
            does.Add($"on words {words}");
        }

        var description = $"inbox rule '{name}' in {mailbox}" + (does.Count > 0 ? ": " + string.Join(", ", does) : "");
        return Draft(FootholdKind.InboxRule, mailbox, $"{mailbox}|{name}", description, target, null, ("mailbox", mailbox), ("name", name));
    }

    private FootholdDraft MailboxForwarding(AuditEvent e)
    {
        var mailbox = Mailbox(e);
        var target = EventFields.Parameter(e, "ForwardingSmtpAddress") ?? EventFields.Parameter(e, "ForwardingAddress");
        if (target is not null && target.StartsWith("smtp:", StringComparison.OrdinalIgnoreCase))
        {
            target = target[5..];
        }

        var keep = EventFields.Parameter(e, "DeliverToMailboxAndForward") is "True" ? " (and keeps a copy)" : "";
        return Draft(FootholdKind.MailboxForwarding, mailbox, mailbox, $"mailbox {mailbox} forwards all mail to {target ?? "(cleared)"}{keep}", target, null, ("mailbox", mailbox));
    }

    private FootholdDraft TransportRule(AuditEvent e)
    {
        var name = EventFields.Parameter(e, "Name") ?? EventFields.Parameter(e, "Identity") ?? EventFields.Text(e, "ObjectId") ?? "(unnamed)";
        var target = EventFields.Parameter(e, "BlindCopyTo") ?? EventFields.Parameter(e, "CopyTo") ?? EventFields.Parameter(e, "RedirectMessageTo") ?? EventFields.Parameter(e, "AddToRecipients");
        return Draft(FootholdKind.TransportRule, Actor(e), name, $"transport rule '{name}' copies mail to {target ?? "(unknown)"}", target, null, ("name", name));
    }

    private FootholdDraft MailboxDelegate(AuditEvent e)
    {
        var mailbox = Mailbox(e);
        var (right, user) = e.Operation switch
        {
            "Add-RecipientPermission" or "Remove-RecipientPermission" => ("SendAs", EventFields.Parameter(e, "Trustee")),
            "Set-Mailbox" => ("SendOnBehalf", EventFields.Parameter(e, "GrantSendOnBehalfTo")),
            _ => ("FullAccess", EventFields.Parameter(e, "User")),
        };
        user ??= "(unknown)";
        return Draft(FootholdKind.MailboxDelegate, mailbox, $"{mailbox}|{right}|{user}", $"{user} has {right} on mailbox {mailbox}", user, null,
            ("mailbox", mailbox), ("right", right), ("user", user));
    }

    private FootholdDraft FolderPermission(AuditEvent e)
    {
        string mailbox;
        string folder;
        if (EventFields.Parameter(e, "Identity") is { } identity)
        {
            var split = identity.IndexOf(":\\", StringComparison.Ordinal);
            mailbox = resolve(split > 0 ? identity[..split] : identity);
            folder = split > 0 ? identity[(split + 2)..] : "(top of information store)";
        }
        else
        {
            mailbox = resolve(EventFields.Text(e, "MailboxOwnerUPN") ?? Actor(e));
            folder = (EventFields.Text(e, "Item.ParentFolder.Path") ?? EventFields.Text(e, "Item.ParentFolder.Name") ?? "(folder)").TrimStart('\\');
        }

        var user = EventFields.Parameter(e, "User") ?? EventFields.Text(e, "Item.ParentFolder.MemberUpn") ?? EventFields.Text(e, "Item.ParentFolder.MemberSid") ?? "(unknown)";
        var rights = EventFields.Parameter(e, "AccessRights") ?? EventFields.Text(e, "Item.ParentFolder.MemberRights");
        var description = $"{user} has {rights ?? "rights"} on {mailbox}:\\{folder}";
        return Draft(FootholdKind.FolderPermission, mailbox, $"{mailbox}|{folder}|{user}", description, user, null,
            ("mailbox", mailbox), ("folder", folder), ("user", user));
    }

    private FootholdDraft OAuthConsent(AuditEvent e)
    {
        var servicePrincipal = EventFields.TargetId(e);
        var appId = EventFields.FirstGuid(EventFields.ModifiedValue(e, "TargetId.ServicePrincipalNames"));
        var name = EventFields.TargetName(e) ?? appId ?? servicePrincipal ?? "(unknown app)";
        var scopes = Scopes(EventFields.ModifiedValue(e, "ConsentAction.Permissions"));
        var admin = EventFields.ModifiedValue(e, "ConsentContext.IsAdminConsent") is { } a && a.Contains("True", StringComparison.OrdinalIgnoreCase);
        var description = $"consent to app {name}" + (appId is not null && appId != name ? $" ({appId})" : "")
            + (scopes is null ? "" : $" with {scopes}") + (admin ? ", for all users" : "");
        return Draft(FootholdKind.OAuthConsent, Actor(e), servicePrincipal ?? appId ?? name, description, name, appId,
            ("servicePrincipal", servicePrincipal ?? ""), ("appId", appId ?? ""));
    }

    private FootholdDraft AppObject(FootholdKind kind, AuditEvent e, string what)
    {
        var id = EventFields.TargetId(e) ?? "(unknown)";
        var name = EventFields.TargetName(e) ?? id;
        var user = EventFields.TargetUser(e) is { } u ? resolve(u) : null;
        return Draft(kind, user ?? Actor(e), id, $"{what} {name}", name, null, ("id", id));
    }

    private FootholdDraft AppOwner(AuditEvent e)
    {
        var id = EventFields.TargetId(e) ?? "(unknown)";
        var owner = EventFields.TargetUser(e) is { } o ? resolve(o) : Actor(e);
        var app = EventFields.Targets(e.Data).Select(t => EventFields.NonEmpty(AuditLogs.JsonFields.GetText(t, "displayName"))).LastOrDefault(n => n is not null) ?? id;
        return Draft(FootholdKind.AppOwner, owner, $"{id}|{owner}", $"{owner} owns app {app}", owner, null, ("id", id), ("owner", owner));
    }

    private FootholdDraft MfaMethod(AuditEvent e)
    {
        var user = EventFields.TargetUser(e) is { } u ? resolve(u) : Actor(e);
        var reason = EventFields.Text(e, "resultReason") ?? EventFields.ModifiedValue(e, "StrongAuthenticationMethod") ?? e.Operation ?? "security info";
        var method = Method(reason);
        return Draft(FootholdKind.MfaMethod, user, $"{user}|{method}", $"authentication method {method} on {user}", method, null, ("user", user), ("method", method));
    }

    private FootholdDraft Device(AuditEvent e)
    {
        var id = EventFields.TargetId(e) ?? "(unknown)";
        var name = EventFields.TargetName(e) ?? id;
        var user = EventFields.TargetUser(e) is { } u ? resolve(u) : Actor(e);
        return Draft(FootholdKind.Device, user, id, $"device {name} registered for {user}", name, null, ("id", id));
    }

    private FootholdDraft Impersonation(AuditEvent e)
    {
        var user = EventFields.Parameter(e, "User") ?? EventFields.Parameter(e, "App") ?? "(unknown)";
        var name = EventFields.Parameter(e, "Name") ?? EventFields.Parameter(e, "Identity") ?? "ApplicationImpersonation-" + user;
        return Draft(FootholdKind.Impersonation, Actor(e), name, $"{user} holds ApplicationImpersonation (assignment '{name}')", user, null, ("name", name));
    }

    /// <summary>
    /// A domain's federation is tenant-wide: its identity is the domain (Graph's target display name, the
    /// UAL's target or object id), held by the account that changed it.
    /// </summary>
    private FootholdDraft Federation(AuditEvent e)
    {
        var domain = (EventFields.TargetName(e) ?? EventFields.TargetDomain(e) ?? "(unknown domain)").TrimEnd('.').ToLowerInvariant();
        var issuer = EventFields.ModifiedValue(e, "IssuerUri")?.Trim('"', '[', ']');
        var description = e.Operation is { } op && op.StartsWith("Set federation settings", StringComparison.OrdinalIgnoreCase)
            ? $"federation settings of domain {domain} changed (issuer, token-signing certificate)"
            : $"domain {domain} set to federated authentication";
        return Draft(FootholdKind.Federation, Actor(e), domain, description + (issuer is null ? "" : $", issuer {issuer}"), domain, null, ("domain", domain));
    }

    private string Mailbox(AuditEvent e) =>
        resolve(EventFields.Parameter(e, "Identity") ?? EventFields.Text(e, "ObjectId") ?? Actor(e));

    private string Actor(AuditEvent e) => resolve(e.Account ?? "(unknown)");

    private static string? BeforeBackslash(string? value)
    {
        var at = value?.IndexOf('\\', StringComparison.Ordinal) ?? -1;
        return at > 0 ? value![..at] : null;
    }

    private static string? AfterBackslash(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var at = value.LastIndexOf('\\');
        return at >= 0 && at < value.Length - 1 ? value[(at + 1)..] : value;
    }

    /// <summary>"[] => [[Scope: Mail.Read offline_access]]; " → "Mail.Read offline_access".</summary>
    private static string? Scopes(string? permissions)
    {
        if (permissions is null)
        {
            return null;
        }

        var at = permissions.LastIndexOf("Scope:", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return permissions.Trim();
        }

        var rest = permissions[(at + 6)..];
        var end = rest.IndexOfAny([',', ']']);
        return (end < 0 ? rest : rest[..end]).Trim();
    }

    /// <summary>"User registered Authenticator App with Notification and Code" → "authenticator app with notification and code".</summary>
    private static string Method(string reason)
    {
        foreach (var verb in (string[])["registered ", "deleted ", "changed default ", "updated "])
        {
            var at = reason.IndexOf(verb, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                return reason[(at + verb.Length)..].Trim().TrimEnd('.').ToLowerInvariant();
            }
        }

        return reason.Trim().ToLowerInvariant();
    }

    private static FootholdDraft Draft(FootholdKind kind, string account, string key, string description, string? target, string? appId, params (string Name, string Value)[] parts) =>
        new(kind, account, key.ToLowerInvariant(), description, target, EventFields.Addresses(target), appId,
            parts.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal));
}
