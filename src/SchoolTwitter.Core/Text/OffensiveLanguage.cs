using SchoolTwitter.Core.Lexicons;

namespace SchoolTwitter.Core.Text;

/// <summary>A lexicon term found in some text; Start/Length index the original text.</summary>
public sealed record LanguageMatch(string Term, string Category, int Start, int Length);

/// <summary>
/// Finds offensive language (profanity, slurs, sexual terms, insults aimed at people) in any text — a draft, a follower's
/// name or bio, a mention — robust to asterisks, leetspeak, spacing, zero-width and homoglyph tricks, without the Scunthorpe problem.
/// </summary>
/// <remarks>
/// Terms match whole words only (with common endings), never inside longer words unless offensive.txt marks the term safe
/// for that: "Scunthorpe", "assessed", "cocktail", "therapist", "grape" and "Penistone" pass. Disguises are undone per word:
/// <see cref="TextFolding"/> for case, invisible characters, look-alike letters and accents; leetspeak digits and symbols;
/// asterisks as unknown letters ("f**k"); letters split by dots, hyphens or spaces ("s.h.i.t", "s h i t"); stretched letters ("fuuuck").
/// Thread-safe: build once per <see cref="LexiconSet"/> and share.
/// </remarks>
public sealed class OffensiveLanguage
{
    public const string InsultCategory = "insult";

    private const int MaxWord = 96;

    private static readonly string[] Endings = ["s", "es", "ed", "d", "ing", "in", "er", "ers", "y", "ies", "ier", "iest", "head", "heads"];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PeopleWords = Set(
        "parents", "parent", "mums", "dads", "mum", "dad", "mother", "father", "mothers", "fathers", "carers", "grandparents",
        "staff", "teachers", "teacher", "head", "headteacher", "heads", "governors", "governor", "children", "kids", "kid",
        "pupils", "pupil", "students", "student", "boys", "girls", "boy", "girl", "families", "family", "people", "everyone",
        "everybody", "someone", "somebody", "anyone", "whoever", "you", "u", "ya", "he", "she", "they", "them", "him", "her",
        "you're", "they're", "he's", "she's", "youre", "theyre", "neighbours", "neighbour", "drivers", "driver", "council",
        "councillors", "councillor", "inspectors", "referee", "ref", "coach", "players", "opponents", "fans", "supporters",
        "leaders", "management", "slt", "office", "receptionist", "caretaker", "dinnerladies", "visitors", "lot", "mp", "mps");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Linkers = Set(
        "is", "are", "was", "were", "be", "being", "been", "look", "looks", "looked", "seem", "seems", "seemed", "acting", "act",
        "sound", "sounds", "so", "such", "really", "very", "completely", "totally", "utterly", "absolutely", "a", "an", "complete",
        "total", "utter", "absolute", "bunch", "lot", "of", "just", "all", "proper", "right", "bloody", "pair", "like", "bunch",
        "always", "too", "thoroughly", "actually", "clearly", "obviously", "truly", "the", "biggest", "most", "are", "bunch");

    private readonly LanguageLexicons _lexicons;

