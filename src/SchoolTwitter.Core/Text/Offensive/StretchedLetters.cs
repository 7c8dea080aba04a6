namespace SchoolTwitter.Core.Text;

/// <summary>How <see cref="StretchedLetters.Squeeze"/> shortens runs of one letter.</summary>
internal enum SqueezeMode
{
    /// <summary>Runs of three or more become one letter: "fuuuck" → "fuck", "abeeddd" → "abeed".</summary>
    LongRunsToOne,

    /// <summary>Runs of three or more become two: "asssss" → "ass", "booooobs" → "boobs".</summary>
    LongRunsToTwo,

    /// <summary>Runs of three or more become two vowels or one consonant: "booobssss" → "boobs", "sluuuttt" → "sluut".</summary>
    VowelsToTwo,

    /// <summary>Every run becomes one letter: "fuuck" → "fuck", "arrse" → "arse" (tried on unknown words only).</summary>
    AllRunsToOne,
}

/// <summary>Step of the offensive matcher: letters stretched by repeating them ("fuuuuck", "shiiiit", "asssss").</summary>
internal static class StretchedLetters
{
    /// <summary>Writes <paramref name="word"/> with its runs squeezed; returns the new length, or -1 when the squeeze changes nothing.</summary>
    public static int Squeeze(ReadOnlySpan<char> word, Span<char> output, SqueezeMode how)
    {
        var minimum = how == SqueezeMode.AllRunsToOne ? 2 : 3;
        var keep = how == SqueezeMode.LongRunsToTwo ? 2 : 1;
        var n = 0;
        var changed = false;
        var k = 0;
        while (k < word.Length)
        {
            var run = 1;
            while (k + run < word.Length && word[k + run] == word[k]) run++;
            var write = run < minimum || !char.IsLetter(word[k]) ? run
                : how == SqueezeMode.VowelsToTwo ? (word[k] is 'a' or 'e' or 'i' or 'o' or 'u' ? 2 : 1) : keep;
            changed |= write != run;
            for (var r = 0; r < write; r++) output[n++] = word[k];
            k += run;
        }
        return changed ? n : -1;
    }

    /// <summary>True when the word has a letter written twice or more in a row.</summary>
    public static bool HasRun(ReadOnlySpan<char> word, int length)
    {
        for (var k = length - 1; k < word.Length; k++)
        {
            var same = true;
            for (var r = 1; r < length && same; r++) same = word[k - r] == word[k];
            if (same && char.IsLetter(word[k])) return true;
        }
        return false;
    }
}
