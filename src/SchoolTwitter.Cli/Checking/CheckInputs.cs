using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Roster;

namespace SchoolTwitter.Cli.Checking;

/// <summary>
/// Turns the files and options a person gave into what the checker needs (roster, draft), or a <see cref="CliInputException"/>
/// that names the problem: which file, which line, which option.
/// </summary>
internal static class CheckInputs
{
    /// <summary>Largest draft JSON file read with <c>--file</c> (four 15 MB GIFs in base64 fit).</summary>
    public const long MaxDraftFileBytes = 128L * 1024 * 1024;

    /// <summary>Largest roster file: a big primary has under a thousand pupils; anything this size is the wrong file.</summary>
    public const long MaxRosterBytes = 16L * 1024 * 1024;

    /// <summary>Checks the combination of options before anything is read, so usage mistakes are reported first.</summary>
    public static void ValidateUsage(CheckRequest request)
    {
        var sources = (request.Text is not null ? 1 : 0) + (request.DraftFile is not null ? 1 : 0) + (request.JsonLinesFile is not null ? 1 : 0);
        if (sources == 0)
        {
            throw new CliInputException(
                "No draft to check: give the tweet text in quotes (schooltwitter check \"Our choir sang beautifully.\"), --file draft.json or --jsonl drafts.jsonl.");
        }
        if (sources > 1)
        {
            throw new CliInputException("Give only one of: the tweet text, --file or --jsonl.");
        }

        var fromFile = request.Text is null;
        if (fromFile && (request.Images.Count > 0 || request.AltTexts.Count > 0 || request.PupilsGiven || request.NoPupils || request.NotOwned))
        {
            throw new CliInputException(
                "--image, --alt, --pupils, --no-pupils and --not-owned go with tweet text on the command line; a draft file carries them in its \"media\" list.");
        }
        if (request.PupilsGiven && request.NoPupils)
        {
            throw new CliInputException("--pupils and --no-pupils contradict each other: list the pupils pictured, or say no pupils are pictured, not both.");
        }
        if (request.Images.Count == 0)
        {
            var imageOnly = request.AltTexts.Count > 0 ? "--alt"
                : request.PupilsGiven ? "--pupils"
                : request.NoPupils ? "--no-pupils"
                : request.NotOwned ? "--not-owned"
                : null;
            if (imageOnly is not null)
            {
                throw new CliInputException($"{imageOnly} describes images, but no --image was given.");
            }
        }
        if (request.AltTexts.Count > request.Images.Count)
        {
            throw new CliInputException(
                $"{request.AltTexts.Count} --alt texts were given for {request.Images.Count} image(s); give one --alt per --image, in the same order.");
        }
        if (request.LexiconDirectory is { } dir && !Directory.Exists(dir))
        {
            throw new CliInputException($"The word-list folder “{dir}” (--lexicons) does not exist.");
        }
    }

    public static PupilRoster? LoadRoster(string? path)
    {
        if (path is null) return null;
        var text = ReadText(path, "roster", MaxRosterBytes);
        var result = RosterCsv.Parse(text);
        if (result.IsValid) return result.Value;
        throw new CliInputException(
            $"The roster “{path}” cannot be used; fix these lines and try again:{Environment.NewLine}" +
            string.Join(Environment.NewLine, result.Errors.Select(e => $"  {e.Field}: {e.Message}")));
    }

    /// <summary>The school's staff and governors (<c>--staff</c>): their names in a draft are adults'.</summary>
    public static StaffList? LoadStaff(string? path)
    {
        if (path is null) return null;
        var result = StaffCsv.Parse(ReadText(path, "staff list", MaxRosterBytes));
        if (result.IsValid) return result.Value;
        throw new CliInputException(
            $"The staff list “{path}” cannot be used; fix these lines and try again:{Environment.NewLine}" +
            string.Join(Environment.NewLine, result.Errors.Select(e => $"  {e.Field}: {e.Message}")));
    }