    public OffensiveLanguage(LexiconSet lexicons)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        _lexicons = lexicons.Language;
    }

    /// <summary>Every offensive term and insult aimed at people in <paramref name="text"/>, in order, spans in the original text.</summary>
    public IReadOnlyList<LanguageMatch> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Find(text, TextAnalysis.Analyse(text, []));
    }

    /// <summary>As <see cref="Find(string)"/>, reusing a draft's word analysis (URLs and hashtags are still searched: an offensive hashtag is offensive).</summary>
    public IReadOnlyList<LanguageMatch> Find(string text, TextAnalysis words)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(words);
        List<LanguageMatch>? matches = null;
        ScanChunks(text, ref matches);
        ScanPhrasesAndInsults(words, ref matches);
        if (matches is null) return [];
        if (matches.Count == 1) return matches;
        matches.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var kept = new List<LanguageMatch>(matches.Count);
        var coveredTo = -1;
        foreach (var m in matches)
        {
            if (m.Start < coveredTo) continue;
            kept.Add(m);
            coveredTo = m.Start + m.Length;
        }
        return kept;
    }

    /// <summary>True when <paramref name="text"/> has any offensive term or insult aimed at people.</summary>
    public bool IsOffensive(string text) => Find(text).Count > 0;

    // ---- Pass 1: whitespace-separated chunks, split into pieces, each piece undisguised. ----

    private void ScanChunks(string text, ref List<LanguageMatch>? matches)
    {
        Span<char> folded = stackalloc char[MaxWord];
        Span<int> origin = stackalloc int[MaxWord + 1];
        Span<char> run = stackalloc char[32];
        var runLength = 0;
        var runStart = 0;
        var runEnd = 0;
        Span<char> previous = stackalloc char[MaxWord];
        Span<char> joined = stackalloc char[MaxWord];
        var previousLength = 0;
        var previousStart = 0;

        var i = 0;
        while (i <= text.Length)
        {
            while (i < text.Length && IsSpace(text[i])) i++;
            var start = i;
            while (i < text.Length && !IsSpace(text[i])) i++;
            var end = i;
            if (start == end)
            {
                FlushRun(text, run[..runLength], runStart, runEnd, ref matches);
                break;
            }
            while (start < end && IsLeadingTrim(text[start])) start++;
            while (end > start && IsTrailingTrim(text[end - 1])) end--;

            var length = FoldChunk(text, start, end, folded, origin);
            var chunk = folded[..length];

            // Split the chunk at separators; single letters throughout ("f.u.c.k", "s-h-i-t") are one spelt-out word.
            var pieces = 0;
            var singles = 0;
            var onlyPiece = (Start: 0, Length: 0);
            var p = 0;
            while (p < length)
            {
                while (p < length && !IsPieceChar(chunk[p])) p++;
                var ps = p;
                while (p < length && IsPieceChar(chunk[p])) p++;
                if (p == ps) break;
                pieces++;
                if (p - ps == 1) singles++;
                onlyPiece = (ps, p - ps);
                CheckWord(text, chunk[ps..p], origin[ps], origin[p - 1] + 1, ref matches);
                CheckCamelCaseParts(text, chunk[ps..p], origin[ps..p], ref matches);
            }
            if (pieces >= 2 && _lexicons.Offensive(chunk) is { } whole && Allowed(whole, text, origin[0], origin[length - 1] + 1))
            {
                Add(ref matches, whole.Term, whole.Category, origin[0], origin[length - 1] + 1); // "a-hole"
            }
            if (pieces >= 3 && singles == pieces)
            {
                var j = 0;
                foreach (var c in chunk)
                {
                    if (IsPieceChar(c)) joined[j++] = c;
                }
                CheckWord(text, joined[..j], origin[0], origin[length - 1] + 1, ref matches);
            }

            // Across chunks: "s h i t" (single letters) and "wh ore" (a word split in two).
            if (pieces == 1 && onlyPiece.Length == 1 && runLength < run.Length)
            {
                if (runLength == 0) runStart = origin[onlyPiece.Start];
                run[runLength++] = chunk[onlyPiece.Start];
                runEnd = origin[onlyPiece.Start] + 1;
            }
            else
            {
                FlushRun(text, run[..runLength], runStart, runEnd, ref matches);
                runLength = 0;
            }
            if (pieces == 1 && previousLength > 0 && previousLength + onlyPiece.Length <= MaxWord)
            {
                var current = chunk.Slice(onlyPiece.Start, onlyPiece.Length);
                CheckSplitWord(text, previous[..previousLength], current, previousStart, origin[onlyPiece.Start + onlyPiece.Length - 1] + 1, ref matches);
            }
            if (pieces == 1)
            {
                chunk.Slice(onlyPiece.Start, onlyPiece.Length).CopyTo(previous);
                previousLength = onlyPiece.Length;
                previousStart = origin[onlyPiece.Start];
            }
            else
            {
                previousLength = 0;
            }
            if (i >= text.Length)
            {
                FlushRun(text, run[..runLength], runStart, runEnd, ref matches);
                break;
            }
        }
    }

    /// <summary>"#ShitDay", "@FckThisSchool": words run together with capitals are checked one by one.</summary>
    private void CheckCamelCaseParts(string text, ReadOnlySpan<char> piece, ReadOnlySpan<int> origin, ref List<LanguageMatch>? matches)
    {
        var partStart = 0;
        var parts = 0;
        for (var k = 1; k <= piece.Length; k++)
        {
            var boundary = k == piece.Length
                || (char.IsUpper(text[origin[k]]) && char.IsLower(text[origin[k - 1]]));
            if (!boundary) continue;
            if (k < piece.Length || parts > 0)
            {
                if (k - partStart >= 3) CheckWord(text, piece[partStart..k], origin[partStart], origin[k - 1] + 1, ref matches);
                parts++;
            }
            partStart = k;
        }
    }

    private void FlushRun(string text, ReadOnlySpan<char> run, int start, int end, ref List<LanguageMatch>? matches)
    {
        if (run.Length >= 3) CheckWord(text, run, start, end, ref matches);
    }

    private void CheckSplitWord(string text, ReadOnlySpan<char> first, ReadOnlySpan<char> second, int start, int end, ref List<LanguageMatch>? matches)
    {
        if (first.Length + second.Length < 4) return;
        Span<char> joined = stackalloc char[first.Length + second.Length];
        first.CopyTo(joined);
        second.CopyTo(joined[first.Length..]);
        if (_lexicons.Offensive(joined) is not { } term) return;
        if (_lexicons.Offensive(first) is not null || _lexicons.Offensive(second) is not null) return; // already found on its own
        if (IsWord(first) && IsWord(second)) return; // "pen is", "as sess": two real words
        if (Allowed(term, text, start, end)) Add(ref matches, term.Term, term.Category, start, end);
    }

    private bool IsWord(ReadOnlySpan<char> w) =>
        (w.Length == 1 && w[0] is 'a' or 'i') || (w.Length > 1 && (_lexicons.IsDictionaryWord(w) || _lexicons.IsGlossaryWord(w) || _lexicons.IsGivenName(w)));

    private static bool IsAllDigits(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }

    /// <summary>Looks one undisguised word up: as written, leetspeak undone, asterisks as wildcards, endings removed, stretched letters squeezed.</summary>
    private void CheckWord(string text, ReadOnlySpan<char> word, int start, int end, ref List<LanguageMatch>? matches)
    {
        if (word.Length == 0) return;
        if (word.EndsWith("'s")) word = word[..^2];
        var term = Lookup(word);
        // A number is a number: "£455" or "raised 7175" must never be read as leetspeak.
        if (term is null && !IsAllDigits(word))
        {
            Span<char> leet = stackalloc char[word.Length];
            var changed = false;
            var wild = 0;
            for (var k = 0; k < word.Length; k++)
            {
                var c = word[k];
                if (char.IsLetter(c) || c == '\'') { leet[k] = c; continue; }
                if (c == '*') { leet[k] = c; wild++; continue; }
                var l = TextFolding.LeetLetter(c);
                if (l == TextFolding.Removed) { leet = default; break; }
                leet[k] = l;
                changed = true;
            }
            if (leet.Length == word.Length && changed && wild == 0) term = Lookup(leet);
            if (term is null && wild > 0 && leet.Length == word.Length) term = Wildcard(leet, wild);
        }
        if (term is null && word.Length > 3 && word[0] == '@' && _lexicons.Offensive(word[1..]) is { } mentioned)
        {
            term = mentioned; // "@shithead": a mention of an offensive account name
            start++;
        }
        if (term is null)
        {
            foreach (var inside in _lexicons.InsideWordTerms)
            {
                if (word.Contains(inside.Term.AsSpan(), StringComparison.Ordinal)) { term = inside; break; }
            }
        }
        if (term is not null && Allowed(term, text, start, end))
        {
            Add(ref matches, term.Term, term.Category, start, end);
        }
    }

    private OffensiveTerm? Lookup(ReadOnlySpan<char> word)
    {
        if (_lexicons.Offensive(word) is { } exact) return exact;
        if (word.Length < 3) return null;
        // A real word takes only a plural ending ("sluts"); other endings would turn "spicy" into "spic" + "y".
        var isWord = _lexicons.IsDictionaryWord(word);
        if (Inflected(word, pluralOnly: isWord) is { } inflected) return inflected;
        if (isWord) return null;

        // Stretched letters: "fuuuuck" -> "fuck", "asssss" -> "ass".
        Span<char> squeezed = stackalloc char[word.Length];
        for (var keep = 1; keep <= 2; keep++)
        {
            var n = 0;
            var same = 0;
            for (var k = 0; k < word.Length; k++)
            {
                same = k > 0 && word[k] == word[k - 1] ? same + 1 : 0;
                if (same < keep) squeezed[n++] = word[k];
            }
            if (n == word.Length) return null;
            if (_lexicons.Offensive(squeezed[..n]) is { } t) return t;
            if (Inflected(squeezed[..n], pluralOnly: false) is { } ti) return ti;
        }
        return null;
    }

    private OffensiveTerm? Inflected(ReadOnlySpan<char> word, bool pluralOnly)
    {
        Span<char> y = stackalloc char[word.Length + 1];
        foreach (var ending in Endings)
        {
            if (word.Length - ending.Length < 3 || !word.EndsWith(ending, StringComparison.Ordinal)) continue;
            if (pluralOnly && ending is not ("s" or "es")) continue;
            var stem = word[..^ending.Length];
            if (_lexicons.Offensive(stem) is { } t) return t;
            // "shitting" -> "shitt" -> "shit"; "bitchy" handled above.
            if (stem.Length > 3 && stem[^1] == stem[^2] && _lexicons.Offensive(stem[..^1]) is { } d) return d;
            if (ending is "ies" or "ier" or "iest")
            {
                stem.CopyTo(y);
                y[stem.Length] = 'y';
                if (_lexicons.Offensive(y[..(stem.Length + 1)]) is { } ty) return ty;
            }
        }
        return null;
    }

    /// <summary>"f**k", "sh*t", "b*tch": asterisks stand for the letters they hide; at least two letters and the first must show.</summary>
    private OffensiveTerm? Wildcard(ReadOnlySpan<char> pattern, int wild)
    {
        // "f***" (first letter and stars, four or more) is read as the word it hides; shorter or emptier patterns ("A**") are not.
        if (pattern[0] == '*' || (pattern.Length - wild < 2 && pattern.Length < 4)) return null;
        foreach (var term in _lexicons.OffensiveTerms)
        {
            var t = term.Term.AsSpan();
            if (t.Length != pattern.Length && !(t.Length < pattern.Length && EndsWithKnownEnding(pattern[t.Length..]))) continue;
            var ok = true;
            for (var k = 0; k < t.Length && ok; k++)
            {
                ok = pattern[k] == '*' || pattern[k] == t[k];
            }
            if (ok && t.Length >= 3) return term;
        }
        return null;
    }

    private static bool EndsWithKnownEnding(ReadOnlySpan<char> rest)
    {
        foreach (var ending in Endings)
        {
            if (rest.SequenceEqual(ending)) return true;
        }
        return false;
    }

    /// <summary>Context that excuses a term: "blue tits", "Homo sapiens", "Dick Whittington".</summary>
    private static bool Allowed(OffensiveTerm term, string text, int start, int end)
    {
        if (term.NotBefore is null && term.NotAfter is null && !term.AlsoAName) return true;
        Span<char> buffer = stackalloc char[32];
        if (term.NotBefore is not null || term.AlsoAName)
        {
            var next = buffer[..Neighbour(text, end, +1, buffer, out var nextStart)];
            if (term.NotBefore is not null && next.Length > 0 && term.NotBefore.GetAlternateLookup<ReadOnlySpan<char>>().Contains(next)) return false;
            if (term.AlsoAName && char.IsUpper(text[start]) && nextStart >= 0 && char.IsUpper(text[nextStart]) && !IsAllUpper(text, start, end)) return false;
        }
        if (term.NotAfter is not null || term.AlsoAName)
        {
            var previous = buffer[..Neighbour(text, start, -1, buffer, out var previousStart)];
            if (term.NotAfter is not null && previous.Length > 0 && term.NotAfter.GetAlternateLookup<ReadOnlySpan<char>>().Contains(previous)) return false;
            // "Moby Dick": a capitalised name after another capitalised name.
            if (term.AlsoAName && previousStart >= 0 && previous.Length > 0 && char.IsUpper(text[start]) && char.IsUpper(text[previousStart])
                && !IsAllUpper(text, start, end))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsAllUpper(string text, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (char.IsLetter(text[k]) && !char.IsUpper(text[k])) return false;
        }
        return true;
    }

    /// <summary>The folded word next to a span (direction +1 after <paramref name="from"/>, -1 before it), across spaces and hyphens only.</summary>
    private static int Neighbour(string text, int from, int direction, Span<char> buffer, out int start)
    {
        int s, e;
        if (direction > 0)
        {
            var k = from;
            while (k < text.Length && (IsSpace(text[k]) || text[k] == '-' || TextFolding.IsInvisible(text[k]))) k++;
            s = k;
            while (k < text.Length && char.IsLetter(text[k])) k++;
            e = k;
        }
        else
        {
            var k = from - 1;
            while (k >= 0 && (IsSpace(text[k]) || text[k] == '-' || TextFolding.IsInvisible(text[k]))) k--;
            e = k + 1;
            while (k >= 0 && char.IsLetter(text[k])) k--;
            s = k + 1;
        }
        start = s;
        if (e <= s || e - s > buffer.Length)
        {
            start = -1;
            return 0;
        }
        for (var m = s; m < e; m++) buffer[m - s] = TextFolding.FoldChar(text[m]);
        return e - s;
    }

    // ---- Pass 2: word sequences: offensive phrases and insults aimed at people. ----

    private void ScanPhrasesAndInsults(TextAnalysis words, ref List<LanguageMatch>? matches)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var word = words.Folded(i);
            if (_lexicons.OffensivePhrasesStartingWith(word) is { } phrases)
            {
                foreach (var phrase in phrases)
                {
                    if (i + phrase.Words.Length > words.Count) continue;
                    var ok = true;
                    for (var k = 1; k < phrase.Words.Length && ok; k++)
                    {
                        ok = words.Folded(i + k).SequenceEqual(phrase.Words[k]) && words.SameSentence(i + k - 1, i + k);
                    }
                    if (!ok) continue;
                    var last = words[i + phrase.Words.Length - 1];
                    Add(ref matches, phrase.Term, phrase.Category, words[i].Start, last.End);
                }
            }

            if (_lexicons.Insult(word) is not { } strong) continue;
            if (i + 1 < words.Count && words[i + 1].Has(WordFlags.AfterHyphen)) continue; // "idiot-proof"
            if (strong ? IsStrongInsultUse(words, i) : IsAimedAtPeople(words, i))
            {
                Add(ref matches, words.FoldedString(i), InsultCategory, words[i].Start, words[i].End);
            }
        }
    }

    private static bool IsStrongInsultUse(TextAnalysis words, int i)
    {
        // "The Idiot" (a title) aside, a strong insult insults whoever it names.
        if (words[i].Has(WordFlags.Capitalised) && !words[i].Has(WordFlags.SentenceStart) && !words[i].Has(WordFlags.AllCaps)) return false;
        return true;
    }

    /// <summary>"parents are idiots", "staff are so useless", "lazy teachers", "you losers".</summary>
    private static bool IsAimedAtPeople(TextAnalysis words, int i)
    {
        // The insult after a people word, with only linking words between ("are", "such a", "a bunch of").
        for (var k = i - 1; k >= 0 && k >= i - 5 && words.SameSentence(k, i); k--)
        {
            var w = words.Folded(k);
            if (PeopleWords.Contains(w)) return true;
            if (!Linkers.Contains(w) && !w.EndsWith("'re") && !w.EndsWith("'s")) break;
        }
        // The insult right before a people word: "lazy parents", "useless staff".
        if (i + 1 < words.Count && words.SameSentence(i, i + 1) && PeopleWords.Contains(words.Folded(i + 1))
            && !words.Folded(i + 1).SequenceEqual("you"))
        {
            return true;
        }
        // "What a bunch of losers", "you clowns", "such a loser".
        for (var k = i - 1; k >= 0 && k >= i - 5 && words.SameSentence(k, i); k--)
        {
            var w = words.Folded(k);
            if (w is "what" or "you" or "u" or "such") return true;
            if (!Linkers.Contains(w)) break;
        }
        return false;
    }

    // ---- helpers ----

    private static int FoldChunk(string text, int start, int end, Span<char> folded, Span<int> origin)
    {
        var n = 0;
        for (var k = start; k < end && n < folded.Length; k++)
        {
            var c = text[k];
            if (char.IsHighSurrogate(c) && k + 1 < end && char.IsLowSurrogate(text[k + 1]))
            {
                var f = TextFolding.FoldCodePoint(char.ConvertToUtf32(c, text[k + 1]));
                origin[n] = k;
                folded[n++] = f == TextFolding.Removed ? ' ' : f;
                k++;
                continue;
            }
            var fc = TextFolding.FoldChar(c);
            if (fc == TextFolding.Removed) continue;
            origin[n] = k;
            folded[n++] = fc;
        }
        origin[n] = end;
        return n;
    }

    private static bool IsPieceChar(char c) =>
        char.IsLetterOrDigit(c) || c is '*' or '@' or '$' or '!' or '|' or '+' or '\'';

    private static bool IsSpace(char c) => char.IsWhiteSpace(c);

    private static bool IsLeadingTrim(char c) => c is '(' or '"' or '\'' or '“' or '‘' or '[' or '{' or '<' or '#' or '＃';

    private static bool IsTrailingTrim(char c) =>
        c is '.' or ',' or ';' or ':' or '!' or '?' or ')' or '"' or '\'' or '”' or '’' or ']' or '}' or '>' or '…';

    private static void Add(ref List<LanguageMatch>? matches, string term, string category, int start, int end)
    {
        matches ??= [];
        foreach (var m in matches)
        {
            if (m.Start == start && m.Length == end - start) return;
        }
        matches.Add(new LanguageMatch(term, category, start, end - start));
    }

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(params string[] words) =>
        words.ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
}
