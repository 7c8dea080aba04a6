using SchoolTwitter.Core.Lexicons;

namespace SchoolTwitter.Core.Text;

/// <summary>A lexicon term found in some text; Start/Length index the original text.</summary>
public sealed record LanguageMatch(string Term, string Category, int Start, int Length)
{
    /// <summary>A clinical or formal word ("penis", "pornography"): worth a second reader, not a block.</summary>
    public bool IsClinical => Category == OffensiveLanguage.ClinicalCategory;
}

/// <summary>
/// Finds offensive language (profanity, slurs, sexual terms, insults aimed at people) in any text — a draft, a follower's
/// name or bio, a mention — however it is disguised, without the Scunthorpe problem. The checker's offensive rule, the
/// follower assessment and inbound moderation all use this one matcher.
/// </summary>
/// <remarks>
/// <para>A pipeline of named steps, each in its own class and tested on its own:</para>
/// <list type="number">
/// <item><see cref="ConfusableFolding"/>: case, accents, invisible characters, look-alike letters (Unicode's confusables data).</item>
/// <item>Words: whitespace-separated chunks split into pieces; <see cref="SpacedLetters"/> joins letters written one by one
/// ("s.h.i.t", "s h i t", "What a s h i t day") and words split in two ("wh ore"); capitals split hashtags ("#ShitDay").</item>
/// <item>Each word is looked up as written, then through <see cref="Leetspeak"/> ("sh1t", "@ss"), <see cref="StretchedLetters"/>
/// ("fuuuck") and <see cref="MaskedLetters"/> ("f*ck", "sh#t"); every lookup also tries <see cref="WordEndings"/> ("shitting",
/// "sluts", "dickhead").</item>
/// <item>A term found is dropped when it sits inside one of its entry's innocent phrases ("blue tit", "Dick Whittington",
/// "Chorlton-cum-Hardy"; <see cref="InnocentPhrase"/>), and a form built on a term with innocent readings that is itself an
/// ordinary word ("cocked", "cumin") is that word.</item>
/// <item>Word sequences: multi-word terms ("son of a bitch") and insults aimed at people ("parents are idiots", "you losers").</item>
/// </list>
/// Terms match whole words (with their derived forms), never inside longer words unless the entry says so, so
/// "Scunthorpe", "assessed", "cocktail" and "Penistone" pass. Thread-safe: build once per <see cref="LexiconSet"/> and share.
/// </remarks>
public sealed class OffensiveLanguage
{
    public const string InsultCategory = "insult";

    public const string ClinicalCategory = OffensiveLexicon.ClinicalCategory;

    private const int MaxWord = 64;

    private readonly LanguageLexicons _lexicons;
    private readonly OffensiveLexicon _terms;
    private readonly WordTest _isWord;
    private readonly CleanChunks _clean = new();

    /// <summary>How many terms this thread has met (reported, excused or not): a chunk that met none is clean.</summary>
    [ThreadStatic] private static int t_surfaced;

    public OffensiveLanguage(LexiconSet lexicons)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        _lexicons = lexicons.Language;
        _terms = _lexicons.Offensives;
        _isWord = _lexicons.IsDictionaryWord;
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
        List<(int At, OffensiveTerm Term)>? weakEmoji = null;
        ScanChunks(text, ref matches, ref weakEmoji);
        ScanPhrasesAndInsults(words, weakEmoji, ref matches);
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

    // ---- Words: whitespace-separated chunks, split into pieces, letters spelt out one by one. ----

