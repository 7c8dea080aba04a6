namespace SchoolTwitter.Core.Text;

/// <summary>
/// Step of the offensive matcher: a word spelt out letter by letter, with dots, hyphens, underscores or spaces between
/// ("s.h.i.t", "f-u-c-k", "a_s_s", "s h i t"), also straight after a one-letter word ("What a s h i t day").
/// </summary>
internal static class SpacedLetters
{
    /// <summary>Characters that may separate the letters of a spelt-out word inside one chunk.</summary>
    public static bool IsSpacer(char c) => c is '.' or '-' or '_' or '·' or '/' or '+' or '~' or '•';

    /// <summary>
    /// "s.h.i.t" → "shit": a chunk of three or more single letters (or leetspeak characters) with spacers between, written
    /// into <paramref name="output"/>; 0 when the chunk is any other shape ("e.g" has only two, "co-op" has a longer piece).
    /// </summary>
    public static int Join(ReadOnlySpan<char> chunk, Span<char> output)
    {
        var n = 0;
        var expectLetter = true;
        foreach (var c in chunk)
        {
            if (expectLetter)
            {
                if (!char.IsLetterOrDigit(c) && !Leetspeak.IsLeet(c) && c != MaskedLetters.Wild) return 0;
                output[n++] = c;
                expectLetter = false;
            }
            else
            {
                if (!IsSpacer(c)) return 0;
                expectLetter = true;
            }
        }
        return n >= 3 && !expectLetter ? n : 0;
    }

    /// <summary>
    /// How many letters at the start of a run of single letters are a one-letter word ("a s h i t" → 1: the word is "shit"),
    /// so the rest can be tried on its own; 0 when the run does not start with "a" or "i" or is too short to leave a word.
    /// </summary>
    public static int LeadingWord(ReadOnlySpan<char> run) => run.Length >= 4 && run[0] is 'a' or 'i' ? 1 : 0;
}
