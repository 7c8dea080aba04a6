using System.Numerics;
using System.Runtime.CompilerServices;

namespace SchoolTwitter.Core.Lexicons;

/// <summary>How the British word lists have a folded word: in lower case, capitalised, or both ("mark" and "Mark").</summary>
[Flags]
internal enum WordKinds : byte
{
    None = 0,
    /// <summary>An ordinary word.</summary>
    LowerCaseWord = 1 << 0,
    /// <summary>Capitalised: Wednesday, England, Mark.</summary>
    ProperNoun = 1 << 1,
    DictionaryWord = LowerCaseWord | ProperNoun,
}

/// <summary>
/// The folded words of the British word lists and how the lists have each: the words' characters back to back in one array
/// and an open-addressing table of where each starts. 140,000 words build with no string per word and in a third of the memory a
/// <c>HashSet&lt;string&gt;</c> of them took (on a small VM, touching fresh memory is most of the CLI's start-up), and a lookup
/// is one hash of the span and, nearly always, one comparison.
/// </summary>
internal sealed class WordTable
{
    // A slot is 8 bytes: where the word starts and its length, then 24 bits of its hash and its kinds. 0 is empty.
    private const int LengthBits = 7;
    private const int MaxLength = (1 << LengthBits) - 1;
    private const int MaxStart = (1 << (32 - LengthBits)) - 1;

    private readonly char[] _chars;
    private readonly ulong[] _slots;
    private readonly int _mask;

    // A Bloom filter of the words (two bits each, about 15 bits a word): most words the rules ask about that are not in the
    // lists (a misspelling's one-letter variants, a hundred or more for each) are turned away without reading a slot.
    private readonly ulong[] _bloom;
    private readonly int _bloomShift;

    private WordTable(char[] chars, ulong[] slots, int count)
    {
        _chars = chars;
        _slots = slots;
        _mask = slots.Length - 1;
        Count = count;
        var bits = 1 << 12;
        while (bits < 14 * count && bits < 1 << 26) bits <<= 1;
        _bloom = new ulong[bits / 64];
        _bloomShift = 32 - BitOperations.Log2((uint)bits);
        foreach (var slot in slots)
        {
            if (slot == 0) continue;
            var hash = Hash(chars.AsSpan(StartOf(slot), LengthOf(slot)));
            var (a, b) = BloomBits(hash, _bloomShift);
            _bloom[a >> 6] |= 1UL << a;
            _bloom[b >> 6] |= 1UL << b;
        }
    }

    /// <summary>How many different words the table holds.</summary>
    public int Count { get; }

    /// <summary>The lists <paramref name="folded"/> is in; <see cref="WordKinds.None"/> when it is in none.</summary>
    public WordKinds Kinds(ReadOnlySpan<char> folded)
    {
        var hash = Hash(folded);
        var (a, b) = BloomBits(hash, _bloomShift);
        if (((_bloom[a >> 6] >> a) & (_bloom[b >> 6] >> b) & 1) == 0) return WordKinds.None;
        return Find(_slots, _mask, _chars, folded, hash, out var at) ? KindsOf(_slots[at]) : WordKinds.None;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (int A, int B) BloomBits(uint hash, int shift) =>
        ((int)((hash * 0x9E3779B1u) >> shift), (int)(((hash ^ (hash >> 16)) * 0x85EBCA77u) >> shift));

    public bool Contains(ReadOnlySpan<char> folded, WordKinds any) => (Kinds(folded) & any) != 0;

    /// <summary>The slot holding the word, or the empty slot where it would go.</summary>
    private static bool Find(ulong[] slots, int mask, char[] chars, ReadOnlySpan<char> word, uint hash, out int at)
    {
        if (word.IsEmpty || word.Length > MaxLength)
        {
            at = -1;
            return false;
        }
        var tag = hash >> 8;
        for (var i = (int)hash & mask; ; i = (i + 1) & mask)
        {
            var slot = slots[i];
            if (slot == 0)
            {
                at = i;
                return false;
            }
            if ((uint)(slot >> 40) == tag && LengthOf(slot) == word.Length && word.SequenceEqual(chars.AsSpan(StartOf(slot), word.Length)))
            {
                at = i;
                return true;
            }
        }
    }

    private static int StartOf(ulong slot) => (int)((uint)slot >> LengthBits);

    private static int LengthOf(ulong slot) => (int)((uint)slot & MaxLength);

    private static WordKinds KindsOf(ulong slot) => (WordKinds)(byte)(slot >> 32);

    private static ulong SlotOf(int start, int length, uint hash, WordKinds kinds) =>
        ((ulong)(hash >> 8) << 40) | ((ulong)(byte)kinds << 32) | ((uint)start << LengthBits) | (uint)length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<char> word)
    {
        // FNV-1a, then a final mix so the low bits the table indexes by depend on every character.
        var h = 2166136261u;
        foreach (var c in word) h = (h ^ c) * 16777619u;
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        return h;
    }

    /// <summary>Adds words (already folded) with their kinds; a word added again gains the new kinds.</summary>
    public sealed class Builder
    {
        private char[] _chars;
        private int _used;
        private ulong[] _slots;
        private int _count;

        /// <param name="expectedChars">About how many characters the words have, so neither array grows while building.</param>
        public Builder(int expectedChars)
        {
            _chars = new char[Math.Max(expectedChars, 1024)];
            // About one word per eight characters (with its line break), at most three quarters full.
            var size = 1024;
            while (size * 3 / 4 < expectedChars / 8) size <<= 1;
            _slots = new ulong[size];
        }

        public void Add(ReadOnlySpan<char> folded, WordKinds kinds)
        {
            if (kinds == WordKinds.None || folded.IsEmpty || folded.Length > MaxLength) return;
            var hash = Hash(folded);
            if (Find(_slots, _slots.Length - 1, _chars, folded, hash, out var at))
            {
                _slots[at] |= (ulong)(byte)kinds << 32; // "mark" and "Mark"
                return;
            }
            if (_used + folded.Length > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + folded.Length));
            if (_used + folded.Length > MaxStart) throw new InvalidOperationException("The word lists hold more characters than the word table can index.");
            folded.CopyTo(_chars.AsSpan(_used));
            _slots[at] = SlotOf(_used, folded.Length, hash, kinds);
            _used += folded.Length;
            if (++_count > _slots.Length * 3 / 4) Grow();
        }

        public WordTable Build() => new(_chars, _slots, _count);

        private void Grow()
        {
            var slots = new ulong[_slots.Length * 2];
            var mask = slots.Length - 1;
            foreach (var slot in _slots)
            {
                if (slot == 0) continue;
                var hash = Hash(_chars.AsSpan(StartOf(slot), LengthOf(slot)));
                var i = (int)hash & mask;
                while (slots[i] != 0) i = (i + 1) & mask;
                slots[i] = slot;
            }
            _slots = slots;
        }
    }
}
