namespace Rampart.Accounts.Footholds;

/// <summary>
/// The exact command that removes each kind of foothold (Exchange Online PowerShell, or a Microsoft
/// Graph request where Exchange has no cmdlet), and the audit record that confirms it. Values from
/// the logs are quoted for PowerShell (a single quote doubled) so a hostile rule name cannot break
/// out of the command.
/// </summary>
internal static class RemovalCommands
{
    private const string Graph = "https://graph.microsoft.com/v1.0";

    public static (string Command, string Confirmation) For(FootholdDraft draft)
    {
        string Part(string name) => draft.Parts.TryGetValue(name, out var value) && value.Length > 0 ? value : "(unknown)";
        return draft.Kind switch
        {
            FootholdKind.InboxRule => (
                $"Remove-InboxRule -Mailbox {Q(Part("mailbox"))} -Identity {Q(Part("name"))} -Confirm:$false",
                $"Exchange audit record Remove-InboxRule for rule {Q(Part("name"))} in {Part("mailbox")}"),
            FootholdKind.MailboxForwarding => (
                $"Set-Mailbox -Identity {Q(Part("mailbox"))} -ForwardingSmtpAddress $null -ForwardingAddress $null -DeliverToMailboxAndForward $false",
                $"Exchange audit record Set-Mailbox on {Part("mailbox")} with an empty ForwardingSmtpAddress"),
            FootholdKind.TransportRule => (
                $"Remove-TransportRule -Identity {Q(Part("name"))} -Confirm:$false",
                $"Exchange audit record Remove-TransportRule for {Q(Part("name"))}"),
            FootholdKind.MailboxDelegate => Part("right") switch
            {
                "SendAs" => (
                    $"Remove-RecipientPermission -Identity {Q(Part("mailbox"))} -Trustee {Q(Part("user"))} -AccessRights SendAs -Confirm:$false",
                    $"Exchange audit record Remove-RecipientPermission on {Part("mailbox")} for {Part("user")}"),
                "SendOnBehalf" => (
                    $"Set-Mailbox -Identity {Q(Part("mailbox"))} -GrantSendOnBehalfTo @{{remove={Q(Part("user"))}}}",
                    $"Exchange audit record Set-Mailbox on {Part("mailbox")} changing GrantSendOnBehalfTo"),
                _ => (
                    $"Remove-MailboxPermission -Identity {Q(Part("mailbox"))} -User {Q(Part("user"))} -AccessRights FullAccess -InheritanceType All -Confirm:$false",
                    $"Exchange audit record Remove-MailboxPermission on {Part("mailbox")} for {Part("user")}"),
            },
            FootholdKind.FolderPermission => Part("user") is "Default" or "Anonymous" or "default" or "anonymous"
                ? (
                    $"Set-MailboxFolderPermission -Identity {Q(Part("mailbox") + ":\\" + Part("folder"))} -User {Part("user")} -AccessRights None",
                    $"Exchange audit record Set-MailboxFolderPermission on {Part("mailbox")}:\\{Part("folder")} for {Part("user")} with AccessRights None")
                : (
                    $"Remove-MailboxFolderPermission -Identity {Q(Part("mailbox") + ":\\" + Part("folder"))} -User {Q(Part("user"))} -Confirm:$false",
                    $"Exchange audit record Remove-MailboxFolderPermission on {Part("mailbox")}:\\{Part("folder")} for {Part("user")}"),
            FootholdKind.OAuthConsent => (
                ConsentCommand(Part("servicePrincipal"), Part("appId")),
                "Entra audit record \"Remove delegated permission grant\" for the app's service principal"),
            FootholdKind.AppRoleAssignment => (
                $"GET {Graph}/servicePrincipals/{Part("id")}/appRoleAssignedTo, then DELETE {Graph}/servicePrincipals/{Part("id")}/appRoleAssignedTo/{{assignment-id}}",
                "Entra audit record \"Remove app role assignment from service principal\""),
            FootholdKind.AppCredential => (
                $"GET {Graph}/servicePrincipals/{Part("id")}?$select=passwordCredentials,keyCredentials, then POST {Graph}/servicePrincipals/{Part("id")}/removePassword {{\"keyId\":\"{{key-id}}\"}} (removeKey for a certificate)",
                "Entra audit record \"Remove service principal credentials\""),
            FootholdKind.AppOwner => (
                $"DELETE {Graph}/applications/{Part("id")}/owners/{{owner-object-id of {Part("owner")}}}/$ref",
                "Entra audit record \"Remove owner from application\""),
            FootholdKind.MfaMethod => (
                $"GET {Graph}/users/{Part("user")}/authentication/methods, then DELETE {Graph}/users/{Part("user")}/authentication/{{method-type}}Methods/{{method-id}} for the {Part("method")}",
                "Entra audit record \"Admin deleted security info\""),
            FootholdKind.Device => (
                $"DELETE {Graph}/devices/{Part("id")} (Remove-MgDevice -DeviceId {Q(Part("id"))})",
                "Entra audit record \"Delete device\""),
            FootholdKind.Federation => (
                $"Get-MgDomainFederationConfiguration -DomainId {Q(Part("domain"))} (review IssuerUri, SigningCertificate, NextSigningCertificate), then Update-MgDomain -DomainId {Q(Part("domain"))} -AuthenticationType Managed"
                + $"   (Graph: GET {Graph}/domains/{Uri.EscapeDataString(Part("domain"))}/federationConfiguration, then PATCH {Graph}/domains/{Uri.EscapeDataString(Part("domain"))} {{\"authenticationType\":\"Managed\"}})",
                $"Entra audit record \"Set domain authentication\" for {Part("domain")} with LiveType Managed (or \"Remove verified domain\")"),
            FootholdKind.Impersonation => (
                $"Remove-ManagementRoleAssignment -Identity {Q(Part("name"))} -Confirm:$false",
                $"Exchange audit record Remove-ManagementRoleAssignment for {Q(Part("name"))}"),
        };
    }

    /// <summary>The last step of every plan: end every refresh token, and how to check it took.</summary>
    public static (string Command, string Confirmation) Revoke(string account) => (
        $"Revoke-MgUserSignInSession -UserId {Q(account)}   (Graph: POST {Graph}/users/{account}/revokeSignInSessions)",
        "Entra audit record \"Update StsRefreshTokenValidFrom Timestamp\" for the account, after the last removal; then no sign-in or mail access from the suspicious addresses and apps after it");

    private static string ConsentCommand(string servicePrincipal, string appId)
    {
        // Only a GUID goes inside the double-quoted filter, where PowerShell would expand $(…).
        var filter = Guid.TryParse(servicePrincipal, out var sp) ? $"clientId eq '{sp}'"
            : Guid.TryParse(appId, out var app) ? $"clientId eq '{{object id of the service principal of app {app}}}'"
            : "clientId eq '{object id of the app's service principal}'";
        return $"Get-MgOauth2PermissionGrant -Filter \"{filter}\" | Remove-MgOauth2PermissionGrant   (Graph: GET {Graph}/oauth2PermissionGrants?$filter={filter}, then DELETE {Graph}/oauth2PermissionGrants/{{grant-id}})";
    }

    /// <summary>A PowerShell single-quoted string: nothing inside is interpreted, a quote is doubled.</summary>
    /// <remarks>PowerShell also takes the typographic quotes ‘ ’ ‚ ‛ as single quotes, so they are doubled too.</remarks>
    public static string Q(string value)
    {
        var quoted = new System.Text.StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            quoted.Append(c);
            if (c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B')
            {
                quoted.Append(c);
            }
        }

        return quoted.Append('\'').ToString();
    }
}
