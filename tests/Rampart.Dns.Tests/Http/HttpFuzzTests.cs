using System.Text;
using CsCheck;
using Rampart.Dns.Http;

namespace Rampart.Dns.Tests.Http;

public class HttpFuzzTests
{
    private static readonly byte[][] Seeds =
    [
        Encoding.ASCII.GetBytes("GET /login?u=1 HTTP/1.1\r\nHost: www.evil.example\r\nUser-Agent: x\r\n\r\n"),
        Encoding.ASCII.GetBytes("POST /owa HTTP/1.1\r\nHost: evil.example:80\r\nContent-Length: 5\r\nConnection: close\r\n\r\nab=cd"),
        Encoding.ASCII.GetBytes("HEAD / HTTP/1.0\r\nReferer: http://a/\r\nX-Forwarded-For: 1.2.3.4\r\nConnection: keep-alive\r\n\r\n"),
        Encoding.ASCII.GetBytes("POST /x HTTP/1.1\r\nHost: evil.example\r\nTransfer-Encoding: gzip, chunked\r\n\r\n4;a=b\r\nab=c\r\n0\r\nT: 1\r\n\r\n"),
    ];

    /// <summary>A seed request with a few bytes overwritten, inserted or cut.</summary>
    internal static readonly Gen<byte[]> Mutated = PacketMutations.Of(Seeds, maxEdits: 8);

    [Fact]
    public void Mutated_requests_never_throw_and_a_complete_head_lies_within_the_input()
    {
        Mutated.Sample(request =>
        {
            var status = HttpRequestParser.TryParse(request, 16 * 1024, out var head, out var error);
            return status switch
            {
                HttpParseStatus.Complete => error == HttpParseError.None && head.Length <= request.Length && !head.Method.IsEmpty && !head.Target.IsEmpty,
                HttpParseStatus.Invalid => error != HttpParseError.None,
                _ => error == HttpParseError.None,
            };
        });
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            HttpRequestParser.TryParse(bytes, 256, out _, out _);
        });
    }
}
