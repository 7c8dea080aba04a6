using System.Globalization;
using System.Text.Encodings.Web;
using SchoolTwitter.Core.CodeOfConduct;

namespace SchoolTwitter.Application.History;

/// <summary>One row per finding: post_id, posted_at, link, outcome, rule, severity, message, text. Safe to open in a spreadsheet.</summary>
public sealed class HistoryCsvReport(TextWriter output) : IHistoryReport
{
    public async Task BeginAsync(string source, DateTimeOffset at, CancellationToken ct) =>
        await output.WriteLineAsync("post_id,posted_at,link,outcome,rule,severity,message,text");

    public async Task AddAsync(HistoryPost post, IReadOnlyList<Finding> findings, CancellationToken ct)
    {
        var outcome = HistoryReportText.Outcome(findings);
        foreach (var f in findings)
        {
            await output.WriteLineAsync(string.Join(',', new[]
            {
                post.Id, post.PostedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "", post.Link, outcome,
                f.Rule, f.Severity.ToString().ToLowerInvariant(), f.Message, post.Text,
            }.Select(Field)));
        }
    }

    public Task EndAsync(HistorySummary summary, CancellationToken ct) => output.FlushAsync(ct);

    /// <summary>Quoted where CSV needs it; a leading = + - @ (a spreadsheet formula) is defused with an apostrophe.</summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}

/// <summary>A page SLT can read: each post that breaks (or may break) the code, why, and its link. Everything is HTML-encoded.</summary>
public sealed class HistoryHtmlReport(TextWriter output) : IHistoryReport
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public async Task BeginAsync(string source, DateTimeOffset at, CancellationToken ct)
    {
        await output.WriteLineAsync($$"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>History audit of the school's posts</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 70rem; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border: 1px solid #999; padding: .4rem; vertical-align: top; text-align: left; }
            .breach { background: #fde2e1; } .review { background: #fff4ce; }
            </style>
            </head>
            <body>
            <h1>History audit: the school's posts against today's code of conduct</h1>
            <p>Source: {{Html.Encode(source)}}. Checked {{Html.Encode(at.ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.GetCultureInfo("en-GB")))}} with today's rules and roster. Each row is a post that breaks the code (breach) or needs a second look (review); the summary is at the end.</p>
            <table>
            <thead><tr><th>Post</th><th>Posted</th><th>Outcome</th><th>Why</th><th>Text</th></tr></thead>
            <tbody>
            """);
    }

    public async Task AddAsync(HistoryPost post, IReadOnlyList<Finding> findings, CancellationToken ct)
    {
        var outcome = HistoryReportText.Outcome(findings);
        var why = string.Concat(findings.Select(f => $"<li>{Html.Encode(f.Severity.ToString().ToLowerInvariant())} ({Html.Encode(f.Rule)}): {Html.Encode(f.Message)}</li>"));
        var posted = post.PostedAt?.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB")) ?? "";
        await output.WriteLineAsync(
            $"<tr class=\"{outcome}\"><td><a href=\"{Html.Encode(post.Link)}\">{Html.Encode(post.Id)}</a></td><td>{Html.Encode(posted)}</td>" +
            $"<td>{Html.Encode(outcome)}</td><td><ul>{why}</ul></td><td>{Html.Encode(post.Text)}</td></tr>");
    }

    public async Task EndAsync(HistorySummary summary, CancellationToken ct)
    {
        var c = CultureInfo.GetCultureInfo("en-GB");
        await output.WriteLineAsync($"""
            </tbody>
            </table>
            <h2>Summary</h2>
            <p>{summary.PostsRead.ToString("N0", c)} posts checked: {summary.PostsBreaching.ToString("N0", c)} break the code of conduct, {summary.PostsToReview.ToString("N0", c)} need a second look.</p>
            <p>Delete a post that breaks the code in the X app (open its link, … menu, Delete). If it pictures or names a pupil who must no longer be seen, use the protection case instead (docs/protection.md).</p>
            </body>
            </html>
            """);
        await output.FlushAsync(ct);
    }
}

/// <summary>Writes the same audit to several reports (CSV and HTML together).</summary>
public sealed class HistoryReports(params IHistoryReport[] reports) : IHistoryReport
{
    public async Task BeginAsync(string source, DateTimeOffset at, CancellationToken ct)
    {
        foreach (var r in reports) await r.BeginAsync(source, at, ct);
    }

    public async Task AddAsync(HistoryPost post, IReadOnlyList<Finding> findings, CancellationToken ct)
    {
        foreach (var r in reports) await r.AddAsync(post, findings, ct);
    }

    public async Task EndAsync(HistorySummary summary, CancellationToken ct)
    {
        foreach (var r in reports) await r.EndAsync(summary, ct);
    }
}

internal static class HistoryReportText
{
    /// <summary>"breach" when a finding blocks, "review" when they only warn.</summary>
    public static string Outcome(IReadOnlyList<Finding> findings) => findings.Any(f => f.Severity == Severity.Block) ? "breach" : "review";
}
