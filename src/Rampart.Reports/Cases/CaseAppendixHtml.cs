using Rampart.Cases.Appendix;

namespace Rampart.Reports.Cases;

/// <summary>The HTML half of a case's court appendix.</summary>
public static class CaseAppendixHtml
{
    public static Task<string> RenderAsync(CaseAppendix appendix) =>
        HtmlReport.RenderAsync<CaseAppendixPage>(new Dictionary<string, object?> { [nameof(CaseAppendixPage.Appendix)] = appendix });
}
