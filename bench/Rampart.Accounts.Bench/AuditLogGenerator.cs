using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Rampart.Accounts.Bench;

/// <summary>
/// Writes realistic audit log JSON lines, any number of them: a tenant's mix of Unified Audit Log
/// records (mailbox access with folders, file access, logins, admin cmdlets with parameters, the odd
/// forwarding rule or federated domain, Security &amp; Compliance alerts), Entra sign-ins and
/// directory audits in the Azure Monitor shape, with the ports, trailing dots and spaces real
/// exports have; or, with <paramref name="ualOnly"/>, the Unified Audit Log records alone.
/// Deterministic for a seed. The one generator of the bench: the kernels and the end-to-end runs
/// read the same records.
/// </summary>
internal sealed class AuditLogGenerator(int seed = 42, bool ualOnly = false)
{
    private const int Users = 2_000;
    private static readonly DateTimeOffset Start = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Random _random = new(seed);
    private readonly ArrayBufferWriter<byte> _buffer = new(8 * 1024);
    private DateTimeOffset _now = Start;

    /// <summary><paramref name="records"/> lines in memory.</summary>
    public byte[] Generate(int records)
    {
        using var output = new MemoryStream(records * 1400);
        Write(output, records);
        return output.ToArray();
    }

    /// <summary>Writes <paramref name="records"/> lines to <paramref name="output"/>; returns the bytes written.</summary>
    public long Write(Stream output, long records)
    {
        long bytes = 0;
        using var writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        for (long i = 0; i < records; i++)
        {
            _buffer.ResetWrittenCount();
            writer.Reset(_buffer);
            _now = _now.AddMilliseconds(_random.Next(1, 400));
            // Out of 100: 35 mailbox access, 1 alert, 19 file access, 10 logins, 3 admin cmdlets (UAL: 68), 22 sign-ins, 10 directory audits.
            var pick = _random.Next(ualOnly ? 68 : 100);
            if (pick < 35)
            {
                MailItemsAccessed(writer);
            }
            else if (pick < 36)
            {
                Alert(writer);
            }
            else if (pick < 55)
            {
                FileAccessed(writer);
            }
            else if (pick < 65)
            {
                UserLoggedIn(writer);
            }
            else if (pick < 68)
            {
                ExchangeAdmin(writer);
            }
            else if (pick < 90)
            {
                SignIn(writer);
            }
            else
            {
                DirectoryAudit(writer);
            }

            writer.Flush();
            output.Write(_buffer.WrittenSpan);
            output.WriteByte((byte)'\n');
            bytes += _buffer.WrittenCount + 1;
        }

        return bytes;
    }

    private string User() => $"user{_random.Next(Users)}@contoso.com";

    private string Ip() => _random.Next(10) == 0
        ? $"2603:10a6:{_random.Next(0xffff):x}:{_random.Next(0xffff):x}::{_random.Next(0xff):x}"
        : $"{_random.Next(1, 224)}.{_random.Next(256)}.{_random.Next(256)}.{_random.Next(1, 255)}";

    private string Guid() => new System.Guid(
        _random.Next(), (short)_random.Next(short.MaxValue), (short)_random.Next(short.MaxValue),
        (byte)_random.Next(256), (byte)_random.Next(256), (byte)_random.Next(256), (byte)_random.Next(256),
        (byte)_random.Next(256), (byte)_random.Next(256), (byte)_random.Next(256), (byte)_random.Next(256)).ToString();

    private string UalTime() => _now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private string IsoTime() => _now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private void Common(Utf8JsonWriter w, string operation, int recordType, string workload, string user, string result)
    {
        w.WriteStartObject();
        w.WriteString("CreationTime", UalTime());
        w.WriteString("Id", Guid());
        w.WriteString("Operation", operation);
        w.WriteString("OrganizationId", "d1e2f3a4-0000-4000-8000-000000000001");
        w.WriteNumber("RecordType", recordType);
        w.WriteString("ResultStatus", result);
        w.WriteString("UserKey", "10032001" + _random.Next().ToString("X8", CultureInfo.InvariantCulture));
        w.WriteNumber("UserType", 0);
        w.WriteNumber("Version", 1);
        w.WriteString("Workload", workload);
        w.WriteString("UserId", user);
    }

