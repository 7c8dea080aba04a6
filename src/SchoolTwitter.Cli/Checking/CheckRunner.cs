using System.Buffers;
using System.Text;
using System.Text.Json;
using SchoolTwitter.Cli.Output;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Roster;

namespace SchoolTwitter.Cli.Checking;

/// <summary>
/// Runs <c>check</c>: validates the request, reads the draft(s) and roster, asks the code-of-conduct checker (Core) for the
/// verdict and writes it for people or as JSON. The checker itself is the same one the Functions app uses.
/// </summary>
internal sealed class CheckRunner(CliEnvironment environment)
{
    /// <summary>Longest JSON line read in <c>--jsonl</c> mode; a longer line gets an error line and the rest still run.</summary>
    public const int MaxJsonLineBytes = 64 * 1024 * 1024;

    public int Run(CheckRequest request)
    {
        CheckInputs.ValidateUsage(request);

        // Building the checker (word lists, rules) is most of the start-up: start it now and read the inputs meanwhile.
        var checker = Task.Run(() => CreateChecker(request.LexiconDirectory));
        var roster = CheckInputs.LoadRoster(request.RosterFile);
        var staff = CheckInputs.LoadStaff(request.StaffFile);

        if (request.JsonLinesFile is { } jsonLines)
        {
            return RunJsonLines(jsonLines, roster, staff, checker);
        }

        Draft draft;
        if (request.DraftFile is { } file)
        {
            var json = CheckInputs.ReadDraftFile(file, environment.OpenStandardInput);
            var read = DraftReader.Parse(json);
            if (!read.IsValid)
            {
                return ReportUnreadableDraft(file == "-" ? "standard input" : file, json, read.Errors, request.Json);
            }
            draft = read.Value!;
        }
        else
        {
            draft = CheckInputs.DraftFromOptions(request);
        }

        var console = request.Json ? null : new VerdictConsole(environment.Output, environment.OutputIsTerminal);
        var verdict = checker.GetAwaiter().GetResult().Check(draft, roster, staff);
        if (console is null)
        {
            environment.Output.Write(VerdictJson.Serialize(verdict) + "\n");
        }
        else
        {
            console.Write(draft, verdict);
        }
        return verdict.Outcome == VerdictOutcome.Pass ? ExitCodes.Pass : ExitCodes.ReviewOrBlocked;
    }

    private int ReportUnreadableDraft(string file, byte[] draftJson, IReadOnlyList<InputError> errors, bool json)
    {
        environment.Error.WriteLine($"Error: the draft file “{file}” cannot be checked:");
        foreach (var error in errors)
        {
            environment.Error.WriteLine($"  {error.Field}: {error.Message}");
        }
        if (json)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, VerdictJson.WriterOptions))
            {
                VerdictJson.WriteInputError(writer, DraftReader.RecoverId(draftJson), errors);
            }
            environment.Output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n");
        }
        return ExitCodes.BadInput;
    }

    /// <summary>
    /// One verdict (or error) line per draft line, in input order, streamed: a malformed line gets <c>{"id","line","error"}</c>
    /// and the rest still run. Exit: 3 if the checker failed on any draft, else 2 if any line was unreadable, else 1 if any
    /// draft needs review or is blocked, else 0. Blank lines are not drafts and are skipped.
    /// </summary>
    private int RunJsonLines(string path, PupilRoster? roster, StaffList? staff, Task<CodeOfConductChecker> building)
    {
        using var input = CheckInputs.OpenJsonLines(path, environment.OpenStandardInput);
        var checker = building.GetAwaiter().GetResult();
        var output = environment.Output;
        var buffer = new ArrayBufferWriter<byte>(4096);
        using var writer = new Utf8JsonWriter(buffer, VerdictJson.WriterOptions);
        var chars = new char[4096];
        long drafts = 0, unreadable = 0, failed = 0, flagged = 0;

        JsonLinesSplitter.ForEachLine(input, MaxJsonLineBytes, (line, lineNumber, tooLong) =>
        {
            if (!tooLong && line.Trim(" \t"u8).IsEmpty) return;
            drafts++;
            buffer.ResetWrittenCount();
            writer.Reset(buffer);

            if (tooLong)
            {
                unreadable++;
                VerdictJson.WriteInputError(writer, null,
                    [new InputError(DraftReader.DocumentField, $"The line is longer than {MaxJsonLineBytes / (1024 * 1024)} MB.")], lineNumber);
            }
            else
            {
                var read = DraftReader.Parse(line);
                if (!read.IsValid)
                {
                    unreadable++;
                    VerdictJson.WriteInputError(writer, DraftReader.RecoverId(line), read.Errors, lineNumber);
                }
                else
                {
                    Verdict? verdict = null;
                    try
                    {
                        verdict = checker.Check(read.Value!, roster, staff);
                    }
                    catch (Exception ex)
                    {
                        // A fault on one draft must not lose the verdicts of the others; the exit code still reports it.
                        failed++;
                        VerdictJson.WriteInputError(writer, read.Value!.Id,
                            [new InputError(DraftReader.DocumentField, $"The checker failed on this draft ({ex.GetType().Name}: {ex.Message}).")], lineNumber);
                    }
                    if (verdict is not null)
                    {
                        if (verdict.Outcome != VerdictOutcome.Pass) flagged++;
                        VerdictJson.Write(writer, verdict);
                    }
                }
            }

            writer.Flush();
            buffer.Write("\n"u8);
            var written = buffer.WrittenSpan;
            if (chars.Length < written.Length) chars = new char[Encoding.UTF8.GetMaxCharCount(written.Length)];
            var count = Encoding.UTF8.GetChars(written, chars);
            output.Write(chars, 0, count);
        });
        output.Flush();

        if (drafts == 0)
        {
            throw new CliInputException($"The drafts file “{path}” has no drafts: give one draft JSON object per line.");
        }
        if (unreadable > 0 || failed > 0)
        {
            environment.Error.WriteLine(
                $"Error: {unreadable + failed} of {drafts} lines could not be checked; their output lines carry \"error\" instead of a verdict.");
        }
        return failed > 0 ? ExitCodes.InternalError
            : unreadable > 0 ? ExitCodes.BadInput
            : flagged > 0 ? ExitCodes.ReviewOrBlocked
            : ExitCodes.Pass;
    }

    private CodeOfConductChecker CreateChecker(string? lexiconDirectory)
    {
        if (lexiconDirectory is null) return environment.CreateChecker(null);
        try
        {
            return environment.CreateChecker(lexiconDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or FormatException or ArgumentException)
        {
            throw new CliInputException($"The school's word lists in “{lexiconDirectory}” (--lexicons) cannot be loaded: {ex.Message}");
        }
    }
}
