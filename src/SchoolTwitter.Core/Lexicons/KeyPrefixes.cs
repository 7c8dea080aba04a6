namespace SchoolTwitter.Core.Lexicons;

/// <summary>
/// The first three characters of every key of a word list, as one bit per a-z trigram (2 KB, in the CPU's nearest cache)
/// and a small set for the rest: "can this word, or a word built on it, be a key?" The offensive matcher asks it before
/// trying a word's stems. Whether a word itself is in a list is <see cref="WordFilter"/>'s question.
/// </summary>
internal sealed class KeyPrefixes
{
    private const int Length = 3;

    private readonly ulong[] _letters = new ulong[(26 * 26 * 26 + 63) / 64];
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _others;

    public KeyPrefixes(IEnumerable<string> keys)
    {
        var others = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (key.Length < Length) continue; // a shorter key can only be a word shorter than a prefix, which MayStart lets through
            var bit = Bit(key);
            if (bit >= 0) _letters[bit >> 6] |= 1UL << bit;
            else others.Add(key[..Length]);
        }
        _others = others.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>False only when no key starts with the word's first three characters (so the word is no key, nor any longer word built on it).</summary>
    public bool MayStart(ReadOnlySpan<char> word)
    {
        if (word.Length < Length) return true;
        var bit = Bit(word);
        return bit >= 0 ? (_letters[bit >> 6] & (1UL << bit)) != 0 : _others.Contains(word[..Length]);
    }

    /// <summary>The bit for a word's first three characters when all are a-z, else -1.</summary>
    private static int Bit(ReadOnlySpan<char> word)
    {
        int a = word[0] - 'a', b = word[1] - 'a', c = word[2] - 'a';
        return (uint)a < 26 && (uint)b < 26 && (uint)c < 26 ? (a * 26 + b) * 26 + c : -1;
    }
}
