using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace SchoolTwitter.Core.Drafts;

/// <summary>
/// Reads the draft JSON (the same for the CLI and the HTTP API) into a <see cref="Draft"/>, naming the field of every error.
/// </summary>
/// <remarks>
/// A forward-only <see cref="Utf8JsonReader"/> pass: no DOM, no reflection. Everything wrong with the shape is reported at once
/// (broken JSON stops at the first syntax error, with its line and position). Unknown and duplicate fields are rejected rather than
/// ignored: a misspelt <c>noPupilsPicturd</c> silently dropped would change what the safeguarding rules see.
/// Field paths look like <c>text</c>, <c>media[1].contentBase64</c>; <c>$</c> is the document as a whole.
/// </remarks>
public static class DraftReader
{
    /// <summary>Longest text accepted as input; the <c>length</c> rule judges the 280 weighted-character limit.</summary>
    public const int MaxTextLength = 10_000;

    /// <summary>Most media items read; the <c>media</c> rule blocks more than 4, so a few extra are still explained by the checker.</summary>
    public const int MaxMedia = 10;

    /// <summary>Largest decoded image accepted as input (X's largest, an animated GIF, is 15 MB; the <c>media</c> rule judges the limits).</summary>
    public const int MaxImageBytes = 20 * 1024 * 1024;

    public const int MaxIdLength = 200;
    public const int MaxSubmittedByLength = 320;
    public const int MaxFileNameLength = 255;
    public const int MaxAltTextLength = 10_000;
    public const int MaxPupilsPictured = 100;

    public const string DocumentField = "$";

