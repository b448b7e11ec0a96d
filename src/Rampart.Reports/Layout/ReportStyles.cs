namespace Rampart.Reports.Layout;

/// <summary>The one style sheet of every report, inlined so a report opens with no network request.</summary>
public static class ReportStyles
{
    public const string Css = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1b1f24}
        h1{font-size:1.5rem;margin:0 0 .25rem} h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
        .subtitle{color:#57606a;margin:0 0 1rem}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
        th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
        th{background:#f6f8fa} code,.mono{font-family:ui-monospace,Consolas,monospace;overflow-wrap:anywhere}
        .sev-critical,.sev-high{color:#a40e26;font-weight:600} .sev-medium{color:#9a6700} .sev-low,.sev-info{color:#57606a}
        .done{color:#1a7f37} .open{color:#a40e26}
        @media print{body{margin:0} th{background:none}}
        """;
}
