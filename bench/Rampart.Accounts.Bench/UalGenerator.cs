using System.Text;
using System.Text.Json;
using Rampart.Accounts.Sigma;

namespace Rampart.Accounts.Bench;

/// <summary>
/// Realistic Microsoft 365 Unified Audit Log records (Management Activity API shape, one JSON object
/// a line), deterministic for a seed: the workloads, operations and field set of real exports, about
/// 1 KB a record.
/// </summary>
internal static class UalGenerator
{
    private static readonly (string Workload, string Service, string Operation, int RecordType)[] Kinds =
    [
        ("Exchange", "exchange", "MailItemsAccessed", 50),
        ("Exchange", "exchange", "MailItemsAccessed", 50),
        ("Exchange", "exchange", "Send", 2),
        ("Exchange", "exchange", "New-InboxRule", 1),
        ("Exchange", "exchange", "Set-Mailbox", 1),
        ("Exchange", "exchange", "Add-MailboxPermission", 1),
        ("AzureActiveDirectory", "audit", "UserLoggedIn", 15),
        ("AzureActiveDirectory", "audit", "UserLoginFailed", 15),
        ("AzureActiveDirectory", "audit", "Add member to role.", 8),
        ("AzureActiveDirectory", "audit", "Consent to application.", 8),
        ("SharePoint", "audit", "FileDownloaded", 6),
        ("OneDrive", "audit", "FileAccessed", 6),
        ("SecurityComplianceCenter", "threat_management", "AlertTriggered", 40),
    ];

    private static readonly string[] Users = [.. Enumerable.Range(0, 200).Select(i => $"user{i}@contoso.example")];

    /// <summary>Writes <paramref name="count"/> records as JSON lines and returns each record's log source.</summary>
    public static (byte[] Lines, SigmaLogSource[] Sources) Generate(int count, int seed = 42)
    {
        var random = new Random(seed);
        var output = new MemoryStream(count * 1100);
        var sources = new SigmaLogSource[count];
        var start = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            // One record in 500 is what a SigmaHQ rule looks for (a federated domain added), so matches are counted too.
            (string Workload, string Service, string Operation, int RecordType) kind = random.Next(500) == 0 ? ("Exchange", "exchange", "Add-FederatedDomain", 1) : Kinds[random.Next(Kinds.Length)];
            sources[i] = new SigmaLogSource("m365", kind.Service, null);
            using (var writer = new Utf8JsonWriter(output))
            {
                Write(writer, random, kind, start.AddSeconds(i * 0.5));
            }

            output.WriteByte((byte)'\n');
        }

        return (output.ToArray(), sources);
    }

    private static void Write(Utf8JsonWriter w, Random random, (string Workload, string Service, string Operation, int RecordType) kind, DateTimeOffset time)
    {
        var user = Users[random.Next(Users.Length)];
        w.WriteStartObject();
        w.WriteString("CreationTime", time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("Id", Guid(random));
        w.WriteString("Operation", kind.Operation);
        w.WriteString("OrganizationId", "4a7c8238-5799-4b16-9fc6-9ad8fce5a7d9");
        w.WriteNumber("RecordType", kind.RecordType);
        w.WriteString("ResultStatus", kind.Operation == "Add-FederatedDomain" ? "Success" : random.Next(10) == 0 ? "Failed" : "Succeeded");
        w.WriteString("UserKey", "10033FFF" + random.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteNumber("UserType", 0);
        w.WriteNumber("Version", 1);
        w.WriteString("Workload", kind.Workload);
        w.WriteString("ClientIP", $"{random.Next(1, 223)}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}");
        w.WriteString("UserId", user);
        w.WriteString("ObjectId", kind.Workload == "Exchange" ? user : "https://contoso.sharepoint.com/sites/finance/Shared Documents/report-" + random.Next(1000) + ".xlsx");
        w.WriteString("AppId", "00000002-0000-0ff1-ce00-000000000000");
        w.WriteString("ClientAppId", Guid(random));
        w.WriteString("ClientInfoString", "Client=OWA;Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36;");
        w.WriteString("ExternalAccess", "false");
        w.WriteNumber("InternalLogonType", 0);
        w.WriteNumber("LogonType", random.Next(3));
        w.WriteString("LogonUserSid", "S-1-5-21-1825954961-3338807533-2873504967-" + random.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("MailboxGuid", Guid(random));
        w.WriteString("MailboxOwnerUPN", user);
        w.WriteString("OrganizationName", "contoso.onmicrosoft.com");
        w.WriteString("OriginatingServer", "AB1PR01MB1234 (15.20.7472.000)\r\n");
        w.WriteString("SessionId", Guid(random));
        w.WriteStartArray("Parameters");
        WriteParameter(w, "Identity", user);
        WriteParameter(w, "Name", "Rule " + random.Next(100));
        if (random.Next(4) == 0)
        {
            WriteParameter(w, "ForwardTo", "archive" + random.Next(50) + "@external.example");
        }

        WriteParameter(w, "StopProcessingRules", "True");
        w.WriteEndArray();
        w.WriteStartObject("AppAccessContext");
        w.WriteString("AADSessionId", Guid(random));
        w.WriteString("IssuedAtTime", time.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("UniqueTokenId", "x" + random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteParameter(Utf8JsonWriter w, string name, string value)
    {
        w.WriteStartObject();
        w.WriteString("Name", name);
        w.WriteString("Value", value);
        w.WriteEndObject();
    }

    private static string Guid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    /// <summary>The start of each line in <paramref name="lines"/>.</summary>
    public static List<(int Start, int Length)> Split(byte[] lines)
    {
        var result = new List<(int, int)>();
        var start = 0;
        while (start < lines.Length)
        {
            var end = Array.IndexOf(lines, (byte)'\n', start);
            end = end < 0 ? lines.Length : end;
            result.Add((start, end - start));
            start = end + 1;
        }

        return result;
    }

    public static string Describe(byte[] lines) => Encoding.UTF8.GetString(lines, 0, Array.IndexOf(lines, (byte)'\n'));
}
