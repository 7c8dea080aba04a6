using System.Runtime.CompilerServices;

namespace SchoolTwitter.Core.Text;

/// <summary>
/// Chunks (runs of text between spaces) the offensive matcher has read and found no term in, remembered by their exact text.
/// A school's tweets use the same words again and again, and reading a chunk (folding it, undoing each disguise, trying every
/// stem) costs several times what finding it here does.
/// </summary>
/// <remarks>
/// Only a chunk in which no term surfaced at all is kept: one whose term its context excused ("blue tits", "Mr Dick") is read
/// again each time, as the next context may not excuse it. So an answer from here is the answer reading would give. The table
/// has a fixed number of slots, each overwritten by the next chunk that lands on it, so its memory is bounded (at most 1.6 MB,
/// every slot holding a 40-character chunk) however much a long-running process reads. Thread-safe without locks: a slot holds
/// one immutable string and is replaced whole.
/// Each slot's string packs what a hit needs into one object, so a lookup reads one object rather than three: four header
/// characters (piece count, only piece's start and end offsets, chunk length), then the chunk, then the only piece's folded
/// letters.
/// </remarks>
internal sealed class CleanChunks
{
    /// <summary>Longer chunks (links, run-together hashtags) are rare enough to read each time.</summary>
    public const int MaxLength = 40;

    private const int Header = 4;
    private const int Slots = 1 << 13;

    private readonly string?[] _slots = new string?[Slots];

    /// <summary>
    /// A clean chunk: how many pieces (runs of word characters) it has and, when it has one, the piece's folded letters and
    /// where they start and end, as offsets from the chunk's start (what the matcher needs to join it to its neighbours).
    /// </summary>
    public readonly ref struct Entry(int pieces, ReadOnlySpan<char> onlyPiece, int pieceStart, int pieceEnd)
    {
        public int Pieces { get; } = pieces;
        public ReadOnlySpan<char> OnlyPiece { get; } = onlyPiece;
        public int PieceStart { get; } = pieceStart;
        public int PieceEnd { get; } = pieceEnd;
    }

    public bool TryFind(ReadOnlySpan<char> chunk, out Entry entry)
    {
        entry = default;
        if (chunk.Length > MaxLength) return false;
        var packed = Volatile.Read(ref _slots[Slot(chunk)]);
        if (packed is null || packed[3] != chunk.Length || !packed.AsSpan(Header, chunk.Length).SequenceEqual(chunk)) return false;
        entry = new Entry(packed[0], packed.AsSpan(Header + chunk.Length), packed[1], packed[2]);
        return true;
    }

    /// <summary>Remembers a chunk read clean; <paramref name="onlyPiece"/> is empty unless it has one piece.</summary>
    public void Remember(ReadOnlySpan<char> chunk, int pieces, ReadOnlySpan<char> onlyPiece, int pieceStart, int pieceEnd)
    {
        if (chunk.Length > MaxLength || onlyPiece.Length > chunk.Length || pieces > char.MaxValue) return;
        Span<char> chars = stackalloc char[Header + 2 * MaxLength];
        chars[0] = (char)pieces;
        chars[1] = (char)pieceStart;
        chars[2] = (char)pieceEnd;
        chars[3] = (char)chunk.Length;
        chunk.CopyTo(chars[Header..]);
        onlyPiece.CopyTo(chars[(Header + chunk.Length)..]);
        var packed = new string(chars[..(Header + chunk.Length + onlyPiece.Length)]);
        Volatile.Write(ref _slots[Slot(chunk)], packed);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(ReadOnlySpan<char> chunk)
    {
        // FNV-1a: no need for a randomised hash, as a collision only costs a second reading.
        var hash = 2166136261u;
        foreach (var c in chunk) hash = (hash ^ c) * 16777619u;
        return (int)((hash ^ (hash >> 15)) & (Slots - 1));
    }
}
