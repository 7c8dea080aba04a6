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
/// has a fixed number of slots, each overwritten by the next chunk that lands on it, so its memory is bounded (under 2 MB) however
/// much a long-running process reads. Thread-safe without locks: an entry is immutable and a slot is replaced whole.
/// </remarks>
internal sealed class CleanChunks
{
    /// <summary>Longer chunks (links, run-together hashtags) are rare enough to read each time.</summary>
    public const int MaxLength = 40;

    private const int Slots = 1 << 13;

    private readonly Entry?[] _slots = new Entry?[Slots];

    /// <summary>
    /// A clean chunk: how many pieces (runs of word characters) it has and, when it has one, the piece's folded letters and
    /// where they start and end, as offsets from the chunk's start (what the matcher needs to join it to its neighbours).
    /// </summary>
    public sealed class Entry(string chunk, int pieces, string onlyPiece, int pieceStart, int pieceEnd)
    {
        public string Chunk { get; } = chunk;
        public int Pieces { get; } = pieces;
        public string OnlyPiece { get; } = onlyPiece;
        public int PieceStart { get; } = pieceStart;
        public int PieceEnd { get; } = pieceEnd;
    }

    public Entry? Find(ReadOnlySpan<char> chunk)
    {
        if (chunk.Length > MaxLength) return null;
        var entry = Volatile.Read(ref _slots[Slot(chunk)]);
        return entry is not null && chunk.SequenceEqual(entry.Chunk) ? entry : null;
    }

    public void Remember(Entry entry)
    {
        if (entry.Chunk.Length > MaxLength) return;
        Volatile.Write(ref _slots[Slot(entry.Chunk)], entry);
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