    /// <summary>The draft made from text and image options given on the command line.</summary>
    public static Draft DraftFromOptions(CheckRequest request)
    {
        var text = request.Text!;
        if (DraftReader.ValidateText(text) is { } error)
        {
            throw new CliInputException(error.Message);
        }

        var pupilIds = ParsePupilIds(request.PupilIds, request.PupilsGiven);
        var images = new List<DraftImage>(request.Images.Count);
        for (var i = 0; i < request.Images.Count; i++)
        {
            var path = request.Images[i];
            var content = ReadImage(path);
            var alt = i < request.AltTexts.Count ? request.AltTexts[i] : null;
            images.Add(new DraftImage(Path.GetFileName(path), content, alt, pupilIds, request.NoPupils, OwnedBySchool: !request.NotOwned));
        }
        return new Draft(null, text, null, images);
    }

    /// <summary>The bytes of the draft JSON given with <c>--file</c> ('-' reads standard input).</summary>
    public static byte[] ReadDraftFile(string path, Func<Stream> standardInput)
    {
        if (path != "-") return ReadBytes(path, "draft file", MaxDraftFileBytes);

        using var input = standardInput();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk)) > 0)
        {
            if (buffer.Length + read > MaxDraftFileBytes)
            {
                throw new CliInputException($"The draft on standard input is over {MaxDraftFileBytes / (1024 * 1024)} MB.");
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static Stream OpenJsonLines(string path, Func<Stream> standardInput)
    {
        if (path == "-") return standardInput();
        if (Directory.Exists(path)) throw new CliInputException($"The drafts file “{path}” is a folder, not a file.");
        if (!File.Exists(path)) throw new CliInputException($"The drafts file “{path}” does not exist.");
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"Cannot read the drafts file “{path}”: {Reason(ex)}");
        }
    }

    private static IReadOnlyList<string> ParsePupilIds(IReadOnlyList<string> values, bool given)
    {
        if (!given) return [];
        var ids = values
            .SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (ids.Count == 0)
        {
            throw new CliInputException("--pupils needs the roster ids of the pupils pictured, such as --pupils P001,P002 (or use --no-pupils).");
        }
        if (ids.FirstOrDefault(id => id.Length > DraftReader.MaxIdLength) is { } tooLong)
        {
            throw new CliInputException($"--pupils has an id longer than {DraftReader.MaxIdLength} characters: “{tooLong[..20]}…”.");
        }
        return ids;
    }

    private static byte[] ReadImage(string path)
    {
        var bytes = ReadBytes(path, "image", DraftReader.MaxImageBytes);
        if (bytes.Length == 0) throw new CliInputException($"The image “{path}” is empty.");
        return bytes;
    }

    private static byte[] ReadBytes(string path, string what, long maxBytes)
    {
        try
        {
            var info = new FileInfo(path);
            if (Directory.Exists(path)) throw new CliInputException($"The {what} “{path}” is a folder, not a file.");
            if (!info.Exists) throw new CliInputException($"The {what} “{path}” does not exist.");
            if (info.Length > maxBytes)
            {
                throw new CliInputException($"The {what} “{path}” is {info.Length / (1024.0 * 1024.0):0.#} MB; the most accepted is {maxBytes / (1024 * 1024)} MB.");
            }
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"Cannot read the {what} “{path}”: {Reason(ex)}");
        }
    }

    private static string ReadText(string path, string what, long maxBytes)
    {
        var bytes = ReadBytes(path, what, maxBytes);
        try
        {
            // Strict UTF-8 (BOM allowed): a roster saved as Windows-1252 would otherwise turn "Siobhán" into mojibake silently.
            return new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new CliInputException($"The {what} “{path}” is not UTF-8 text; export it from the MIS as CSV UTF-8.");
        }
    }

    private static string Reason(Exception ex) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => "it does not exist.",
        UnauthorizedAccessException => "permission denied.",
        _ => ex.Message,
    };
}
