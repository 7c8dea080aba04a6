using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.History;
using SchoolTwitter.Application.X;
using SchoolTwitter.Cli.Checking;
using SchoolTwitter.Core.Roster;
using SchoolTwitter.Infrastructure.X;

namespace SchoolTwitter.Cli.History;

/// <summary>
/// Runs <c>audit-history</c>: the same <see cref="HistoryAudit"/> the SLT page uses, over an archive (streamed) or the live account
/// (its read cost shown and agreed to first), writing history-audit.csv and history-audit.html. Exit 0: nothing found;
/// 1: posts that break the code or need a look; 2: bad input (or the cost not agreed); 3: a fault.
/// </summary>
internal sealed class AuditHistoryRunner(CliEnvironment environment)
{
    public const string CsvFile = "history-audit.csv";
    public const string HtmlFile = "history-audit.html";

    /// <summary>The settings the live account is read with (the X credentials as the local settings give them).</summary>
    public static readonly string[] LiveSettings = ["X__AccountId", "X__ConsumerKey", "X__ConsumerSecret", "X__AccessToken", "X__AccessTokenSecret"];

    public int Run(AuditHistoryRequest request) => RunAsync(request).GetAwaiter().GetResult();

    private async Task<int> RunAsync(AuditHistoryRequest request)
    {
        var roster = CheckInputs.LoadRoster(request.RosterFile) ?? PupilRoster.Empty;
        var staff = CheckInputs.LoadStaff(request.StaffFile) ?? StaffList.Empty;
        if (!Directory.Exists(request.OutDirectory)) throw new CliInputException($"The folder “{request.OutDirectory}” for the report does not exist.");
        if (request.RosterFile is null) environment.Error.WriteLine("Note: no --roster given, so pupils' names in posts with pictures are not checked.");

        var audit = new HistoryAudit(environment.CreateChecker(request.LexiconDirectory));
        return request.Archive is { } archive
            ? await FromArchiveAsync(audit, archive, roster, staff, request.OutDirectory)
            : await FromAccountAsync(audit, roster, staff, request);
    }

    private async Task<int> FromArchiveAsync(HistoryAudit audit, string path, PupilRoster roster, StaffList staff, string outDirectory)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"Cannot read the archive “{path}”: {(ex is FileNotFoundException or DirectoryNotFoundException ? "it does not exist." : ex.Message)}");
        }
        await using (file)
        {
            return await WriteReportAsync(outDirectory, report => audit.RunAsync(XArchiveReader.ReadAsync(file, CancellationToken.None), roster, staff,
                null, report, $"the X archive {Path.GetFileName(path)}", DateTimeOffset.UtcNow, CancellationToken.None));
        }
    }

    private async Task<int> FromAccountAsync(HistoryAudit audit, PupilRoster roster, StaffList staff, AuditHistoryRequest request)
    {
        var read = environment.ReadSetting ?? (_ => null);
        var missing = LiveSettings.Where(s => string.IsNullOrWhiteSpace(read(s))).ToList();
        if (missing.Count > 0)
        {
            throw new CliInputException($"To read the live account set {string.Join(", ", missing)} (or give --archive data/tweets.js).");
        }
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var x = new XApiClient(http,
            new StaticXCredentialSource(new XCredentials(read("X__ConsumerKey")!, read("X__ConsumerSecret")!, read("X__AccessToken")!, read("X__AccessTokenSecret")!)),
            TimeProvider.System,
            Options.Create(new XApiOptions { BaseUrl = read("X__BaseUrl") is { Length: > 0 } url ? url : "https://api.x.com", AccountId = read("X__AccountId") }),
            NullLogger<XApiClient>.Instance);
        try
        {
            var cost = HistoryCost.For((await x.GetProfileAsync(CancellationToken.None)).PostCount);
            environment.Output.WriteLine(cost.Describe());
            if (!request.Yes && !Agreed())
            {
                throw new CliInputException("Nothing was read. Run again with --yes to agree to the cost.");
            }
            return await WriteReportAsync(request.OutDirectory, report => audit.RunAsync(HistoryAuditService.Timeline(x, read("X__AccountId")!, CancellationToken.None),
                roster, staff, null, report, "the school's X account (GET /2/users/:id/tweets)", DateTimeOffset.UtcNow, CancellationToken.None));
        }
        catch (XRateLimitedException limited)
        {
            throw new CliInputException($"X's rate limit was reached; try again after {limited.ResetAt.ToLocalTime():HH:mm}.");
        }
        catch (XApiException failed)
        {
            throw new CliInputException(failed.Message);
        }
    }

    private bool Agreed()
    {
        environment.Output.Write("Read them now? Type yes to go on: ");
        environment.Output.Flush();
        using var input = new StreamReader(environment.OpenStandardInput(), Encoding.UTF8, leaveOpen: true);
        var answer = input.ReadLine()?.Trim();
        return string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase) || string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Writes both files as the audit goes; a failure half way leaves no half report behind.</summary>
    private async Task<int> WriteReportAsync(string outDirectory, Func<IHistoryReport, Task<HistorySummary>> run)
    {
        var csvPath = Path.Combine(outDirectory, CsvFile);
        var htmlPath = Path.Combine(outDirectory, HtmlFile);
        HistorySummary summary;
        try
        {
            await using (var csv = new StreamWriter(csvPath, false, new UTF8Encoding(true)))
            await using (var html = new StreamWriter(htmlPath, false, new UTF8Encoding(false)))
            {
                summary = await run(new HistoryReports(new HistoryCsvReport(csv), new HistoryHtmlReport(html)));
            }
        }
        catch (Exception ex)
        {
            File.Delete(csvPath);
            File.Delete(htmlPath);
            if (ex is XArchiveFormatException format) throw new CliInputException(format.Message);
            if (ex is IOException or UnauthorizedAccessException) throw new CliInputException($"Cannot write the report in “{outDirectory}”: {ex.Message}");
            throw;
        }

        var c = CultureInfo.GetCultureInfo("en-GB");
        environment.Output.WriteLine($"{summary.PostsRead.ToString("N0", c)} posts checked: {summary.PostsBreaching.ToString("N0", c)} break the code of conduct, " +
                                     $"{summary.PostsToReview.ToString("N0", c)} need a second look.");
        environment.Output.WriteLine($"Report: {csvPath} and {htmlPath}");
        return summary.PostsBreaching + summary.PostsToReview > 0 ? ExitCodes.ReviewOrBlocked : ExitCodes.Pass;
    }
}
