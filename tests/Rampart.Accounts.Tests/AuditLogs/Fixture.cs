using System.Text;
using Rampart.Accounts.AuditLogs;
using Rampart.Accounts.Events;

namespace Rampart.Accounts.Tests.AuditLogs;

/// <summary>Reads the shipped fixtures and in-memory text through the real reader.</summary>
internal static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static List<AuditLogItem> ReadFile(string name, AuditLogReaderOptions? options = null) =>
        [.. new AuditLogReader(options).ReadFile(Path(name))];

    public static List<AuditLogItem> ReadText(string text, AuditLogReaderOptions? options = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return [.. new AuditLogReader(options).Read(stream, "test.json")];
    }

    public static List<AuditEvent> Events(this List<AuditLogItem> items) => [.. items.Where(i => i.Event is not null).Select(i => i.Event!)];

    public static List<AuditLogProblem> Problems(this List<AuditLogItem> items) => [.. items.Where(i => i.Problem is not null).Select(i => i.Problem!)];
}
