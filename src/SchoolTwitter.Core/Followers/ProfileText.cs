using System.Text;

namespace SchoolTwitter.Core.Followers;

/// <summary>
/// A profile's texts as the checks read them: the handle split into words ("HotBabe_69" → "Hot Babe 69"), with leetspeak between
/// letters undone ("sh1tposting" → "shitposting") and run-together words split ("bigcockbrian" → "big cock brian"); the bio with
/// its run-together hashtags split the same way ("#hornyaf" → "horny af"); and the website's host.
/// </summary>
internal sealed class ProfileText
{
    private ProfileText(FollowerProfile profile, string handleWords, string handleReading, string bioReading, string? host)
    {
        Profile = profile;
        HandleWords = handleWords;
        HandleReading = handleReading;
        BioReading = bioReading;
        Host = host;
        All = string.Join('\n', new[] { profile.Name, handleReading, bioReading, profile.Url, profile.Location }
            .Where(s => !string.IsNullOrWhiteSpace(s)));
        Described = string.Join('\n', new[] { profile.Name, handleReading, bioReading }.Where(s => !string.IsNullOrWhiteSpace(s)));
    }

    public FollowerProfile Profile { get; }

    /// <summary>The handle split at case changes, underscores and digits, as written.</summary>
    public string HandleWords { get; }

    /// <summary>The handle's words with leetspeak undone and run-together words split.</summary>
    public string HandleReading { get; }

    /// <summary>The bio, followed by its run-together hashtags and words split into words.</summary>
    public string BioReading { get; }

    /// <summary>The website's host, lower case, without "www." (null when there is no parsable link).</summary>
    public string? Host { get; }

    /// <summary>Name, handle, bio, link and location: what the keyword lists search.</summary>
    public string All { get; }

    /// <summary>Name, handle and bio: what the account says of itself.</summary>
    public string Described { get; }

    public static ProfileText Read(FollowerProfile profile, WordSegmenter segmenter)
    {
        var handle = profile.Handle.TrimStart('@');
        var handleWords = FollowerAssessor.HandleWords(handle);
        var reading = Segmented(FollowerAssessor.HandleWords(UndoLeetBetweenLetters(handle)), segmenter, minLength: WordSegmenter.MinRunLength);
        return new ProfileText(profile, handleWords, reading, ReadBio(profile.Bio, segmenter), HostOf(profile.Url));
    }

    /// <summary>"sh1tposting" → "shitposting", "n0rthern_b0y" → "northern_boy": a digit or symbol between two letters read as the letter it stands for.</summary>
    internal static string UndoLeetBetweenLetters(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 1; i + 1 < chars.Length; i++)
        {
            if (char.IsLetter(chars[i])) continue;
            var letter = KeywordList.LeetLetter(chars[i]);
            if (letter == chars[i] || !char.IsLetter(text[i - 1]) || !char.IsLetter(text[i + 1])) continue;
            chars[i] = char.IsUpper(text[i + 1]) && char.IsUpper(text[i - 1]) ? char.ToUpperInvariant(letter) : letter;
        }
        return new string(chars);
    }

    private static string ReadBio(string? bio, WordSegmenter segmenter)
    {
        if (string.IsNullOrWhiteSpace(bio)) return "";
        var extra = new List<string>();
        foreach (var raw in bio.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.Trim('.', ',', '!', '?', ':', ';', '(', ')', '"', '\'');
            var hashtag = word.StartsWith('#') || word.StartsWith('＃');
            word = word.TrimStart('#', '＃', '@');
            var undone = UndoLeetBetweenLetters(word);
            if (undone.Length < (hashtag ? WordSegmenter.MinRunLength : 8) || !undone.All(char.IsLetter)) continue;
            var split = Segmented(FollowerAssessor.HandleWords(undone), segmenter, WordSegmenter.MinRunLength);
            if (!string.Equals(split, undone, StringComparison.OrdinalIgnoreCase)) extra.Add(split);
        }
        return extra.Count == 0 ? bio : bio + "\n" + string.Join(' ', extra);
    }

    private static string Segmented(string words, WordSegmenter segmenter, int minLength)
    {
        var sb = new StringBuilder(words.Length + 8);
        var previous = "";
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (sb.Length > 0) sb.Append(' ');
            var afterTitle = FollowerLanguage.Titles.Contains(previous.TrimEnd('.')) && char.IsUpper(word[0]);
            previous = word;
            // "MrsTitleyMusic": the word after a title is a surname, read whole ("Titley", not "tit ley").
            if (word.Length < minLength || !word.All(char.IsLetter) || afterTitle)
            {
                sb.Append(word);
                continue;
            }
            var pieces = segmenter.Split(word);
            // Kept as written when nothing splits off: "Calderdale" is a word, "Hfx" is not worth guessing at.
            sb.Append(pieces.Count == 1 ? word : string.Join(' ', pieces));
        }
        return sb.ToString();
    }

    /// <summary>A link's host, lower case, without "www."; null when there is none or it cannot be read.</summary>
    internal static string? HostOf(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        var text = url.Trim();
        if (!text.Contains("://", StringComparison.Ordinal)) text = "https://" + text;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0) return null;
        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }
}