    private void ScanChunks(string text, ref List<LanguageMatch>? matches, ref List<(int, OffensiveTerm)>? weakEmoji)
    {
        Span<char> folded = stackalloc char[MaxWord];
        Span<int> origin = stackalloc int[MaxWord + 1];
        Span<char> scratch = stackalloc char[MaxWord];
        Span<char> run = stackalloc char[32];
        Span<int> runOrigin = stackalloc int[32];
        var runLength = 0;
        Span<char> previous = stackalloc char[MaxWord];
        var previousLength = 0;
        var previousStart = 0;

        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            var end = i;
            if (start == end) break;

            int pieces;
            scoped ReadOnlySpan<char> piece = default;
            int pieceStart = 0, pieceEnd = 0;
            var raw = text.AsSpan(start, end - start);
            if (_clean.TryFind(raw, out var clean))
            {
                pieces = clean.Pieces;
                piece = clean.OnlyPiece;
                pieceStart = start + clean.PieceStart;
                pieceEnd = start + clean.PieceEnd;
            }
            else
            {
                var surfaced = t_surfaced;
                pieces = ReadChunk(text, start, end, folded, origin, scratch, out var onlyPiece, ref matches, ref weakEmoji);
                if (pieces == 1)
                {
                    piece = folded.Slice(onlyPiece.Start, onlyPiece.Length);
                    pieceStart = origin[onlyPiece.Start];
                    pieceEnd = origin[onlyPiece.Start + onlyPiece.Length - 1] + 1;
                }
                if (t_surfaced == surfaced && raw.Length <= CleanChunks.MaxLength)
                {
                    _clean.Remember(raw, pieces, pieces == 1 ? piece : [], pieceStart - start, pieceEnd - start);
                }
            }

            // Across chunks: "s h i t" (single letters) and "wh ore" (a word split in two).
            if (pieces == 1 && piece.Length == 1 && runLength < run.Length)
            {
                runOrigin[runLength] = pieceStart;
                run[runLength++] = piece[0];
            }
            else
            {
                FlushRun(text, run[..runLength], runOrigin[..runLength], ref matches);
                runLength = 0;
            }
            if (pieces == 1 && previousLength > 0 && previousLength + piece.Length <= MaxWord)
            {
                CheckSplitWord(text, previous[..previousLength], piece, previousStart, pieceEnd, ref matches);
            }
            if (pieces == 1)
            {
                piece.CopyTo(previous);
                previousLength = piece.Length;
                previousStart = pieceStart;
            }
            else
            {
                previousLength = 0;
            }
        }
        FlushRun(text, run[..runLength], runOrigin[..runLength], ref matches);
    }

    /// <summary>
    /// Reads one chunk on its own (emoji, each piece, the chunk whole for masked and spaced-out words, a closing "!" as a
    /// letter): the pieces it has, the only one's place in <paramref name="folded"/>, where the chunk is left folded, with <paramref name="origin"/>.
    /// What it finds depends on the chunk's text alone, unless a term surfaces (its context may excuse it): see <see cref="CleanChunks"/>.
    /// </summary>
    private int ReadChunk(string text, int start, int end, Span<char> folded, Span<int> origin, Span<char> scratch,
        out (int Start, int Length) onlyPiece, ref List<LanguageMatch>? matches, ref List<(int, OffensiveTerm)>? weakEmoji)
    {
        Emoji(text, start, end, ref matches, ref weakEmoji);
        while (start < end && IsLeadingTrim(text[start])) start++;
        while (end > start && IsTrailingTrim(text[end - 1])) end--;
        if (end - start > 4 * MaxWord) end = start + 4 * MaxWord; // a 50,000-letter "word" is no word: look at its start

        var found = matches?.Count ?? 0;
        var trimmedEnd = end;
        var length = FoldChunk(text, start, end, folded, origin, preferData: false, out var otherReading);
        var chunk = folded[..length];
        (var pieces, onlyPiece) = CheckPieces(text, chunk, origin, ref matches);
        if (otherReading && (matches?.Count ?? 0) == found)
        {
            // "ßallßag", "sΙut": the confusables data reads a letter otherwise than TextFolding; try its reading too.
            var other = FoldChunk(text, start, end, scratch, origin, preferData: true, out _);
            CheckPieces(text, scratch[..other], origin, ref matches);
            FoldChunk(text, start, end, folded, origin, preferData: false, out _);
        }
        if (pieces >= 2 && length > 0)
        {
            var whole = (origin[0], origin[length - 1] + 1);
            if (_terms.Term(chunk) is { } exact) Report(text, exact, whole.Item1, whole.Item2, ref matches); // "a-hole", "s.o.b"
            else if (MaskedLetters.AsPattern(chunk, scratch) is > 0 and var n) ReportMasked(text, scratch[..n], whole.Item1, whole.Item2, IsCompound(chunk), ref matches);
            else if (SpacedLetters.Join(chunk, scratch) is > 0 and var m) CheckWord(text, scratch[..m], whole.Item1, whole.Item2, ref matches);
        }

        // "p@k!", "hent@!": a closing "!" after leetspeak may be the word's last letter.
        if ((matches?.Count ?? 0) == found && trimmedEnd < text.Length && text[trimmedEnd] == '!' && HasLeet(chunk))
        {
            var bang = FoldChunk(text, start, trimmedEnd + 1, scratch, origin, preferData: false, out _);
            CheckPieces(text, scratch[..bang], origin, ref matches);
            FoldChunk(text, start, end, folded, origin, preferData: false, out _);
        }
        return pieces;
    }

    /// <summary>Pieces: runs of word characters, each checked as a word. "f.u.c.k" and "a_s_s" are letters spelt out; "a-hole" and "f#ck" whole chunks.</summary>
    private (int Pieces, (int Start, int Length) OnlyPiece) CheckPieces(string text, ReadOnlySpan<char> chunk, ReadOnlySpan<int> origin, ref List<LanguageMatch>? matches)
    {
        var pieces = 0;
        var onlyPiece = (Start: 0, Length: 0);
        var p = 0;
        while (p < chunk.Length)
        {
            while (p < chunk.Length && !IsPieceChar(chunk[p])) p++;
            var ps = p;
            while (p < chunk.Length && IsPieceChar(chunk[p])) p++;
            if (p == ps) break;
            pieces++;
            onlyPiece = (ps, p - ps);
            CheckWord(text, chunk[ps..p], origin[ps], origin[p - 1] + 1, ref matches);
            CheckCamelCaseParts(text, chunk[ps..p], origin[ps..p], ref matches);
        }
        return (pieces, onlyPiece);
    }

    /// <summary>🖕 (any skin tone) and the other emoji in the lists: strong ones always, weak ones when aimed at people (checked with the words).</summary>
    private void Emoji(string text, int start, int end, ref List<LanguageMatch>? matches, ref List<(int, OffensiveTerm)>? weakEmoji)
    {
        for (var k = start; k + 1 < end; k++)
        {
            if (!char.IsHighSurrogate(text[k]) || !char.IsLowSurrogate(text[k + 1])) continue;
            var emoji = text.AsSpan(k, 2);
            if (_terms.Term(emoji) is { } term) Add(ref matches, term, k, k + 2);
            else if (_terms.Insult(emoji) is { } insult)
            {
                if (insult.Strong) Add(ref matches, insult.Term, k, k + 2);
                else
                {
                    t_surfaced++;
                    (weakEmoji ??= []).Add((k, insult.Term));
                }
            }
            k++;
        }
    }

    /// <summary>"#ShitDay", "@FckThisSchool": words run together with capitals are checked one by one.</summary>
    private void CheckCamelCaseParts(string text, ReadOnlySpan<char> piece, ReadOnlySpan<int> origin, ref List<LanguageMatch>? matches)
    {
        var partStart = 0;
        var parts = 0;
        for (var k = 1; k <= piece.Length; k++)
        {
            var boundary = k == piece.Length || (char.IsUpper(text[origin[k]]) && char.IsLower(text[origin[k - 1]]));
            if (!boundary) continue;
            if (k < piece.Length || parts > 0)
            {
                if (k - partStart >= 3) CheckWord(text, piece[partStart..k], origin[partStart], origin[k - 1] + 1, ref matches);
                parts++;
            }
            partStart = k;
        }
    }

    /// <summary>A run of single letters: the word they spell, or, after a one-letter word, the word the rest spells.</summary>
    private void FlushRun(string text, ReadOnlySpan<char> run, ReadOnlySpan<int> origin, ref List<LanguageMatch>? matches)
    {
        if (run.Length < 3) return;
        var end = origin[^1] + 1;
        var lead = SpacedLetters.LeadingWord(run);
        var found = matches?.Count ?? 0;
        if (lead > 0) CheckWord(text, run[lead..], origin[lead], end, ref matches);
        if ((matches?.Count ?? 0) == found) CheckWord(text, run, origin[0], end, ref matches);
    }

    private void CheckSplitWord(string text, ReadOnlySpan<char> first, ReadOnlySpan<char> second, int start, int end, ref List<LanguageMatch>? matches)
    {
        if (first.Length + second.Length < 4 || !_terms.MayBeTerm(first, second)) return;
        Span<char> joined = stackalloc char[first.Length + second.Length];
        first.CopyTo(joined);
        second.CopyTo(joined[first.Length..]);
        if (_terms.Term(joined) is not { } term) return;
        if (_terms.Term(first) is not null || _terms.Term(second) is not null) return; // already found on its own
        if (IsWord(first) && IsWord(second)) return; // "pen is", "as sess": two real words
        if (first.Length >= 3 && IsWord(second)) return; // "dogg in": a name, then a real word
        Report(text, term, start, end, ref matches);
    }

    /// <summary>"no-hit", "moon-faced", "e.g": words joined by a hyphen, dot or underscore are words, not letters hidden by a symbol.</summary>
    private bool IsCompound(ReadOnlySpan<char> chunk)
    {
        var at = chunk.IndexOfAny('-', '.', '_');
        if (at < 0) return false;
        var left = chunk[..at];
        var right = chunk[(at + 1)..].TrimStart("-._");
        return left.Length >= 2 && right.Length >= 2 && IsWord(left) && IsWord(right);
    }

    private bool IsWord(ReadOnlySpan<char> w) =>
        (w.Length == 1 && w[0] is 'a' or 'i') || (w.Length > 1 && (_lexicons.IsDictionaryWord(w) || _lexicons.IsGlossaryWord(w) || _lexicons.IsGivenName(w)));

    // ---- Lookup: each word as written, then with each disguise undone. ----

    private void CheckWord(string text, ReadOnlySpan<char> word, int start, int end, ref List<LanguageMatch>? matches)
    {
        if (word.EndsWith("'s")) word = word[..^2];
        if (word.Length == 0 || word.Length > MaxWord) return;
        var atEnd = false;
        var term = Resolve(word, ref atEnd);
        if (term is null && word.Length > 3 && word[0] == '@' && Resolve(word[1..], ref atEnd) is { } mentioned)
        {
            term = mentioned; // "@shithead": a mention of an offensive account name
            start++;
        }
        if (term is not null) Report(text, term, start, end, ref matches, atEnd);
    }

    /// <summary>
    /// The term the word is or hides; <paramref name="atEnd"/> says it was found inside a longer word: at its end ("bullshit")
    /// or inflected from a term that has innocent readings ("asser"). Capitalised in mid-sentence, such a word is a name.
    /// </summary>
    private OffensiveTerm? Resolve(ReadOnlySpan<char> word, ref bool atEnd)
    {
        if (ResolveForm(word, ref atEnd) is { } plain) return plain;
        Span<char> form = stackalloc char[word.Length];
        var masked = word.Contains(MaskedLetters.Wild);
        if (Leetspeak.TryUndo(word, form, oneAsL: false))
        {
            if (masked) return Wildcard(form);
            if (ResolveForm(form, ref atEnd) is { } leet) return leet;
            Span<char> squeezed = stackalloc char[word.Length];
            if (Stretched(form, squeezed) is { } leetStretched) return leetStretched; // "4rrse", "b0ooobs"
            if (Leetspeak.TryUndo(word, form, oneAsL: true) && ResolveForm(form, ref atEnd) is { } leetL) return leetL;
            return null;
        }
        if (masked) return Wildcard(word);
        return Stretched(word, form);
    }

    /// <summary>"fuuuck", "shiiiit", "asssss", "arrse": squeezed three ways, the last only for words the dictionary does not know.</summary>
    private OffensiveTerm? Stretched(ReadOnlySpan<char> word, Span<char> form)
    {
        if (!StretchedLetters.HasRun(word, 2)) return null;
        foreach (var how in (ReadOnlySpan<SqueezeMode>)[SqueezeMode.LongRunsToOne, SqueezeMode.LongRunsToTwo, SqueezeMode.VowelsToTwo, SqueezeMode.AllRunsToOne])
        {
            if (how == SqueezeMode.AllRunsToOne && _isWord(word)) break;
            var n = StretchedLetters.Squeeze(word, form, how);
            if (n > 0 && ResolveForm(form[..n]) is { } t) return t;
        }
        return null;
    }

    /// <summary>A word as it stands or built on a stem; then the terms found inside or at the end of longer words.</summary>
    private OffensiveTerm? ResolveForm(ReadOnlySpan<char> word)
    {
        var atEnd = false;
        return ResolveForm(word, ref atEnd);
    }

    private OffensiveTerm? ResolveForm(ReadOnlySpan<char> word, ref bool atEnd) => Lookup(word, ref atEnd) ?? InsideOrAtEnd(word, ref atEnd);

    private OffensiveTerm? InsideOrAtEnd(ReadOnlySpan<char> word)
    {
        var atEnd = false;
        return InsideOrAtEnd(word, ref atEnd);
    }

    private OffensiveTerm? InsideOrAtEnd(ReadOnlySpan<char> word, ref bool atEnd)
    {
        if (_terms.MayHoldInsideTerm(word))
        {
            foreach (var (spelling, term) in _terms.InsideWordTerms)
            {
                if (word.Length > spelling.Length && word.Contains(spelling, StringComparison.Ordinal)) return term;
            }
        }
        var singular = word.Length > 4 && word[^1] == 's' ? word[..^1] : word; // "bullshits"
        foreach (var (spelling, term) in _terms.EndOfWordTerms)
        {
            if (singular.Length > spelling.Length && singular.EndsWith(spelling, StringComparison.Ordinal))
            {
                atEnd = true;
                return term;
            }
        }
        return null;
    }

    /// <summary>The term the word is, or is built on: "sluts", "shitting", "dickhead", and a compound inflected ("shitfaced").</summary>
    private OffensiveTerm? Lookup(ReadOnlySpan<char> word, bool compoundsOnly = false)
    {
        var atEnd = false;
        return Lookup(word, ref atEnd, compoundsOnly);
    }

    private OffensiveTerm? Lookup(ReadOnlySpan<char> word, ref bool atEnd, bool compoundsOnly = false)
    {
        // A stem starts as its word does: a word no term starts like ("school", "today") is no term and built on none.
        if (!_terms.MayStartTerm(word)) return null;
        if (_terms.Term(word) is { } exact) return exact;
        if (word.Length < 4) return null;
        Span<char> buffer = stackalloc char[WordEndings.MaxStems * (word.Length + 1)];
        Span<Range> stems = stackalloc Range[WordEndings.MaxStems];
        var count = WordEndings.Stems(word, buffer, stems, _isWord, out var compounds, compoundsOnly);
        for (var k = 0; k < count; k++)
        {
            var stem = buffer[stems[k]];
            if (_terms.Term(stem) is not { } term)
            {
                // "shitfaced" (an inflected compound), "fukwithead" (a compound of one), "bullshitting" (an inflected end-of-word term).
                if (!compoundsOnly && (Lookup(stem, compoundsOnly: true) ?? (k >= compounds ? InsideOrAtEnd(stem, ref atEnd) : null)) is { } inner) return inner;
                continue;
            }
            // "cocked", "butter", "cumin": an ordinary word inflected from a term with innocent readings is that ordinary word
            // (not its other spellings, "rapists"; not compounds: "dickhead" and "cocksucker" are in the dictionary too), and so
            // is a word that would have doubled a letter to be built on it ("titer" is no "titter").
            if (k >= compounds && term.AllowedInContext && stem.SequenceEqual(term.Term) && (_isWord(word) || WordEndings.SkipsDoubling(word, stem))) continue;
            atEnd |= k >= compounds && term.AllowedInContext; // "Asser", "Cocker": capitalised, a name rather than the term
            return term;
        }
        return null;
    }

    /// <summary>"f*ck", "f**k", "b*st*rds", "f*cking": a word with letters hidden, read as the term it fits (with an ending).</summary>
    private OffensiveTerm? Wildcard(ReadOnlySpan<char> pattern, bool letterByLetter = true)
    {
        if (pattern is "a*s") return null; // A*s: grades (A-star results), not a hidden word
        if (Fitting(pattern) is { } same) return same;
        Span<char> buffer = stackalloc char[WordEndings.MaxStems * (pattern.Length + 1)];
        Span<Range> stems = stackalloc Range[WordEndings.MaxStems];
        var count = WordEndings.Stems(pattern, buffer, stems, _isWord, out _);
        for (var k = 0; k < count; k++)
        {
            if (Fitting(buffer[stems[k]]) is { } stemmed) return stemmed;
        }
        return letterByLetter ? OneHiddenLetter(pattern) : null;
    }

    /// <summary>One hidden letter inside a word: each letter tried in its place, the word then read like any other ("a*rse", "assf*ce").</summary>
    private OffensiveTerm? OneHiddenLetter(ReadOnlySpan<char> pattern)
    {
        var at = pattern.IndexOf(MaskedLetters.Wild);
        if (at <= 0 || at == pattern.Length - 1 || pattern[(at + 1)..].Contains(MaskedLetters.Wild) || pattern.Length < 4) return null;
        Span<char> word = stackalloc char[pattern.Length];
        Span<char> form = stackalloc char[pattern.Length];
        pattern.CopyTo(word);
        for (var letter = 'a'; letter <= 'z'; letter++)
        {
            word[at] = letter;
            if ((ResolveForm(word) ?? Stretched(word, form)) is { } term) return term;
        }
        return null;
    }

    private OffensiveTerm? Fitting(ReadOnlySpan<char> pattern)
    {
        if (!MaskedLetters.IsReadable(pattern)) return null;
        foreach (var (spelling, term) in _terms.SpellingsOfLength(pattern.Length))
        {
            if (MaskedLetters.Fits(pattern, spelling)) return term;
        }
        return null;
    }

    /// <summary>A chunk with one symbol run: for two real words joined by a hyphen ("no-hit") only a spelling that fits exactly counts.</summary>
    private void ReportMasked(string text, ReadOnlySpan<char> pattern, int start, int end, bool compound, ref List<LanguageMatch>? matches)
    {
        if (Wildcard(pattern, letterByLetter: !compound) is { } term) Report(text, term, start, end, ref matches);
    }

    /// <summary>Adds the match unless the term is innocent where it stands ("blue tits", "Moby Dick", "Col. Faget", "Mr Livshitz").</summary>
    private void Report(string text, OffensiveTerm term, int start, int end, ref List<LanguageMatch>? matches, bool atEnd = false)
    {
        t_surfaced++;
        if (term.IsInnocentAt(text, start, end) || IsSurname(text, start, end, atEnd)) return;
        // A clinical word warns when written plainly ("penis" in RSE); disguised ("pen1s", "p e n i s") it is no clinical use.
        Add(ref matches, term, start, end, term.Warns && !IsPlainLetters(text, start, end) ? "sexual" : null);
    }

    /// <summary>Letters in words of two or more ("penis", "sexual intercourse"), not spelt out ("p e n i s") or disguised ("pen1s").</summary>
    private static bool IsPlainLetters(string text, int start, int end)
    {
        var run = 0;
        for (var k = start; k < end; k++)
        {
            if (char.IsAsciiLetter(text[k])) { run++; continue; }
            if (text[k] != ' ' || run < 2) return false;
            run = 0;
        }
        return run >= 2;
    }

    /// <summary>
    /// A capitalised word after a title is a surname ("Col. Faget", "Mr Dick"), and so is a capitalised word in mid-sentence
    /// that holds a term anywhere but at its start ("Alexandre Livshitz"): neither is the term.
    /// </summary>
    private bool IsSurname(string text, int start, int end, bool atEnd)
    {
        if (start >= text.Length || !char.IsUpper(text[start]) || (end - start > 1 && char.IsUpper(text[start + 1]))) return false;
        for (var m = start; m < end; m++)
        {
            if (!char.IsAsciiLetter(text[m]) && text[m] != '\'') return false; // a disguised word is nobody's name
        }
        var p = start - 1;
        while (p >= 0 && text[p] == ' ') p--;
        if (p < 0) return false;
        var q = text[p] == '.' ? p - 1 : p;
        var titleEnd = q + 1;
        while (q >= 0 && char.IsLetter(text[q])) q--;
        if (titleEnd - q - 1 is >= 2 and <= 5 && char.IsUpper(text[q + 1]))
        {
            Span<char> title = stackalloc char[titleEnd - q - 1];
            for (var m = 0; m < title.Length; m++) title[m] = char.ToLowerInvariant(text[q + 1 + m]);
            if (_terms.IsTitle(title)) return true;
        }
        // A capitalised word in mid-sentence that ends in a term is a name; a sentence's first word is capitalised anyway.
        return atEnd && text[p] is not ('.' or '!' or '?' or '"' or '“' or ':');
    }

    // ---- Word sequences: offensive phrases and insults aimed at people. ----

    private void ScanPhrasesAndInsults(TextAnalysis words, List<(int At, OffensiveTerm Term)>? weakEmoji, ref List<LanguageMatch>? matches)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var word = words.Folded(i);
            if (_terms.PhrasesStartingWith(word) is { } phrases)
            {
                foreach (var phrase in phrases)
                {
                    if (i + phrase.Words.Length > words.Count) continue;
                    var ok = true;
                    for (var k = 1; k < phrase.Words.Length && ok; k++)
                    {
                        ok = words.Folded(i + k).SequenceEqual(phrase.Words[k]) && words.SameSentence(i + k - 1, i + k);
                    }
                    if (ok) Report(words.Text, phrase.Term, words[i].Start, words[i + phrase.Words.Length - 1].End, ref matches);
                }
            }

            // A plural needs no line of its own: "eejits", "wazzocks".
            if ((_terms.Insult(word) ?? (word.Length > 4 && word[^1] == 's' ? _terms.Insult(word[..^1]) : null)) is not { } insult) continue;
            if (i + 1 < words.Count && words[i + 1].Has(WordFlags.AfterHyphen)) continue; // "idiot-proof"
            var last = i > 0 && words.SameSentence(i - 1, i) ? i - 1 : -1;
            if (insult.Strong ? IsStrongInsultUse(words, i) : IsAimedAtPeople(words, last, i + 1))
            {
                Report(words.Text, insult.Term, words[i].Start, words[i].End, ref matches);
            }
        }
        if (weakEmoji is null) return;
        foreach (var (at, term) in weakEmoji)
        {
            var next = 0;
            while (next < words.Count && words[next].Start < at) next++;
            if (IsAimedAtPeople(words, next - 1, next, emoji: true)) Add(ref matches, term, at, at + 2); // "the ref 🤡"
        }
    }

    private static bool IsStrongInsultUse(TextAnalysis words, int i) =>
        // "The Idiot" (a title) aside, a strong insult insults whoever it names.
        !(words[i].Has(WordFlags.Capitalised) && !words[i].Has(WordFlags.SentenceStart) && !words[i].Has(WordFlags.AllCaps));

    /// <summary>
    /// "parents are idiots", "staff are so useless", "you losers", "what a loser", "Parkside were rubbish", "lazy teachers":
    /// the insult after a people word or a name with only linking words between (looking back from word <paramref name="last"/>),
    /// or right before a people word (word <paramref name="following"/>).
    /// </summary>
    private bool IsAimedAtPeople(TextAnalysis words, int last, int following, bool emoji = false)
    {
        var linked = false;
        var endsPhrase = following >= words.Count || following == 0 || !words.SameSentence(following - 1, following)
            || _terms.IsInsultTarget(words.Folded(following));
        for (var k = last; k >= 0 && k >= last - 5 && words.SameSentence(k, last); k--)
        {
            var w = words.Folded(k);
            // "parents are idiots", "you losers", "the ref 🤡"; but "the family cow", "school rubbish" are things.
            if (_terms.IsInsultTarget(w)) return linked || emoji || w is "you" or "u" or "ya" or "yous";
            // "What a loser!", "such idiots": an exclamation about someone, unless a noun follows ("what a rubbish day").
            if (w is "what" or "such") return endsPhrase;
            // "St Mary's were cheats": a capitalised possessive is a name.
            if (linked && w.EndsWith("'s") && words[k].Has(WordFlags.Capitalised)) return true;
            if (_terms.IsInsultLinker(w) || w.EndsWith("'re") || w.EndsWith("'s"))
            {
                linked = true;
                continue;
            }
            // "Parkside are useless", "Mrs Smith is useless": a name (capitalised, not an ordinary word, or after a title) before a linking verb.
            return linked && words[k].Has(WordFlags.Capitalised) && !words[k].Has(WordFlags.AllCaps)
                && (!_lexicons.IsDictionaryWord(w) || (k > 0 && words.SameSentence(k - 1, k) && _terms.IsInsultTarget(words.Folded(k - 1))));
        }
        return following < words.Count && following > 0 && words.FollowsDirectly(following)
            && _terms.IsInsultTarget(words.Folded(following)) && !words.Folded(following).SequenceEqual("you");
    }

    // ---- helpers ----

    private static int FoldChunk(string text, int start, int end, Span<char> folded, Span<int> origin, bool preferData, out bool otherReading)
    {
        var n = 0;
        otherReading = false;
        for (var k = start; k < end && n < folded.Length;)
        {
            var f = ConfusableFolding.FoldAt(text.AsSpan(0, end), k, out var units, preferData);
            otherReading |= !preferData && ConfusableFolding.HasOtherReading(text.AsSpan(0, end), k);
            if (f != TextFolding.Removed || units == 2)
            {
                origin[n] = k;
                folded[n++] = f == TextFolding.Removed ? ' ' : f;
            }
            k += units;
        }
        origin[n] = end;
        return n;
    }

    private static bool HasLeet(ReadOnlySpan<char> chunk)
    {
        foreach (var c in chunk)
        {
            if (!char.IsLetter(c) && Leetspeak.IsLeet(c)) return true;
        }
        return false;
    }

    private static bool IsPieceChar(char c) =>
        char.IsLetterOrDigit(c) || c is '*' or '@' or '$' or '!' or '|' or '+' or '\'' || (c >= 0x80 && Leetspeak.IsLeet(c));

    private static bool IsLeadingTrim(char c) => c is '(' or '"' or '\'' or '“' or '‘' or '[' or '{' or '<' or '#' or '＃';

    private static bool IsTrailingTrim(char c) =>
        c is '.' or ',' or ';' or ':' or '!' or '?' or ')' or '"' or '\'' or '”' or '’' or ']' or '}' or '>' or '…';

    private static void Add(ref List<LanguageMatch>? matches, OffensiveTerm term, int start, int end, string? category = null)
    {
        t_surfaced++;
        matches ??= [];
        foreach (var m in matches)
        {
            if (m.Start == start && m.Length == end - start) return;
        }
        matches.Add(new LanguageMatch(term.Term, category ?? term.Category, start, end - start));
    }
}