    private void MailItemsAccessed(Utf8JsonWriter w)
    {
        var user = User();
        Common(w, "MailItemsAccessed", 50, "Exchange", user, "Succeeded");
        w.WriteString("AppId", "00000002-0000-0ff1-ce00-000000000000");
        w.WriteString("ClientAppId", "5a95e683-08ad-424e-a441-1d1aec52c02c");
        w.WriteString("ClientIPAddress", Ip() + (_random.Next(2) == 0 ? ":" + _random.Next(1024, 65535) : ""));
        w.WriteString("ClientInfoString", "Client=REST;Client=RESTSystem;;");
        w.WriteBoolean("ExternalAccess", false);
        w.WriteNumber("InternalLogonType", 0);
        w.WriteNumber("LogonType", 0);
        w.WriteString("LogonUserSid", "S-1-5-21-1825954961-3338807533-2873504967-" + _random.Next(100000));
        w.WriteString("MailboxGuid", Guid());
        w.WriteString("MailboxOwnerUPN", user);
        w.WriteStartArray("OperationProperties");
        NameValue(w, "MailAccessType", _random.Next(4) == 0 ? "Sync" : "Bind");
        NameValue(w, "IsThrottled", "False");
        w.WriteEndArray();
        w.WriteString("OrganizationName", "contoso.onmicrosoft.com");
        w.WriteString("OriginatingServer", "AM0PR01MB1234 (15.20.7339.035)\r\n");
        w.WriteString("SessionId", Guid());
        w.WriteStartArray("Folders");
        for (var f = _random.Next(1, 4); f > 0; f--)
        {
            w.WriteStartObject();
            w.WriteStartArray("FolderItems");
            for (var m = _random.Next(1, 6); m > 0; m--)
            {
                w.WriteStartObject();
                w.WriteString("InternetMessageId", $"<{Guid()}@AM0PR01MB1234.eurprd01.prod.outlook.com>");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("Id", "LgAAAAAM7KyTTmWeRac2KXBEz/7aAQARGHK+grzLTpRJraC1QR6kAAAAAAEMAAAB");
            w.WriteString("Path", f == 1 ? "\\Inbox" : "\\Sent Items");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("OperationCount", _random.Next(1, 20));
        w.WriteEndObject();
    }

    private void FileAccessed(Utf8JsonWriter w)
    {
        var user = User();
        Common(w, _random.Next(5) == 0 ? "FileDownloaded" : "FileAccessed", 6, "SharePoint", user, "Succeeded");
        w.WriteString("ClientIP", Ip());
        w.WriteString("ObjectId", $"https://contoso.sharepoint.com/sites/team{_random.Next(50)}/Shared Documents/report-{_random.Next(1000)}.docx");
        w.WriteString("CorrelationId", Guid());
        w.WriteString("EventSource", "SharePoint");
        w.WriteString("ItemType", "File");
        w.WriteString("ListId", Guid());
        w.WriteString("ListItemUniqueId", Guid());
        w.WriteString("Site", Guid());
        w.WriteString("UserAgent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36");
        w.WriteString("WebId", Guid());
        w.WriteString("SourceFileExtension", "docx");
        w.WriteString("SiteUrl", $"https://contoso.sharepoint.com/sites/team{_random.Next(50)}/");
        w.WriteString("SourceFileName", $"report-{_random.Next(1000)}.docx");
        w.WriteString("SourceRelativeUrl", "Shared Documents");
        w.WriteEndObject();
    }

    private void UserLoggedIn(Utf8JsonWriter w)
    {
        var failed = _random.Next(10) == 0;
        Common(w, failed ? "UserLoginFailed" : "UserLoggedIn", 15, "AzureActiveDirectory", User(), failed ? "Failed" : "Success");
        w.WriteString("ClientIP", Ip());
        w.WriteString("ObjectId", "00000002-0000-0ff1-ce00-000000000000");
        w.WriteNumber("AzureActiveDirectoryEventType", 1);
        w.WriteStartArray("ExtendedProperties");
        NameValue(w, "ResultStatusDetail", failed ? "UserError" : "Redirect");
        NameValue(w, "UserAgent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)");
        NameValue(w, "RequestType", _random.Next(3) == 0 ? "OAuth2:Token" : "Login:login");
        w.WriteEndArray();
        w.WriteStartArray("ModifiedProperties");
        w.WriteEndArray();
        w.WriteString("ActorContextId", "d1e2f3a4-0000-4000-8000-000000000001");
        w.WriteString("ActorIpAddress", Ip());
        w.WriteString("ApplicationId", "d3590ed6-52b3-4102-aeff-aad2292ab01c");
        w.WriteString("ErrorNumber", failed ? "50126" : "0");
        w.WriteEndObject();
    }

    private void ExchangeAdmin(Utf8JsonWriter w)
    {
        var user = User();
        var kind = _random.Next(20);
        var forwarding = kind == 0;

        // One admin cmdlet in 20 adds a federated domain, which a SigmaHQ rule looks for (status: success).
        Common(w, forwarding ? "New-InboxRule" : kind == 1 ? "Add-FederatedDomain" : "Set-Mailbox", 1, "Exchange", user, _random.Next(10) == 0 ? "False" : "True");
        w.WriteString("ClientIP", Ip() + ":" + _random.Next(1024, 65535));
        w.WriteString("ObjectId", user);
        w.WriteBoolean("ExternalAccess", false);
        w.WriteString("OrganizationName", "contoso.onmicrosoft.com");
        w.WriteString("OriginatingServer", "AM0PR01MB1234 (15.20.7339.035)");
        w.WriteStartArray("Parameters");
        NameValue(w, "Identity", user);
        if (forwarding)
        {
            NameValue(w, "Name", "Forward");
            NameValue(w, "ForwardTo", $"drop{_random.Next(10)}@evil.example");
            NameValue(w, "StopProcessingRules", "True");
        }
        else
        {
            NameValue(w, "AuditEnabled", "True");
        }

        w.WriteEndArray();
        w.WriteString("SessionId", Guid());
        w.WriteEndObject();
    }

    /// <summary>A Security &amp; Compliance alert as the UAL logs it: the operation is AlertTriggered, the alert's name is in Name, and it has a Status of its own.</summary>
    private void Alert(Utf8JsonWriter w)
    {
        var alert = Guid();
        var name = _random.Next(4) switch
        {
            // Two that SigmaHQ's threat_management rules name, two that they do not.
            0 => "Suspicious inbox forwarding",
            1 => "Impossible travel activity",
            2 => "Creation of forwarding/redirect rule",
            _ => "Email messages containing malicious URL removed after delivery",
        };
        Common(w, "AlertTriggered", 40, "SecurityComplianceCenter", "SecurityComplianceAlerts", "Succeeded");
        w.WriteString("ObjectId", alert);
        w.WriteString("AlertId", alert);
        w.WriteString("AlertType", "System");
        w.WriteString("Name", name);
        w.WriteString("PolicyId", Guid());
        w.WriteString("Status", "Active");
        w.WriteString("Severity", "Medium");
        w.WriteString("Category", "ThreatManagement");
        w.WriteString("Source", "Office 365 Security & Compliance");
        w.WriteString("Comments", "New alert");
        w.WriteString("Data", $"{{\"etype\":\"User\",\"eid\":\"{User()}\",\"tid\":\"d1e2f3a4-0000-4000-8000-000000000001\"}}");
        w.WriteString("AlertEntityId", User());
        w.WriteString("EntityType", "User");
        w.WriteEndObject();
    }

    private void SignIn(Utf8JsonWriter w)
    {
        var user = User();
        var ip = Ip();
        var code = _random.Next(8) == 0 ? 50126 : 0;
        w.WriteStartObject();
        w.WriteString("time", IsoTime());
        w.WriteString("resourceId", "/tenants/d1e2f3a4-0000-4000-8000-000000000001/providers/Microsoft.aadiam");
        w.WriteString("operationName", "Sign-in activity");
        w.WriteString("operationVersion", "1.0");
        w.WriteString("category", _random.Next(3) == 0 ? "NonInteractiveUserSignInLogs" : "SignInLogs");
        w.WriteString("tenantId", "d1e2f3a4-0000-4000-8000-000000000001");
        w.WriteString("resultType", code.ToString(CultureInfo.InvariantCulture));
        w.WriteString("resultSignature", "None");
        w.WriteString("resultDescription", code == 0 ? "" : "Error validating credentials due to invalid username or password.");
        w.WriteNumber("durationMs", 0);
        w.WriteString("callerIpAddress", ip);
        w.WriteString("correlationId", Guid());
        w.WriteString("identity", "User " + user);
        w.WriteNumber("Level", 4);
        w.WriteString("location", "US");
        w.WriteStartObject("properties");
        w.WriteString("id", Guid());
        w.WriteString("createdDateTime", IsoTime());
        w.WriteString("userDisplayName", "User " + user);
        w.WriteString("userPrincipalName", user);
        w.WriteString("userId", Guid());
        w.WriteString("appId", "d3590ed6-52b3-4102-aeff-aad2292ab01c");
        w.WriteString("appDisplayName", "Microsoft Office");
        w.WriteString("ipAddress", ip);
        w.WriteStartObject("status");
        w.WriteNumber("errorCode", code);
        w.WriteEndObject();
        w.WriteString("clientAppUsed", _random.Next(10) == 0 ? "Authenticated SMTP" : "Browser");
        w.WriteString("userAgent", _random.Next(50) == 0 ? "BAV2ROPC" : "Mozilla/5.0 (Windows NT 10.0; Win64; x64)");
        w.WriteStartObject("deviceDetail");
        w.WriteString("deviceId", "");
        w.WriteString("operatingSystem", "Windows 10");
        w.WriteString("browser", "Edge 120.0.0");
        w.WriteEndObject();
        w.WriteStartObject("location");
        w.WriteString("city", "Redmond");
        w.WriteString("state", "Washington");
        w.WriteString("countryOrRegion", "US");
        w.WriteEndObject();
        w.WriteString("authenticationRequirement", "singleFactorAuthentication");
        w.WriteString("riskState", "none");
        w.WriteBoolean("isInteractive", true);
        w.WriteString("conditionalAccessStatus", "notApplied");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private void DirectoryAudit(Utf8JsonWriter w)
    {
        var user = User();
        var credential = _random.Next(20) == 0;
        var activity = credential ? "Update application – Certificates and secrets management " : _random.Next(2) == 0 ? "Add member to group" : "Consent to application.";
        w.WriteStartObject();
        w.WriteString("time", IsoTime());
        w.WriteString("resourceId", "/tenants/d1e2f3a4-0000-4000-8000-000000000001/providers/Microsoft.aadiam");
        w.WriteString("operationName", activity);
        w.WriteString("operationVersion", "1.0");
        w.WriteString("category", "AuditLogs");
        w.WriteString("tenantId", "d1e2f3a4-0000-4000-8000-000000000001");
        w.WriteString("resultSignature", "None");
        w.WriteNumber("durationMs", 0);
        w.WriteString("callerIpAddress", "<null>");
        w.WriteString("correlationId", Guid());
        w.WriteNumber("Level", 4);
        w.WriteStartObject("properties");
        w.WriteString("id", "Directory_" + Guid());
        w.WriteString("category", credential ? "ApplicationManagement" : "GroupManagement");
        w.WriteString("correlationId", Guid());
        w.WriteString("result", "success");
        w.WriteString("resultReason", "");
        w.WriteString("activityDisplayName", activity);
        w.WriteString("activityDateTime", IsoTime());
        w.WriteString("loggedByService", "Core Directory");
        w.WriteString("operationType", credential ? "Update" : "Add");
        w.WriteStartObject("initiatedBy");
        w.WriteStartObject("user");
        w.WriteString("id", Guid());
        w.WriteString("userPrincipalName", user);
        w.WriteString("ipAddress", Ip());
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("targetResources");
        w.WriteStartObject();
        w.WriteString("id", Guid());
        w.WriteString("displayName", credential ? "Mail Helper" : "Finance");
        w.WriteString("type", credential ? "Application" : "Group");
        w.WriteStartArray("modifiedProperties");
        w.WriteStartObject();
        w.WriteString("displayName", credential ? "KeyDescription" : "Group.DisplayName");
        w.WriteString("oldValue", "[]");
        w.WriteString("newValue", credential ? "[\"[KeyIdentifier=59eaeebc,KeyType=Password,KeyUsage=Verify,DisplayName=x]\"]" : "[\"Finance\"]");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("additionalDetails");
        w.WriteStartObject();
        w.WriteString("key", "User-Agent");
        w.WriteString("value", "Mozilla/5.0");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void NameValue(Utf8JsonWriter w, string name, string value)
    {
        w.WriteStartObject();
        w.WriteString("Name", name);
        w.WriteString("Value", value);
        w.WriteEndObject();
    }
}
