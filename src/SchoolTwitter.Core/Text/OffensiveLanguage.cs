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
            Emoji(text, start, end, ref matches, ref weakEmoji);
            while (start < end && IsLeadingTrim(text[start])) start++;
            while (end > start && IsTrailingTrim(text[end - 1])) end--;
            if (end - start > 4 * MaxWord) end = start + 4 * MaxWord; // a 50,000-letter "word" is no word: look at its start

            var length = FoldChunk(text, start, end, folded, origin);
            var chunk = folded[..length];

            // Pieces: runs of word characters. "f.u.c.k" and "a_s_s" are letters spelt out; "a-hole" and "f#ck" are whole chunks.
            var pieces = 0;
            var onlyPiece = (Start: 0, Length: 0);
            var p = 0;
            while (p < length)
            {
                while (p < length && !IsPieceChar(chunk[p])) p++;
                var ps = p;
                while (p < length && IsPieceChar(chunk[p])) p++;
                if (p == ps) break;
                pieces++;
                onlyPiece = (ps, p - ps);
                CheckWord(text, chunk[ps..p], origin[ps], origin[p - 1] + 1, ref matches);
                CheckCamelCaseParts(text, chunk[ps..p], origin[ps..p], ref matches);
            }
            if (pieces >= 2 && length > 0)
            {
                var whole = (origin[0], origin[length - 1] + 1);
                if (_terms.Term(chunk) is { } exact) Report(text, exact, whole.Item1, whole.Item2, ref matches); // "a-hole", "s.o.b"
                else if (MaskedLetters.AsPattern(chunk, scratch) is > 0 and var n) ReportMasked(text, scratch[..n], whole.Item1, whole.Item2, ref matches);
                else if (SpacedLetters.Join(chunk, scratch) is > 0 and var m) CheckWord(text, scratch[..m], whole.Item1, whole.Item2, ref matches);
            }

            // Across chunks: "s h i t" (single letters) and "wh ore" (a word split in two).
            if (pieces == 1 && onlyPiece.Length == 1 && runLength < run.Length)
            {
                runOrigin[runLength] = origin[onlyPiece.Start];
                run[runLength++] = chunk[onlyPiece.Start];
            }
            else
            {
                FlushRun(text, run[..runLength], runOrigin[..runLength], ref matches);
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
        }
        FlushRun(text, run[..runLength], runOrigin[..runLength], ref matches);
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
                else (weakEmoji ??= []).Add((k, insult.Term));
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
        if (first.Length + second.Length < 4) return;
        Span<char> joined = stackalloc char[first.Length + second.Length];
        first.CopyTo(joined);
        second.CopyTo(joined[first.Length..]);
        if (_terms.Term(joined) is not { } term) return;
        if (_terms.Term(first) is not null || _terms.Term(second) is not null) return; // already found on its own
        if (IsWord(first) && IsWord(second)) return; // "pen is", "as sess": two real words
        Report(text, term, start, end, ref matches);
    }

    private bool IsWord(ReadOnlySpan<char> w) =>
        (w.Length == 1 && w[0] is 'a' or 'i') || (w.Length > 1 && (_lexicons.IsDictionaryWord(w) || _lexicons.IsGlossaryWord(w) || _lexicons.IsGivenName(w)));

    // ---- Lookup: each word as written, then with each disguise undone. ----

    private void CheckWord(string text, ReadOnlySpan<char> word, int start, int end, ref List<LanguageMatch>? matches)
    {
        if (word.EndsWith("'s")) word = word[..^2];
        if (word.Length == 0 || word.Length > MaxWord) return;
        var term = Resolve(word);
        if (term is null && word.Length > 3 && word[0] == '@' && Resolve(word[1..]) is { } mentioned)
        {
            term = mentioned; // "@shithead": a mention of an offensive account name
            start++;
        }
        if (term is not null) Report(text, term, start, end, ref matches);
    }

    private OffensiveTerm? Resolve(ReadOnlySpan<char> word)
    {
        if (ResolveForm(word) is { } plain) return plain;
        Span<char> form = stackalloc char[word.Length];
        var masked = word.Contains(MaskedLetters.Wild);
        if (Leetspeak.TryUndo(word, form, oneAsL: false))
        {
            if (masked) return Wildcard(form);
            if (ResolveForm(form) is { } leet) return leet;
            if (Leetspeak.TryUndo(word, form, oneAsL: true) && ResolveForm(form) is { } leetL) return leetL;
        }
        else if (masked)
        {
            return Wildcard(word);
        }
        return Stretched(word, form);
    }

    /// <summary>"fuuuck", "shiiiit", "asssss", "arrse": squeezed three ways, the last only for words the dictionary does not know.</summary>
    private OffensiveTerm? Stretched(ReadOnlySpan<char> word, Span<char> form)
    {
        if (!StretchedLetters.HasRun(word, 2)) return null;
        foreach (var how in (ReadOnlySpan<SqueezeMode>)[SqueezeMode.LongRunsToOne, SqueezeMode.LongRunsToTwo, SqueezeMode.AllRunsToOne])
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
        if (Lookup(word) is { } found) return found;
        foreach (var (spelling, term) in _terms.InsideWordTerms)
        {
            if (word.Length > spelling.Length && word.Contains(spelling, StringComparison.Ordinal)) return term;
        }
        foreach (var (spelling, term) in _terms.EndOfWordTerms)
        {
            if (word.Length > spelling.Length && word.EndsWith(spelling, StringComparison.Ordinal)) return term;
        }
        return null;
    }

    private OffensiveTerm? Lookup(ReadOnlySpan<char> word)
    {
        if (_terms.Term(word) is { } exact) return exact;
        if (word.Length < 4) return null;
        Span<char> buffer = stackalloc char[WordEndings.MaxStems * (word.Length + 1)];
        Span<Range> stems = stackalloc Range[WordEndings.MaxStems];
        var count = WordEndings.Stems(word, buffer, stems, _isWord);
        for (var k = 0; k < count; k++)
        {
            if (_terms.Term(buffer[stems[k]]) is not { } term) continue;
            // "cocked", "butter", "cumin": an ordinary word built on a term with innocent readings is that ordinary word.
            if (term.AllowedInContext && _isWord(word)) continue;
            return term;
        }
        return null;
    }

    /// <summary>"f*ck", "f**k", "b*st*rds", "f*cking": a word with letters hidden, read as the term it fits (with an ending).</summary>
    private OffensiveTerm? Wildcard(ReadOnlySpan<char> pattern)
    {
        if (pattern is "a*s") return null; // A*s: grades (A-star results), not a hidden word
        if (Fitting(pattern) is { } same) return same;
        Span<char> buffer = stackalloc char[WordEndings.MaxStems * (pattern.Length + 1)];
        Span<Range> stems = stackalloc Range[WordEndings.MaxStems];
        var count = WordEndings.Stems(pattern, buffer, stems, _isWord);
        for (var k = 0; k < count; k++)
        {
            if (Fitting(buffer[stems[k]]) is { } stemmed) return stemmed;
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

    private void ReportMasked(string text, ReadOnlySpan<char> pattern, int start, int end, ref List<LanguageMatch>? matches)
    {
        if (Wildcard(pattern) is { } term) Report(text, term, start, end, ref matches);
    }

    /// <summary>Adds the match unless the term is innocent where it stands ("blue tits", "Moby Dick").</summary>
    private static void Report(string text, OffensiveTerm term, int start, int end, ref List<LanguageMatch>? matches)
    {
        if (!term.IsInnocentAt(text, start, end)) Add(ref matches, term, start, end);
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

            if (_terms.Insult(word) is not { } insult) continue;
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
            if (IsAimedAtPeople(words, next - 1, next)) Add(ref matches, term, at, at + 2); // "the ref 🤡"
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
    private bool IsAimedAtPeople(TextAnalysis words, int last, int following)
    {
        var linked = false;
        var endsPhrase = following >= words.Count || following == 0 || !words.SameSentence(following - 1, following)
            || _terms.IsInsultTarget(words.Folded(following));
        for (var k = last; k >= 0 && k >= last - 5 && words.SameSentence(k, last); k--)
        {
            var w = words.Folded(k);
            if (_terms.IsInsultTarget(w)) return true;
            // "What a loser!", "such idiots": an exclamation about someone, unless a noun follows ("what a rubbish day").
            if (w is "what" or "such") return endsPhrase;
            if (_terms.IsInsultLinker(w) || w.EndsWith("'re") || w.EndsWith("'s"))
            {
                linked = true;
                continue;
            }
            // "Parkside are useless", "Mrs Smith is useless": a name (capitalised, not an ordinary word, or after a title) before a linking verb.
            return linked && words[k].Has(WordFlags.Capitalised) && !words[k].Has(WordFlags.AllCaps)
                && (!_lexicons.IsDictionaryWord(w) || (k > 0 && words.SameSentence(k - 1, k) && _terms.IsInsultTarget(words.Folded(k - 1))));
        }
        return following < words.Count && following > 0 && words.SameSentence(following - 1, following)
            && _terms.IsInsultTarget(words.Folded(following)) && !words.Folded(following).SequenceEqual("you");
    }

    // ---- helpers ----

    private static int FoldChunk(string text, int start, int end, Span<char> folded, Span<int> origin)
    {
        var n = 0;
        for (var k = start; k < end && n < folded.Length;)
        {
            var f = ConfusableFolding.FoldAt(text.AsSpan(0, end), k, out var units);
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

    private static bool IsPieceChar(char c) =>
        char.IsLetterOrDigit(c) || c is '*' or '@' or '$' or '!' or '|' or '+' or '\'' || (c >= 0x80 && Leetspeak.IsLeet(c));

    private static bool IsLeadingTrim(char c) => c is '(' or '"' or '\'' or '“' or '‘' or '[' or '{' or '<' or '#' or '＃';

    private static bool IsTrailingTrim(char c) =>
        c is '.' or ',' or ';' or ':' or '!' or '?' or ')' or '"' or '\'' or '”' or '’' or ']' or '}' or '>' or '…';

    private static void Add(ref List<LanguageMatch>? matches, OffensiveTerm term, int start, int end)
    {
        matches ??= [];
        foreach (var m in matches)
        {
            if (m.Start == start && m.Length == end - start) return;
        }
        matches.Add(new LanguageMatch(term.Term, term.Category, start, end - start));
    }
}
