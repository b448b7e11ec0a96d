using System.Text;
using Rampart.Dns.Http;

namespace Rampart.Dns.Tests.Http;

public class HttpRequestParserTests
{
    private const string Request =
        "POST /owa/auth.owa?x=1 HTTP/1.1\r\nHost: Login.Evil.example:8080\r\nUser-Agent: Mozilla/5.0\r\nReferer: https://mail.example/\r\n" +
        "X-Forwarded-For: 10.0.0.1, 10.0.0.2\r\nContent-Length: 12\r\nConnection: keep-alive\r\n\r\n";

    private static (HttpParseStatus Status, HttpParseError Error, string? Method, string? Target, string? Host, long Length, bool KeepAlive, int HeadLength) Parse(string text, int max = 16 * 1024)
    {
        var status = HttpRequestParser.TryParse(Encoding.ASCII.GetBytes(text), max, out var head, out var error);
        return (status, error, Encoding.ASCII.GetString(head.Method), Encoding.ASCII.GetString(head.Target), Encoding.ASCII.GetString(head.Host), head.ContentLength, head.KeepAlive, head.Length);
    }

    [Fact]
    public void Reads_the_fields_a_hit_records_from_a_whole_head()
    {
        var status = HttpRequestParser.TryParse(Encoding.ASCII.GetBytes(Request + "user=a&pw=b!"), 16 * 1024, out var head, out var error);

        Assert.Equal(HttpParseStatus.Complete, status);
        Assert.Equal(HttpParseError.None, error);
        Assert.Equal(Request.Length, head.Length);
        Assert.Equal("POST", Encoding.ASCII.GetString(head.Method));
        Assert.Equal("/owa/auth.owa?x=1", Encoding.ASCII.GetString(head.Target));
        Assert.Equal("Login.Evil.example:8080", Encoding.ASCII.GetString(head.Host));
        Assert.Equal("Mozilla/5.0", Encoding.ASCII.GetString(head.UserAgent));
        Assert.Equal("https://mail.example/", Encoding.ASCII.GetString(head.Referer));
        Assert.Equal("10.0.0.1, 10.0.0.2", Encoding.ASCII.GetString(head.ForwardedFor));
        Assert.Equal(12, head.ContentLength);
        Assert.True(head.KeepAlive);
    }

    [Fact]
    public void Every_prefix_of_a_head_is_incomplete_not_an_error()
    {
        for (var length = 0; length < Request.Length; length++)
        {
            Assert.Equal(HttpParseStatus.Incomplete, Parse(Request[..length]).Status);
        }
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\n\r\n", true)]
    [InlineData("GET / HTTP/1.1\r\nConnection: close\r\n\r\n", false)]
    [InlineData("GET / HTTP/1.1\r\nConnection: Upgrade, CLOSE\r\n\r\n", false)]
    [InlineData("GET / HTTP/1.0\r\n\r\n", false)]
    [InlineData("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", true)]
    [InlineData("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", true)]
    [InlineData("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", false)]
    public void Keep_alive_follows_the_version_and_the_connection_header(string text, bool keepAlive)
    {
        var parsed = Parse(text);

        Assert.Equal(HttpParseStatus.Complete, parsed.Status);
        Assert.Equal(keepAlive, parsed.KeepAlive);
    }

    [Theory]
    [InlineData("GET /\r\n\r\n", HttpParseError.BadRequestLine)]
    [InlineData(" / HTTP/1.1\r\n\r\n", HttpParseError.BadRequestLine)]
    [InlineData("G(T / HTTP/1.1\r\n\r\n", HttpParseError.BadRequestLine)]
    [InlineData("GET /a b HTTP/1.1\r\n\r\n", HttpParseError.BadRequestLine)]
    [InlineData("GET / HTTP/2.0\r\n\r\n", HttpParseError.UnsupportedVersion)]
    [InlineData("GET / FTP/1.1\r\n\r\n", HttpParseError.BadRequestLine)]
    [InlineData("GET / HTTP/1.1\r\nNoColon\r\n\r\n", HttpParseError.BadHeader)]
    [InlineData("GET / HTTP/1.1\r\nHost : evil.example\r\n\r\n", HttpParseError.BadHeader)]
    [InlineData("GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n", HttpParseError.BadHeader)]
    [InlineData("GET / HTTP/1.1\r\nHost: a\nX: b\r\n\r\n", HttpParseError.BadHeader)]
    [InlineData("POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n", HttpParseError.BadContentLength)]
    [InlineData("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", HttpParseError.BadContentLength)]
    [InlineData("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", HttpParseError.BadContentLength)]
    [InlineData("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", HttpParseError.LengthAndTransferEncoding)]
    [InlineData("POST / HTTP/1.1\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", HttpParseError.BadTransferEncoding)]
    [InlineData("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", HttpParseError.BadTransferEncoding)]
    public void A_malformed_or_smuggling_head_is_refused_with_its_reason(string text, HttpParseError expected)
    {
        var parsed = Parse(text);

        Assert.Equal(HttpParseStatus.Invalid, parsed.Status);
        Assert.Equal(expected, parsed.Error);
    }

    [Fact]
    public void A_head_longer_than_the_limit_is_refused_whether_or_not_it_has_ended()
    {
        var longHead = "GET / HTTP/1.1\r\nX-Pad: " + new string('a', 200) + "\r\n\r\n";

        Assert.Equal(HttpParseError.HeadTooLarge, Parse(longHead, max: 100).Error);
        Assert.Equal(HttpParseError.HeadTooLarge, Parse(longHead[..150], max: 100).Error);
        Assert.Equal(HttpParseStatus.Complete, Parse(longHead, max: longHead.Length).Status);
    }

    [Theory]
    [InlineData("evil.example:8080", "evil.example")]
    [InlineData("Evil.Example.", "evil.example")]
    [InlineData("[2001:db8::1]:80", "")]
    [InlineData("", "")]
    public void The_host_is_filed_without_port_trailing_dot_or_case(string host, string name) =>
        Assert.Equal(name, HttpHost.Name(host));
}
