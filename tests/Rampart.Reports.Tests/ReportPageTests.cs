using Rampart.Reports.Layout;

namespace Rampart.Reports.Tests;

public sealed class ReportPageTests
{
    [Fact]
    public async Task A_hostile_title_is_rendered_as_text_not_markup()
    {
        var html = await HtmlReport.RenderAsync<ReportPage>(new Dictionary<string, object?>
        {
            [nameof(ReportPage.Title)] = "<script>alert(1)</script>",
        });

        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_forbids_every_network_fetch_and_links_nothing_external()
    {
        var html = await HtmlReport.RenderAsync<ReportPage>(new Dictionary<string, object?>
        {
            [nameof(ReportPage.Title)] = "Case 7",
        });

        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
    }
}
