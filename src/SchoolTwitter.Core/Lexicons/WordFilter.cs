using System.Runtime.CompilerServices;

namespace SchoolTwitter.Core.Lexicons;

/// <summary>
/// One bit in 1,024 for each word of a list, chosen by the word's first and last characters and its length. A word whose bit is
/// clear is in no entry, answered without hashing it: the rules ask dozens of small lists (a few to a few hundred words,
/// a roster's names)
/// about every word of a draft, and almost every answer is no.
/// </summary>
internal sealed class WordFilter
{
    private readonly Bits _bits;

    public WordFilter(IEnumerable<string> words)
    {
        foreach (var word in words) _bits[Bit(word) >> 6] |= 1UL << Bit(word);
    }

    /// <summary>False when no word of the list can be <paramref name="word"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayHold(ReadOnlySpan<char> word)
    {
        var bit = Bit(word);
        return (_bits[bit >> 6] & (1UL << bit)) != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bit(ReadOnlySpan<char> word) =>
        word.IsEmpty ? 0 : (int)((word[0] * 0x9E3779B1u ^ word[^1] * 0x85EBCA77u ^ (uint)word.Length * 0xC2B2AE3Du) >> 22);

    [InlineArray(16)]
    private struct Bits
    {
        private ulong _element;
    }
}

/// <summary>A set of folded words asked about with spans, its <see cref="WordFilter"/> asked first.</summary>
internal sealed class WordSet
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly WordFilter _filter;

    public WordSet(IEnumerable<string> words)
    {
        var set = new HashSet<string>(words, StringComparer.Ordinal);
        _words = set.GetAlternateLookup<ReadOnlySpan<char>>();
        _filter = new WordFilter(set);
    }

    /// <summary>The words, for the few lookups that compare a word's start rather than the whole word.</summary>
    public IReadOnlySet<string> Words => _words.Set;

    public bool Contains(ReadOnlySpan<char> word) => _filter.MayHold(word) && _words.Contains(word);
}
