using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;
using Rampart.Cases.Appendix;
using Rampart.Reports.Cases;

namespace Rampart.Cases.Tests.Appendix;

/// <summary>
/// The court appendix opened in a real browser, Debian's Chromium (.ci/apt/cases.txt) driven by
/// Playwright: the page is served once from a loopback listener, and every request the browser
/// makes, every console message (a Content-Security-Policy refusal is one) and any dialog are
/// recorded. Flags as TESTING.md gives them, so the browser itself stays quiet on the network.
/// </summary>
public sealed class AppendixBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Opened_in_Chromium_the_appendix_makes_no_request_but_its_own_and_shows_every_hostile_value_as_text()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip($"skipped: {Chromium} is not installed (apt-get install the packages in .ci/apt/cases.txt)");
        }

        var ct = TestContext.Current.CancellationToken;
        var html = await CaseAppendixHtml.RenderAsync(AppendixBuilder.Build(AppendixTests.Detail()));
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)server.LocalEndpoint).Port}/appendix.html";
        var served = new List<string>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var serving = ServeAsync(server, html, served, stop.Token);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync();
        var requests = new List<string>();
        var console = new List<string>();
        var dialogs = 0;
        page.Request += (_, request) => requests.Add(request.Url);
        page.Console += (_, message) => console.Add(message.Text);
        page.Dialog += (_, dialog) => dialogs++;
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.NetworkIdle });
        var text = await page.InnerTextAsync("body");
        var scripts = await page.Locator("script").CountAsync();
        await stop.CancelAsync();
        await serving;

        Assert.Equal([url], requests);
        Assert.Equal(["GET /appendix.html HTTP/1.1"], served);
        Assert.Empty(console);
        Assert.Equal(0, dialogs);
        Assert.Equal(0, scripts);
        Assert.Contains(AppendixTests.Hostile, text, StringComparison.Ordinal);
        Assert.Contains("THALLIUM <b>lures</b>", text, StringComparison.Ordinal);
        Assert.Contains("order<1>.pdf", text, StringComparison.Ordinal);
    }

    /// <summary>Answers every connection with the page, one request per connection, and records each request line.</summary>
    private static async Task ServeAsync(TcpListener server, string html, List<string> served, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(html);
        try
        {
            while (true)
            {
                using var client = await server.AcceptTcpClientAsync(cancellationToken);
                var stream = client.GetStream();
                var request = new StringBuilder();
                var buffer = new byte[4096];
                while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer, cancellationToken);
                    if (read == 0)
                    {
                        break;
                    }

                    request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                served.Add(request.ToString().Split("\r\n")[0]);
                var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(head, cancellationToken);
                await stream.WriteAsync(body, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The test is done.
        }
    }
}