    // Field names in switch order; matched against the raw UTF-8 property name so the common path allocates no strings.
    private static readonly string[] DraftFieldNames = ["id", "text", "submittedBy", "media", "inReplyToTweetId", "scheduledFor"];
    private static readonly string[] MediaFieldNames = ["fileName", "contentBase64", "altText", "pupilsPictured", "noPupilsPictured", "ownedBySchool"];
    private static readonly byte[][] DraftFieldsUtf8 = [.. DraftFieldNames.Select(Encoding.UTF8.GetBytes)];
    private static readonly byte[][] MediaFieldsUtf8 = [.. MediaFieldNames.Select(Encoding.UTF8.GetBytes)];
    private static readonly string DraftFields = string.Join(", ", DraftFieldNames);
    private static readonly string MediaFields = string.Join(", ", MediaFieldNames);
    private static readonly string[] MediaPaths = [.. Enumerable.Range(0, MaxMedia).Select(i => $"media[{i}]")];
    private static readonly string[][] MediaFieldPaths = [.. MediaPaths.Select(p => MediaFieldNames.Select(n => $"{p}.{n}").ToArray())];

    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 16,
    };

    public static InputResult<Draft> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, rented);
            return Parse(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static InputResult<Draft> Parse(ReadOnlySpan<byte> utf8Json)
    {
        utf8Json = SkipBom(utf8Json);
        if (IsBlank(utf8Json))
        {
            return InputResult<Draft>.Fail(new InputError(DocumentField,
                "The draft is empty: expected a JSON object such as {\"text\": \"Our choir sang beautifully tonight.\"}."));
        }

        var errors = new List<InputError>();
        var reader = new Utf8JsonReader(utf8Json, Options);
        try
        {
            var draft = ReadDraft(ref reader, errors);
            // Anything after the object (a second object, stray text) is a syntax error the reader raises here.
            reader.Read();
            return errors.Count == 0 && draft is not null ? InputResult<Draft>.Ok(draft) : InputResult<Draft>.Fail(errors);
        }
        catch (JsonException ex)
        {
            return InputResult<Draft>.Fail(SyntaxError(ex));
        }
    }

    /// <summary>
    /// The top-level <c>id</c> of a draft that could not be read, when it appears before anything broken, so an error can still be
    /// matched to its draft (the JSON Lines mode echoes it). Null when there is none or it cannot be found.
    /// </summary>
    public static string? RecoverId(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(SkipBom(utf8Json), Options);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("id"u8);
                if (!reader.Read()) return null;
                if (isId)
                {
                    return reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                        _ => null,
                    };
                }
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }
        catch (InvalidOperationException)
        {
        }
        return null;
    }

    /// <inheritdoc cref="RecoverId(ReadOnlySpan{byte})"/>
    public static string? RecoverId(string json) => RecoverId(Encoding.UTF8.GetBytes(json));

    private static Draft? ReadDraft(ref Utf8JsonReader reader, List<InputError> errors)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            errors.Add(new InputError(DocumentField, $"The draft must be a JSON object with a \"text\" field, not {Describe(reader.TokenType)}."));
            reader.Skip();
            return null;
        }

        string? id = null, text = null, submittedBy = null, inReplyTo = null;
        DateTimeOffset? scheduledFor = null;
        IReadOnlyList<DraftImage> images = [];
        var seen = 0;
        var textPresent = false;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = MatchField(ref reader, DraftFieldsUtf8);
            var unknownName = field < 0 ? reader.GetString()! : null;
            reader.Read();
            if (field >= 0 && (seen & (1 << field)) != 0)
            {
                errors.Add(new InputError(DraftFieldNames[field], $"“{DraftFieldNames[field]}” appears more than once in the draft; give it once."));
                reader.Skip();
                continue;
            }
            seen |= field >= 0 ? 1 << field : 0;
            switch (field)
            {
                case 0:
                    id = ReadIdentifier(ref reader, "id", MaxIdLength, errors);
                    break;
                case 1:
                    textPresent = reader.TokenType != JsonTokenType.Null;
                    text = ReadText(ref reader, errors);
                    break;
                case 2:
                    submittedBy = ReadString(ref reader, "submittedBy", MaxSubmittedByLength, errors);
                    break;
                case 3:
                    images = ReadMedia(ref reader, errors);
                    break;
                case 4:
                    inReplyTo = ReadIdentifier(ref reader, "inReplyToTweetId", MaxIdLength, errors);
                    break;
                case 5:
                    scheduledFor = ReadScheduledFor(ref reader, errors);
                    break;
                default:
                    errors.Add(UnknownField(unknownName!, unknownName!, DraftFields));
                    reader.Skip();
                    break;
            }
        }

        if (!textPresent)
        {
            errors.Add(new InputError("text", "The draft has no “text”: give the words of the tweet."));
        }
        return errors.Count == 0 && text is not null
            ? new Draft(id, text, submittedBy, images, inReplyTo, scheduledFor)
            : null;
    }

    /// <summary>
    /// The checks the text of any draft must pass before the code of conduct sees it (also for text given outside JSON,
    /// such as on the command line): present, not blank, at most <see cref="MaxTextLength"/> characters, no control characters.
    /// </summary>
    public static InputError? ValidateText(string? text, string field = "text")
    {
        if (text is null)
        {
            return new InputError(field, "The draft has no “text”: give the words of the tweet.");
        }
        if (!HasVisibleCharacter(text))
        {
            return new InputError(field, "The tweet text is empty: give the words of the tweet.");
        }
        if (text.Length > MaxTextLength)
        {
            return new InputError(field,
                $"The tweet text has {text.Length:N0} characters; a draft can have at most {MaxTextLength:N0} (the 280-character tweet limit is checked separately).");
        }
        var control = IndexOfControl(text);
        if (control >= 0)
        {
            return new InputError(field,
                $"The tweet text contains an invisible control character (U+{(int)text[control]:X4}) at position {control}; remove it.");
        }
        return null;
    }

    private static string? ReadText(ref Utf8JsonReader reader, List<InputError> errors)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (!ExpectString(ref reader, "text", errors)) return null;
        var text = GetString(ref reader, "text", errors);
        if (text is null) return null;
        if (ValidateText(text) is { } error)
        {
            errors.Add(error);
            return null;
        }
        return text;
    }

    private static IReadOnlyList<DraftImage> ReadMedia(ref Utf8JsonReader reader, List<InputError> errors)
    {
        if (reader.TokenType == JsonTokenType.Null) return [];
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            errors.Add(new InputError("media", $"“media” must be a list of images, not {Describe(reader.TokenType)}."));
            reader.Skip();
            return [];
        }

        var images = new List<DraftImage>();
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (count >= MaxMedia)
            {
                reader.Skip();
                count++;
                continue;
            }
            var image = ReadImage(ref reader, count, errors);
            if (image is not null) images.Add(image);
            count++;
        }
        if (count > MaxMedia)
        {
            errors.Add(new InputError("media",
                $"The draft has {count} media items; a tweet can carry at most 4 images and no more than {MaxMedia} are accepted for checking."));
        }
        return images;
    }

    private static DraftImage? ReadImage(ref Utf8JsonReader reader, int index, List<InputError> errors)
    {
        var path = MediaPaths[index];
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            errors.Add(new InputError(path, $"Each media item must be an object with “contentBase64”, not {Describe(reader.TokenType)}."));
            reader.Skip();
            return null;
        }

        var errorsBefore = errors.Count;
        string? fileName = null, altText = null;
        byte[]? content = null;
        IReadOnlyList<string> pupils = [];
        bool noPupils = false, owned = false, contentPresent = false;
        var seen = 0;
        var paths = MediaFieldPaths[index];

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var known = MatchField(ref reader, MediaFieldsUtf8);
            var field = known >= 0 ? paths[known] : $"{path}.{reader.GetString()}";
            reader.Read();
            if (known >= 0 && (seen & (1 << known)) != 0)
            {
                errors.Add(new InputError(field, $"“{MediaFieldNames[known]}” appears more than once in {path}; give it once."));
                reader.Skip();
                continue;
            }
            seen |= known >= 0 ? 1 << known : 0;
            switch (known)
            {
                case 0:
                    fileName = ReadString(ref reader, field, MaxFileNameLength, errors);
                    break;
                case 1:
                    contentPresent = reader.TokenType != JsonTokenType.Null;
                    if (contentPresent) content = ReadBase64(ref reader, field, errors);
                    break;
                case 2:
                    altText = ReadString(ref reader, field, MaxAltTextLength, errors);
                    break;
                case 3:
                    pupils = ReadPupilIds(ref reader, field, errors);
                    break;
                case 4:
                    noPupils = ReadBoolean(ref reader, field, errors);
                    break;
                case 5:
                    owned = ReadBoolean(ref reader, field, errors);
                    break;
                default:
                    errors.Add(UnknownField(field, field[(path.Length + 1)..], MediaFields));
                    reader.Skip();
                    break;
            }
        }

        if (!contentPresent)
        {
            errors.Add(new InputError(paths[1], $"{path} has no “contentBase64”: give the image's bytes in base64."));
        }
        if (noPupils && pupils.Count > 0)
        {
            errors.Add(new InputError(paths[4],
                $"{path} says no pupils are pictured but also lists pupilsPictured; give one or the other."));
        }
        if (errors.Count > errorsBefore || content is null) return null;
        return new DraftImage(string.IsNullOrWhiteSpace(fileName) ? $"image{index + 1}" : fileName, content, altText, pupils, noPupils, owned);
    }

    private static byte[]? ReadBase64(ref Utf8JsonReader reader, string field, List<InputError> errors)
    {
        if (!ExpectString(ref reader, field, errors)) return null;

        ReadOnlySpan<byte> base64;
        if (reader.ValueIsEscaped)
        {
            // Some serialisers escape '/' as \/ or '+' as \u002B; unescape before decoding.
            var unescaped = new byte[reader.ValueSpan.Length];
            base64 = unescaped.AsSpan(0, reader.CopyString(unescaped));
        }
        else
        {
            base64 = reader.ValueSpan;
        }

        // Tolerate a data URL ("data:image/png;base64,....") as browsers and Power Automate produce it.
        if (base64.StartsWith("data:"u8))
        {
            var comma = base64.IndexOf(";base64,"u8);
            if (comma >= 0) base64 = base64[(comma + ";base64,".Length)..];
        }

        if (IsBlank(base64))
        {
            errors.Add(new InputError(field, "The image content is empty: give the image's bytes in base64."));
            return null;
        }
        if (!Base64.IsValid(base64, out var decodedLength))
        {
            errors.Add(new InputError(field, "The image content is not valid base64 (A–Z, a–z, 0–9, + and /, padded with =)."));
            return null;
        }
        if (decodedLength > MaxImageBytes)
        {
            errors.Add(new InputError(field,
                $"The image is {decodedLength / (1024.0 * 1024.0):0.#} MB; images over {MaxImageBytes / (1024 * 1024)} MB are not accepted."));
            return null;
        }

        var bytes = new byte[decodedLength];
        var status = Base64.DecodeFromUtf8(base64, bytes, out _, out var written);
        if (status != OperationStatus.Done || written != decodedLength)
        {
            errors.Add(new InputError(field, "The image content is not valid base64."));
            return null;
        }
        return bytes;
    }

    private static IReadOnlyList<string> ReadPupilIds(ref Utf8JsonReader reader, string field, List<InputError> errors)
    {
        if (reader.TokenType == JsonTokenType.Null) return [];
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            errors.Add(new InputError(field, $"“pupilsPictured” must be a list of roster ids such as [\"P001\"], not {Describe(reader.TokenType)}."));
            reader.Skip();
            return [];
        }

        var ids = new List<string>();
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var itemField = $"{field}[{index}]";
            index++;
            if (reader.TokenType != JsonTokenType.String)
            {
                errors.Add(new InputError(itemField, $"A pupil id must be a string such as \"P001\", not {Describe(reader.TokenType)}."));
                reader.Skip();
                continue;
            }
            var id = GetString(ref reader, itemField, errors)?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                errors.Add(new InputError(itemField, "A pupil id is empty."));
                continue;
            }
            if (id.Length > MaxIdLength)
            {
                errors.Add(new InputError(itemField, $"A pupil id is longer than {MaxIdLength} characters."));
                continue;
            }
            ids.Add(id);
        }
        if (index > MaxPupilsPictured)
        {
            errors.Add(new InputError(field, $"“pupilsPictured” lists {index} pupils; at most {MaxPupilsPictured} are accepted."));
        }
        return ids;
    }

    private static DateTimeOffset? ReadScheduledFor(ref Utf8JsonReader reader, List<InputError> errors)
    {
        const string Field = "scheduledFor";
        const string Example = "a date and time with its time zone, such as \"2026-11-24T09:30:00Z\" or \"2026-06-01T15:00:00+01:00\"";
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.String)
        {
            errors.Add(new InputError(Field, $"“scheduledFor” must be {Example}, not {Describe(reader.TokenType)}."));
            return null;
        }
        if (!reader.TryGetDateTimeOffset(out var value) || !HasExplicitOffset(reader.ValueSpan))
        {
            errors.Add(new InputError(Field, $"“scheduledFor” must be {Example}."));
            return null;
        }
        return value;
    }

    // "2026-11-24T09:30:00" without Z or ±hh:mm would be read in the server's local zone: refuse rather than guess.
    private static bool HasExplicitOffset(ReadOnlySpan<byte> value)
    {
        var t = value.IndexOfAny("Tt"u8);
        if (t < 0) return false;
        var time = value[(t + 1)..];
        return time.IndexOfAny("Zz+-"u8) >= 0;
    }

    private static string? ReadIdentifier(ref Utf8JsonReader reader, string field, int maxLength, List<InputError> errors)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            // X ids are numbers in some clients' JSON; keep the digits exactly as written.
            return Encoding.UTF8.GetString(reader.ValueSpan);
        }
        return ReadString(ref reader, field, maxLength, errors);
    }

    private static string? ReadString(ref Utf8JsonReader reader, string field, int maxLength, List<InputError> errors)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (!ExpectString(ref reader, field, errors)) return null;
        var value = GetString(ref reader, field, errors);
        if (value is not null && value.Length > maxLength)
        {
            errors.Add(new InputError(field, $"“{LastSegment(field)}” is longer than {maxLength:N0} characters."));
            return null;
        }
        return value;
    }

    private static bool ReadBoolean(ref Utf8JsonReader reader, string field, List<InputError> errors)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True: return true;
            case JsonTokenType.False:
            case JsonTokenType.Null: return false;
            default:
                errors.Add(new InputError(field, $"“{LastSegment(field)}” must be true or false, not {Describe(reader.TokenType)}."));
                reader.Skip();
                return false;
        }
    }

    private static bool ExpectString(ref Utf8JsonReader reader, string field, List<InputError> errors)
    {
        if (reader.TokenType == JsonTokenType.String) return true;
        errors.Add(new InputError(field, $"“{LastSegment(field)}” must be a string, not {Describe(reader.TokenType)}."));
        reader.Skip();
        return false;
    }

    private static string? GetString(ref Utf8JsonReader reader, string field, List<InputError> errors)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 bytes or a lone surrogate escape (\uD800).
            errors.Add(new InputError(field, $"“{LastSegment(field)}” contains characters that are not valid Unicode text."));
            return null;
        }
    }

    private static int MatchField(ref Utf8JsonReader reader, byte[][] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (reader.ValueTextEquals(names[i])) return i;
        }
        return -1;
    }

    private static InputError UnknownField(string field, string name, string knownFields)
    {
        var hint = knownFields.Split(", ").FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        var message = hint is not null
            ? $"“{name}” is not a draft field; field names are case-sensitive: did you mean “{hint}”?"
            : $"“{name}” is not a draft field (expected {knownFields}).";
        return new InputError(field, message);
    }

    private static InputError SyntaxError(JsonException ex)
    {
        var reason = ex.Message;
        var suffix = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (suffix >= 0) reason = reason[..suffix];
        reason = reason.TrimEnd();
        var where = ex.LineNumber is { } line
            ? $" at line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1}"
            : "";
        return new InputError(DocumentField, $"The draft is not valid JSON{where}: {reason}");
    }

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "true/false",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };

    private static string LastSegment(string field)
    {
        var dot = field.LastIndexOf('.');
        return dot >= 0 ? field[(dot + 1)..] : field;
    }

    // Blank also when only invisible characters (zero-width space, joiners, BOM) stand between the spaces.
    private static bool HasVisibleCharacter(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format) return true;
        }
        return false;
    }

    private static int IndexOfControl(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) return i;
        }
        return -1;
    }

    private static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> utf8) =>
        utf8.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;

    private static bool IsBlank(ReadOnlySpan<byte> utf8) => utf8.Trim(" \t\r\n"u8).IsEmpty;
}
