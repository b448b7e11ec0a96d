using System.Globalization;
using System.Text;

namespace Rampart.Dns.Http;

/// <summary>
/// Every response the sinkhole sends, prebuilt as bytes for each answer, keep-alive or close, GET or
/// HEAD. Only the Date header changes, so one loop rebuilds its set once a second.
/// </summary>
internal sealed class HttpAnswers
{
    private const int Variants = 4;
    private readonly HttpSinkholeResponse _configured;
    private readonly byte[][] _responses = new byte[(Enum.GetValues<HttpAnswer>().Length) * Variants][];
    private readonly int[] _statuses = new int[Enum.GetValues<HttpAnswer>().Length];
    private long _second = long.MinValue;

    public HttpAnswers(HttpSinkholeResponse configured)
    {
        _configured = configured;
        Refresh(DateTimeOffset.UnixEpoch);
    }

    /// <summary>Rebuilds the set when <paramref name="now"/> is in a new second.</summary>
    public void Refresh(DateTimeOffset now)
    {
        var second = now.ToUnixTimeSeconds();
        if (second == _second)
        {
            return;
        }

        _second = second;
        var date = now.ToString("R", CultureInfo.InvariantCulture);
        foreach (var answer in Enum.GetValues<HttpAnswer>())
        {
            var (status, reason, type, body) = answer switch
            {
                HttpAnswer.Sinkholed => Configured(),
                HttpAnswer.NotSinkholed => (404, "Not Found", "text/plain; charset=utf-8", "Not found.\n"u8.ToArray()),
                HttpAnswer.BadRequest => (400, "Bad Request", "text/plain; charset=utf-8", "Bad request.\n"u8.ToArray()),
                HttpAnswer.HeadTooLarge => (431, "Request Header Fields Too Large", "text/plain; charset=utf-8", "Request header fields too large.\n"u8.ToArray()),
                HttpAnswer.BodyTooLarge => (413, "Content Too Large", "text/plain; charset=utf-8", "Content too large.\n"u8.ToArray()),
                HttpAnswer.VersionNotSupported => (505, "HTTP Version Not Supported", "text/plain; charset=utf-8", "HTTP version not supported.\n"u8.ToArray()),
            };
            _statuses[(int)answer] = status;
            for (var variant = 0; variant < Variants; variant++)
            {
                _responses[((int)answer * Variants) + variant] = Build(status, reason, type, body, close: (variant & 1) != 0, head: (variant & 2) != 0, date);
            }
        }
    }

    public int Status(HttpAnswer answer) => _statuses[(int)answer];

    public ReadOnlySpan<byte> Get(HttpAnswer answer, bool close, bool head) =>
        _responses[((int)answer * Variants) + (close ? 1 : 0) + (head ? 2 : 0)];

    private (int, string, string, byte[]) Configured()
    {
        var (reason, type, body) = _configured.Content();
        return (_configured.Status, reason, type, body);
    }

    private static byte[] Build(int status, string reason, string contentType, byte[] body, bool close, bool head, string date)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Date: {date}\r\n")
            .Append("Server: sinkhole\r\n")
            .Append("Cache-Control: no-store\r\n")
            .Append("X-Content-Type-Options: nosniff\r\n");
        if (contentType.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n");
        }

        if (status != 204)
        {
            text.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        }

        if (close)
        {
            text.Append("Connection: close\r\n");
        }

        text.Append("\r\n");
        var headBytes = Encoding.ASCII.GetBytes(text.ToString());
        return head || status == 204 ? headBytes : [.. headBytes, .. body];
    }
}
