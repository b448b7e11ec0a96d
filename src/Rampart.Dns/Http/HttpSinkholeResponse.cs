using System.Text;

namespace Rampart.Dns.Http;

/// <summary>
/// The fixed answer to every request for a sinkholed host: a harmless page (200), nothing (204), or
/// 404/410 with a short body. Nothing in it depends on the request, so nothing a client sends can
/// be reflected into it.
/// </summary>
public sealed record HttpSinkholeResponse
{
    public const string DefaultPage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Domain taken down</title></head>
        <body><h1>This domain has been taken down</h1>
        <p>It was used in attacks and is now under the control of a security team. Nothing on this page
        asks for anything; do not enter passwords on pages reached through links on this domain.</p></body></html>

        """;

    /// <summary>200, 204, 404 or 410.</summary>
    public int Status { get; init; } = 200;

    /// <summary>The body of a 200 answer (HTML); 404 and 410 answer a one-line text.</summary>
    public string Page { get; init; } = DefaultPage;

    /// <summary>The statuses a sinkhole may be configured to answer.</summary>
    public static bool IsAllowed(int status) => status is 200 or 204 or 404 or 410;

    internal (string Reason, string ContentType, byte[] Body) Content() => Status switch
    {
        200 => ("OK", "text/html; charset=utf-8", Encoding.UTF8.GetBytes(Page)),
        204 => ("No Content", "", []),
        404 => ("Not Found", "text/plain; charset=utf-8", "Not found.\n"u8.ToArray()),
        410 => ("Gone", "text/plain; charset=utf-8", "This domain has been taken down.\n"u8.ToArray()),
        _ => throw new ArgumentOutOfRangeException(nameof(Status), Status, "200, 204, 404 or 410"),
    };
}
