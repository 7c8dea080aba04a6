using System.Runtime.CompilerServices;

namespace SchoolTwitter.Core.Lexicons;

/// <summary>
/// A bit for each word of a list, chosen by the word's first two and last two characters and its length, at least 16 bits per
/// word (256 at least, 128 KB at most). A word whose bit is clear is in no entry, answered without hashing the whole word or
/// reading the list's buckets: the rules ask dozens of lists (a few words to several thousand names) about every word of a
/// draft, and almost every answer is no.
/// </summary>
internal sealed class WordFilter
{
    private readonly ulong[] _bits;
    private readonly int _shift;

    public WordFilter(IEnumerable<string> words)
    {
        var list = words as ICollection<string> ?? [.. words];
        var bits = 256;
        while (bits < 16 * list.Count && bits < 1 << 20) bits <<= 1;
        _bits = new ulong[bits / 64];
        _shift = 32 - System.Numerics.BitOperations.Log2((uint)bits);
        foreach (var word in list)
        {
            var bit = Bit(word);
            _bits[bit >> 6] |= 1UL << bit;
        }
    }

    /// <summary>False when no word of the list can be <paramref name="word"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayHold(ReadOnlySpan<char> word)
    {
        var bit = Bit(word);
        return (_bits[bit >> 6] & (1UL << bit)) != 0;
    }

    /// <summary>As <see cref="MayHold(ReadOnlySpan{char})"/> for <paramref name="first"/> and <paramref name="second"/> written together.</summary>
    public bool MayHold(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        if (first.IsEmpty || second.IsEmpty) return MayHold(first.IsEmpty ? second : first);
        var bit = Bit(first[0], first.Length > 1 ? first[1] : second[0], second.Length > 1 ? second[^2] : first[^1], second[^1],
            first.Length + second.Length);
        return (_bits[bit >> 6] & (1UL << bit)) != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Bit(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return 0;
        if (word.Length == 1) return (int)(((word[0] * 0x9E3779B1u ^ word[0] * 0x85EBCA77u ^ 0xC2B2AE3Du) * 0x9E3779B1u) >> _shift);
        return Bit(word[0], word[1], word[^2], word[^1], word.Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Bit(char first, char second, char secondLast, char last, int length)
    {
        var hash = first * 0x9E3779B1u ^ last * 0x85EBCA77u ^ (uint)length * 0xC2B2AE3Du ^ second * 0x27D4EB2Fu ^ secondLast * 0x165667B1u;
        return (int)((hash * 0x9E3779B1u) >> _shift);
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

    public int Count => _words.Set.Count;

    public bool Contains(ReadOnlySpan<char> word) => _filter.MayHold(word) && _words.Contains(word);
}

/// <summary>A map from folded words asked about with spans, its <see cref="WordFilter"/> asked first.</summary>
internal sealed class WordMap<TValue> where TValue : class
{
    private readonly Dictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> _map;
    private readonly WordFilter _filter;

    public WordMap(IEnumerable<KeyValuePair<string, TValue>> entries)
    {
        var map = new Dictionary<string, TValue>(entries, StringComparer.Ordinal);
        _map = map.GetAlternateLookup<ReadOnlySpan<char>>();
        _filter = new WordFilter(map.Keys);
    }

    public TValue? Find(ReadOnlySpan<char> word) => _filter.MayHold(word) && _map.TryGetValue(word, out var value) ? value : null;

    /// <summary>False when <paramref name="first"/> and <paramref name="second"/> written together cannot be a key, asked without joining them.</summary>
    public bool MayHold(ReadOnlySpan<char> first, ReadOnlySpan<char> second) => _filter.MayHold(first, second);
}
