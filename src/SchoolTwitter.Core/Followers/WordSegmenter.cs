namespace SchoolTwitter.Core.Followers;

/// <summary>
/// Splits a run of letters with no spaces ("bigcockbrian", "hornyaf", "fuckthesystem") into the known words it is made of, so the
/// offensive matcher and the follower lists can read handles and hashtags. The split with the fewest letters left unexplained
/// wins, then the one with the fewest words: "therapist" stays one word rather than "the rapist", "expertsexchange" is
/// "experts exchange". Letters no word explains stay as they are, but a split that leaves a single letter unexplained is no
/// split: "gazza" is not "g azz a".
/// </summary>
public sealed class WordSegmenter(Func<string, bool> isKnownWord)
{
    /// <summary>Longest word tried; longer runs are split around known words up to this length.</summary>
    public const int MaxWordLength = 24;

    /// <summary>Runs shorter than this are left alone: too short to hide a word in.</summary>
    public const int MinRunLength = 5;

    /// <summary>The known words (and unexplained stretches) of <paramref name="run"/>, lower case, in order.</summary>
    public IReadOnlyList<string> Split(string run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var s = run.ToLowerInvariant();
        if (s.Length < MinRunLength || !s.All(char.IsLetter) || isKnownWord(s)) return [s];

        var n = s.Length;
        var unexplained = new int[n + 1];
        var words = new int[n + 1];
        var from = new int[n + 1];
        var known = new bool[n + 1];
        Array.Fill(unexplained, int.MaxValue);
        unexplained[0] = 0;
        for (var i = 0; i < n; i++)
        {
            if (unexplained[i] == int.MaxValue) continue;
            Relax(i, i + 1, unexplained[i] + 1, isWord: false);
            for (var j = i + 2; j <= Math.Min(n, i + MaxWordLength); j++)
            {
                if (isKnownWord(s[i..j])) Relax(i, j, unexplained[i], isWord: true);
            }
            if (s[i] is 'a' or 'i') Relax(i, i + 1, unexplained[i], isWord: true);
        }

        var pieces = new List<string>();
        var pendingEnd = -1;
        for (var j = n; j > 0; j = from[j])
        {
            var i = from[j];
            if (known[j])
            {
                FlushPending(pieces, s, j, ref pendingEnd);
                pieces.Add(s[i..j]);
            }
            else if (pendingEnd < 0)
            {
                pendingEnd = j;
            }
        }
        FlushPending(pieces, s, 0, ref pendingEnd);
        pieces.Reverse();
        return pieces.Any(p => p.Length == 1 && p is not ("a" or "i")) ? [s] : pieces;

        void Relax(int i, int j, int cost, bool isWord)
        {
            var count = words[i] + 1;
            if (cost < unexplained[j] || (cost == unexplained[j] && count < words[j]))
            {
                unexplained[j] = cost;
                words[j] = count;
                from[j] = i;
                known[j] = isWord;
            }
        }
    }

    private static void FlushPending(List<string> pieces, string s, int start, ref int pendingEnd)
    {
        if (pendingEnd < 0) return;
        pieces.Add(s[start..pendingEnd]);
        pendingEnd = -1;
    }
}
