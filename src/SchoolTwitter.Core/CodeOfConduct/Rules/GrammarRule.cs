using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Text;
using static SchoolTwitter.Core.CodeOfConduct.Rules.LanguageRuleSupport;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>
/// Standard English grammar, checked only where a mistake can be told reliably (a false alarm blocks good news):
/// a capital at the start of each sentence; terminal punctuation at the end (trailing hashtags, links and emoji aside);
/// "I" not "i"; "could/should/would/must/might of" for "have"; "alot", "thankyou" and other run-together words;
/// missing apostrophes ("dont", "im", "the mens race"); doubled words ("the the"); subject–verb agreement ("they was",
/// "he were", "she don't"); a participle as the past tense ("we done it", "the class done well"); a past tense after have
/// ("should have went"); object pronouns as subjects ("me and him went", "Josh and me went"); there/their/they're,
/// your/you're, its/it's; "a apple" / "an banana". Words and contexts come from grammar-fixed.txt, grammar-words.txt and
/// irregular-verbs.txt; the false-alarm rate is measured on the Brown corpus (benchmarks' grammar evaluation).
/// </summary>
public sealed class GrammarRule : IRule
{
    private readonly GrammarLexicons _grammar;
    private readonly WordSet _modals, _modalOfExceptions, _doubles, _itsFollowers,
        _beForms, _thereFollowers, _possessivePrepositions, _placeBeforeOf, _theyAreFollowers, _youAreFollowers, _welcomeContinuers,
        _subjectPlural, _subjectSingular, _subjectPronouns, _objectPronouns, _subjunctiveLeaders, _auxiliaries, _determiners,
        _irregularPlurals, _groupSubjects, _groupParticiples, _consonantSoundVowels, _letterNamers, _abbreviations,
        _linkIntroducers, _clauseOpeners, _haveAdverbs, _finiteVerbs, _goingFollowers, _contractionContinuers, _predicateAdverbs;

    public GrammarRule(LexiconSet lexicons)
    {
        _grammar = lexicons.Grammar;
        var sets = _grammar.Words;
        _modals = sets["modals"];
        _modalOfExceptions = sets["modal-of-exceptions"];
        _doubles = sets["doubles"];
        _itsFollowers = sets["its-followers"];
        _beForms = sets["be-forms"];
        _thereFollowers = sets["there-followers"];
        _possessivePrepositions = sets["possessive-prepositions"];
        _placeBeforeOf = sets["place-before-of"];
        _theyAreFollowers = sets["they-are-followers"];
        _youAreFollowers = sets["you-are-followers"];
        _welcomeContinuers = sets["welcome-continuers"];
        _subjectPlural = sets["subject-plural"];
        _subjectSingular = sets["subject-singular"];
        _subjectPronouns = sets["subject-pronouns"];
        _objectPronouns = sets["object-pronouns"];
        _subjunctiveLeaders = sets["subjunctive-leaders"];
        _auxiliaries = sets["auxiliaries"];
        _determiners = sets["determiners"];
        _irregularPlurals = sets["irregular-plurals"];
        _groupSubjects = sets["group-subjects"];
        _groupParticiples = sets["group-participles"];
        _consonantSoundVowels = sets["consonant-sound-vowels"];
        _letterNamers = sets["letter-namers"];
        _abbreviations = sets["abbreviations"];
        _linkIntroducers = sets["link-introducers"];
        _clauseOpeners = sets["clause-openers"];
        _haveAdverbs = sets["have-adverbs"];
        _finiteVerbs = sets["finite-verbs"];
        _goingFollowers = sets["going-followers"];
        _contractionContinuers = sets["contraction-continuers"];
        _predicateAdverbs = sets["predicate-adverbs"];
    }

    public string Id => RuleIds.Grammar;

    public void Check(DraftContext draft, List<Finding> findings)
    {
        var words = draft.Words;
        var reported = ReportedSpans.Of(findings);
        for (var i = 0; i < words.Count; i++)
        {
            var token = words[i];
            var folded = words.Folded(i);
            if (!reported.Overlaps(token.Start, token.Length)) CheckSentenceCapital(words, i, findings);

            if (IsLowerCaseI(words, i))
            {
                var fixedI = "I" + words.Original(i)[1..].ToString();
                Add(findings, words, i, i, $"{Quote(words.Original(i))} should have a capital: write “{fixedI}”.", fixedI);
                continue;
            }
            if (_grammar.FixedMistake(folded) is { } correction && !token.Has(WordFlags.AllCaps) && !IsElided(words, i) && !IsLatin(words, i))
            {
                var suggestion = token.Has(WordFlags.Capitalised) ? char.ToUpperInvariant(correction[0]) + correction[1..] : correction;
                var why = correction.Contains('\'') ? "needs an apostrophe" : "is not Standard English";
                Add(findings, words, i, i, $"{Quote(words.Original(i))} {why}: write “{suggestion}”.", suggestion);
                continue;
            }
            if (CheckObjectPronounSubject(words, i, findings)) continue;
            if (i == 0 || !words.FollowsDirectly(i)) continue;
            var previous = words.Folded(i - 1);

            if (folded.SequenceEqual("of") && _modals.Contains(previous) && ModalOfApplies(words, i))
            {
                var suggestion = words.Original(i - 1).ToString() + " have";
                Add(findings, words, i - 1, i, $"{Quote(Span(words, i - 1, i))} should be “{suggestion}”.", suggestion);
            }
            else if (folded.SequenceEqual(previous) && token.Has(WordFlags.HasLetter) && !token.Has(WordFlags.HasDigit)
                && !_doubles.Contains(folded) && token.FoldedLength > 1 && !words[i - 1].Has(WordFlags.AfterHyphen)
                && !(token.Has(WordFlags.Capitalised) && words[i - 1].Has(WordFlags.Capitalised)))
            {
                Add(findings, words, i - 1, i, $"{Quote(Span(words, i - 1, i))} repeats a word; write “{words.Original(i - 1).ToString()}” once.",
                    words.Original(i - 1).ToString());
            }
            else if (previous.SequenceEqual("their") && _beForms.Contains(folded))
            {
                var suggestion = Capitalise("there", words[i - 1]) + " " + words.Original(i).ToString();
                Add(findings, words, i - 1, i, $"{Quote(Span(words, i - 1, i))} should be “{suggestion}”.", suggestion);
            }
            else if (token.Has(WordFlags.LowerCase) && Agreement(words, i, previous, folded) is { } verb)
            {
                var suggestion = words.Original(i - 1).ToString() + " " + verb;
                Add(findings, words, i - 1, i, $"{Quote(Span(words, i - 1, i))} does not agree: write “{suggestion}”.", suggestion);
            }
            else if (token.Has(WordFlags.LowerCase) && ParticipleAsPast(words, i, previous, folded) is { } past)
            {
                Add(findings, words, i, i, $"{Quote(words.Original(i))} is a past participle, not the past tense: write “{past}” here.", past);
            }
            else if (token.Has(WordFlags.LowerCase) && PastAfterHave(words, i, previous, folded) is { } participle)
            {
                Add(findings, words, i, i, $"After “have”, {Quote(words.Original(i))} should be the past participle “{participle}”.", participle);
            }
            else if (Confusion(words, i, previous, folded) is { } confusion)
            {
                var (first, right, why) = confusion;
                var suggestion = Capitalise(right, words[first]) + (first < i ? " " + words.Original(i).ToString() : "");
                Add(findings, words, first, i, $"{Quote(Span(words, first, i))} should be “{suggestion}” ({why}).", suggestion);
            }
            else if (WrongArticle(words, i) is { } article)
            {
                var suggestion = article + " " + words.Original(i).ToString();
                Add(findings, words, i - 1, i, $"{Quote(Span(words, i - 1, i))} should be “{suggestion}”.", suggestion);
            }
        }
        CheckEnding(draft.Text, words, findings);
    }

    /// <summary>"'im" and "'em" written for "him" and "them" (quoted speech), not a missing apostrophe in "im".</summary>
    private static bool IsElided(TextAnalysis words, int i)
    {
        var gap = words.GapBefore(i);
        return gap.Length > 0 && gap[^1] is '\'' or '’' or '‘';
    }

    /// <summary>"mens rea": Latin, not the men's race.</summary>
    private static bool IsLatin(TextAnalysis words, int i) =>
        words.Folded(i).SequenceEqual("mens") && i + 1 < words.Count && words.Folded(i + 1).SequenceEqual("rea");

    /// <summary>"could of been": the "of" is "have" unless a determiner or "course" follows ("should of course", "the might of the army").</summary>
    private bool ModalOfApplies(TextAnalysis words, int i)
    {
        if (i + 1 >= words.Count || !words.SameSentence(i, i + 1) || !words.FollowsDirectly(i + 1) || !words[i + 1].Has(WordFlags.LowerCase)) return false;
        if (_modalOfExceptions.Contains(words.Folded(i + 1))) return false;
        // "the might of", "a must of": a noun after a determiner.
        return i < 2 || !words.SameSentence(i - 2, i - 1) || !_determiners.Contains(words.Folded(i - 2)) && !words.Folded(i - 2).SequenceEqual("a");
    }

    /// <summary>The verb a subject needs when <paramref name="verb"/> does not agree with it ("they was" -> "were"), or null.</summary>
    private string? Agreement(TextAnalysis words, int i, ReadOnlySpan<char> subject, ReadOnlySpan<char> verb)
    {
        if (verb is not ("was" or "were" or "don't" or "has" or "is" or "have" or "are")) return null; // the verbs below, asked first
        var plural = _subjectPlural.Contains(subject);
        // "it" is an object too ("everything in it are", "shoot it are"): only the subject when it opens a clause.
        var singular = _subjectSingular.Contains(subject) && (!subject.SequenceEqual("it") || StartsClause(words, i - 1));
        // "my brothers and I were": a compound subject is plural.
        var me = subject.SequenceEqual("i") && !(i >= 2 && words.Folded(i - 2) is "and" or "or" or "nor");
        if (verb.SequenceEqual("was"))
        {
            if (plural || (subject.SequenceEqual("you") && StartsClause(words, i - 1))) return "were";
            // "the children was", not "the feeling of the people was" (the subject is "feeling").
            if (_irregularPlurals.Contains(subject) && i >= 2 && words.SameSentence(i - 2, i - 1) && _determiners.Contains(words.Folded(i - 2))
                && !(i >= 3 && words.SameSentence(i - 3, i - 2) && _possessivePrepositions.Contains(words.Folded(i - 3)))) return "were";
            return null;
        }
        if (verb.SequenceEqual("were")) return (singular || me) && !IsSubjunctive(words, i - 1) ? "was" : null;
        if (AfterAuxiliary(words, i - 1)) return null; // "does he have", "will it have", "let it don't"
        if (verb.SequenceEqual("don't")) return singular ? "doesn't" : null;
        if (verb.SequenceEqual("has")) return plural || me ? "have" : null;
        if (verb.SequenceEqual("is")) return plural ? "are" : null;
        if (verb.SequenceEqual("have")) return singular ? "has" : null;
        if (verb.SequenceEqual("are")) return singular ? "is" : me ? "am" : null;
        return null;
    }

    /// <summary>The past tense when a subject is followed by a participle that is never one ("we done it" -> "did"), or null.</summary>
    private string? ParticipleAsPast(TextAnalysis words, int i, ReadOnlySpan<char> subject, ReadOnlySpan<char> word)
    {
        if (_grammar.PastOf(word) is not { } past) return null;
        var subjectAt = i - 1;
        var pronoun = _subjectPronouns.Contains(subject);
        if (!pronoun)
        {
            // "the class done well", "Year 6 done brilliantly": a group of people, and not "the pupils chosen by…" (a passive).
            if (!_groupParticiples.Contains(word) || NextIs(words, i, "by")) return null;
            var group = _groupSubjects.Contains(subject);
            var year = words[i - 1].Has(WordFlags.HasDigit) && i >= 2 && words.Folded(i - 2).SequenceEqual("year");
            if (!group && !year) return null;
            if (year || (i >= 2 && words.SameSentence(i - 2, i - 1) && _determiners.Contains(words.Folded(i - 2)))) subjectAt = i - 2;
            if (subjectAt >= 1 && words.SameSentence(subjectAt - 1, subjectAt) && words.Folded(subjectAt - 1) is "with" or "having" or "get" or "got") return null;
        }
        if (AfterAuxiliary(words, subjectAt)) return null; // "had they known", "have the class done"
        if (!word.SequenceEqual("been")) return past;
        return subject is "he" or "she" || (!pronoun && !subject.EndsWith("s") && !subject.SequenceEqual("children") && !subject.SequenceEqual("staff")) ? "has been" : "have been";
    }

    /// <summary>The participle when a have-form is followed by a past tense that is never one ("should have went" -> "gone"), or null.</summary>
    private string? PastAfterHave(TextAnalysis words, int i, ReadOnlySpan<char> previous, ReadOnlySpan<char> word)
    {
        if (_grammar.ParticipleOf(word) is not { } participle) return null;
        // "whatever talent he might have did not lie there": a have that ends a clause, then the main verb.
        if (i + 1 < words.Count && words.Folded(i + 1) is "not" or "n't") return null;
        if (IsHave(previous)) return participle;
        // "we have already went"
        return _haveAdverbs.Contains(previous) && i >= 2 && words.FollowsDirectly(i - 1) && IsHave(words.Folded(i - 2)) ? participle : null;
    }

    private static bool IsHave(ReadOnlySpan<char> w) =>
        w is "have" or "has" or "had" or "having" or "haven't" or "hasn't" or "hadn't" || w.EndsWith("'ve");

    /// <summary>
    /// "Me and him went", "Him and me", "Her and I" at the start of a sentence, and "Josh and me went": an object pronoun as
    /// (part of) the subject. Reports once and returns true when it did.
    /// </summary>
    private bool CheckObjectPronounSubject(TextAnalysis words, int i, List<Finding> findings)
    {
        var folded = words.Folded(i);
        if (!_objectPronouns.Contains(folded) || i + 2 >= words.Count) goto AndMe;
        if (!StartsSentence(words, i) || !words.Folded(i + 1).SequenceEqual("and") || !words.FollowsDirectly(i + 1) || !words.FollowsDirectly(i + 2)) goto AndMe;
        var second = words.Folded(i + 2);
        var last = i + 2;
        string secondSubject;
        if (_objectPronouns.Contains(second) || second.SequenceEqual("i")) secondSubject = Subjective(second);
        else if (_determiners.Contains(second) && i + 3 < words.Count && words.FollowsDirectly(i + 3) && words[i + 3].Has(WordFlags.LowerCase))
        {
            last = i + 3;
            secondSubject = Span(words, i + 2, i + 3).ToString();
        }
        else if (words[i + 2].Has(WordFlags.Capitalised)) secondSubject = words.Original(i + 2).ToString();
        else goto AndMe;
        var suggestion = folded.SequenceEqual("me")
            ? Capitalise(secondSubject, words[i]) + " and I"
            : Capitalise(Subjective(folded), words[i]) + " and " + (secondSubject == "i" ? "I" : secondSubject);
        Add(findings, words, i, last, $"{Quote(Span(words, i, last))} is the subject, so it should be “{suggestion}”.", suggestion);
        return true;

    AndMe:
        // "Josh and me went", "My friend and me played": "me" in a subject that starts the sentence.
        if (!folded.SequenceEqual("me") || i < 2 || i + 1 >= words.Count || !words.Folded(i - 1).SequenceEqual("and")
            || !words.FollowsDirectly(i) || !words.FollowsDirectly(i + 1) || !IsFiniteVerb(words, i + 1)) return false;
        var starts = StartsSentence(words, i - 2)
            || (i >= 3 && StartsSentence(words, i - 3) && _determiners.Contains(words.Folded(i - 3)) && words.FollowsDirectly(i - 2));
        if (!starts) return false;
        Add(findings, words, i, i, $"{Quote(words.Original(i))} is part of the subject here, so it should be “I”.", "I");
        return true;
    }

    private bool IsFiniteVerb(TextAnalysis words, int k)
    {
        if (!words[k].Has(WordFlags.LowerCase)) return false;
        var w = words.Folded(k);
        return _finiteVerbs.Contains(w) || _grammar.ParticipleOf(w) is not null || (w.Length > 4 && w.EndsWith("ed"));
    }

    private static string Subjective(ReadOnlySpan<char> objectPronoun) => objectPronoun switch
    {
        "me" or "i" => "I",
        "him" => "he",
        "her" => "she",
        "them" => "they",
        "us" => "we",
        _ => objectPronoun.ToString(),
    };

    /// <summary>
    /// there/their/they're, your/you're and its/it's confused: the first word of the span, the right word and why, or null.
    /// </summary>
    private (int First, string Right, string Why)? Confusion(TextAnalysis words, int i, ReadOnlySpan<char> previous, ReadOnlySpan<char> folded)
    {
        var lower = words[i].Has(WordFlags.LowerCase);
        if (previous is not ("their" or "there" or "they're" or "your" or "you're" or "its" or "it's") && !_possessivePrepositions.Contains(previous)) return null;
        var hyphenNext = i + 1 < words.Count && words[i + 1].Has(WordFlags.AfterHyphen);
        if (lower && folded.SequenceEqual("own"))
        {
            if (previous is "there" or "they're") return (i - 1, "their", "belonging to them");
            if (previous.SequenceEqual("it's")) return (i - 1, "its", "belonging to it");
            if (previous.SequenceEqual("you're")) return (i - 1, "your", "belonging to you");
        }
        // "their going to", "your not", "its so": a possessive cannot come before a verb or an adverb, unless the possessive
        // itself follows a preposition and the -ing word is a noun ("to its going out of business").
        var gerund = i >= 2 && previous is "their" or "your" or "its" && words.SameSentence(i - 2, i - 1) && _possessivePrepositions.Contains(words.Folded(i - 2));
        if (lower && !hyphenNext && !gerund && previous is "their" or "your" && _predicateAdverbs.Contains(folded) && EndsSentenceAfterNext(words, i))
        {
            if (previous.SequenceEqual("their")) return (i - 1, "they're", "they are");
            if (previous.SequenceEqual("your")) return (i - 1, "you're", "you are");
        }
        if (lower && !hyphenNext && !gerund)
        {
            var going = folded is "going" or "coming";
            var goingOn = !going || (i + 1 < words.Count && words.FollowsDirectly(i + 1) && _goingFollowers.Contains(words.Folded(i + 1)));
            if (previous.SequenceEqual("their") && _theyAreFollowers.Contains(folded) && goingOn) return (i - 1, "they're", "they are");
            if (previous.SequenceEqual("there") && going && NextIs(words, i, "to"))
            {
                return i + 2 < words.Count && words.Folded(i + 2).SequenceEqual("be") ? (i - 1, "there's", "there is") : (i - 1, "they're", "they are");
            }
            if (previous.SequenceEqual("your") && _youAreFollowers.Contains(folded) && goingOn
                && (!folded.SequenceEqual("welcome") || WelcomeEndsPhrase(words, i))) return (i - 1, "you're", "you are");
            if (previous.SequenceEqual("its") && _itsFollowers.Contains(folded)) return (i - 1, "it's", "it is");
        }
        // "for there support", "of it's pupils", "to you're teacher": after a preposition comes the possessive.
        if (!_possessivePrepositions.Contains(previous) || !words[i - 1].Has(WordFlags.LowerCase)) return null;
        // "for it's getting dark": "for" meaning "because", then a clause.
        if (previous.SequenceEqual("for") && i + 1 < words.Count && words.FollowsDirectly(i + 1)
            && (_contractionContinuers.Contains(words.Folded(i + 1)) || words.Folded(i + 1).EndsWith("ing") || words.Folded(i + 1).EndsWith("ed"))) return null;
        if (folded.SequenceEqual("they're")) return (i, "their", "belonging to them");
        if (folded.SequenceEqual("you're")) return (i, "your", "belonging to you");
        if (folded.SequenceEqual("it's")) return (i, "its", "belonging to it");
        if (!folded.SequenceEqual("there") || !lower || i + 1 >= words.Count || !words.FollowsDirectly(i + 1)) return null;
        var next = words[i + 1];
        var nextWord = words.Folded(i + 1);
        if (!next.Has(WordFlags.LowerCase) || next.Has(WordFlags.HasDigit) || _thereFollowers.Contains(nextWord) || nextWord.EndsWith("ly")) return null;
        if (previous.SequenceEqual("of") && i >= 2 && _placeBeforeOf.Contains(words.Folded(i - 2))) return null; // "out of there"
        return (i, "their", "belonging to them");
    }

    /// <summary>"your welcome" means "you're welcome" when the phrase ends there or goes on "to …" (not "your welcome pack").</summary>
    private bool WelcomeEndsPhrase(TextAnalysis words, int i) =>
        i + 1 >= words.Count || !words.FollowsDirectly(i + 1) || _welcomeContinuers.Contains(words.Folded(i + 1));

    /// <summary>True when the sentence ends with the word after <paramref name="i"/> ("your really kind.").</summary>
    private static bool EndsSentenceAfterNext(TextAnalysis words, int i) =>
        i + 1 < words.Count && words.FollowsDirectly(i + 1) && words[i + 1].Has(WordFlags.LowerCase)
        && (i + 2 >= words.Count || !words.SameSentence(i + 1, i + 2));

    private static bool NextIs(TextAnalysis words, int i, string word) =>
        i + 1 < words.Count && words.FollowsDirectly(i + 1) && words.Folded(i + 1).SequenceEqual(word);

    private static bool StartsSentence(TextAnalysis words, int k) =>
        k == 0 || words[k].Has(WordFlags.SentenceStart) || words[k].Has(WordFlags.LineStart);

    /// <summary>True when the word at <paramref name="k"/> opens a clause (sentence start, or after "and", "because"…).</summary>
    private bool StartsClause(TextAnalysis words, int k) =>
        StartsSentence(words, k) || (words.SameSentence(k - 1, k) && _clauseOpeners.Contains(words.Folded(k - 1)));

    /// <summary>"if he were", "as it were", "I wish she were": the subjunctive, within three words before the subject.</summary>
    private bool IsSubjunctive(TextAnalysis words, int subject)
    {
        for (var k = subject - 1; k >= 0 && k >= subject - 3 && words.SameSentence(k, subject); k--)
        {
            if (_subjunctiveLeaders.Contains(words.Folded(k))) return true;
        }
        return false;
    }

    /// <summary>True when an auxiliary comes just before the subject at <paramref name="subject"/> (a question or inversion).</summary>
    private bool AfterAuxiliary(TextAnalysis words, int subject) =>
        subject >= 1 && words.SameSentence(subject - 1, subject) && _auxiliaries.Contains(words.Folded(subject - 1));

    private void CheckSentenceCapital(TextAnalysis words, int i, List<Finding> findings)
    {
        var token = words[i];
        if (!token.Has(WordFlags.SentenceStart) || token.Has(WordFlags.AfterEntity) || !token.Has(WordFlags.HasLetter)) return;
        var original = words.Original(i);
        if (!char.IsLetter(original[0]) || !char.IsLower(original[0]) || token.Has(WordFlags.InnerCapital)) return;
        if (original.SequenceEqual("i") || original.StartsWith("i'")) return; // reported as a lower-case "i"
        var following = words.GapBefore(i + 1);
        if (following.Length > 0 && following[0] is '/' or '.' && token.FoldedLength <= 2) return; // "w/c", "e.g."
        // Text that opens mid-thought ("...and then") or inside quotes is left alone.
        var gap = words.GapBefore(i);
        if (gap.IndexOfAny("\"“‘'(…") >= 0 || (i == 0 && gap.Length > 0 && gap.Trim().Length > 0)) return;
        if (i > 0 && AfterAbbreviation(words, i, gap)) return;
        var fixedWord = char.ToUpperInvariant(original[0]) + original[1..].ToString();
        Add(findings, words, i, i, $"{Quote(original)} starts a sentence, so it needs a capital letter: “{fixedWord}”.", fixedWord);
    }

    /// <summary>
    /// A full stop that closes an abbreviation, not a sentence: ".," or ".)" after it ("Hyannis Port, Mass., a"), a short
    /// capitalised word ("Corp. to", "Gen. and") or a listed lower-case one ("1 cm. in diameter").
    /// </summary>
    private bool AfterAbbreviation(TextAnalysis words, int i, ReadOnlySpan<char> gap)
    {
        var stop = gap.IndexOf('.');
        if (stop != 0) return false;
        if (gap[(stop + 1)..].IndexOfAny(",;:)]") >= 0) return true;
        var previous = words[i - 1];
        if (previous.Has(WordFlags.Capitalised) && !previous.Has(WordFlags.AllCaps) && previous.FoldedLength <= 5) return true;
        // "40 mg. daily", "24-in. and": a unit after a number.
        if (previous.Has(WordFlags.LowerCase) && previous.FoldedLength <= 3 && i >= 2 && words[i - 2].Has(WordFlags.HasDigit)) return true;
        return _abbreviations.Contains(words.Folded(i - 1));
    }

    private bool IsLowerCaseI(TextAnalysis words, int i)
    {
        var original = words.Original(i);
        if (original.Length == 0 || original[0] != 'i') return false;
        var contraction = original is "i'm" or "i've" or "i'll" or "i'd" or "i’m" or "i’ve" or "i’ll" or "i’d";
        if (!contraction && !original.SequenceEqual("i")) return false;
        if (contraction) return true;
        // A lone "i" between words, not a list item "(i)", a letter ("the letter i") or "i.e.".
        var after = words.GapBefore(i + 1);
        if (i + 1 >= words.Count || after.Length == 0 || after[0] != ' ' || !words.SameSentence(i, i + 1)) return false;
        var before = words.GapBefore(i);
        if (before.IndexOfAny("('\"‘“") >= 0) return false;
        if (i > 0 && (words[i - 1].FoldedLength == 1 || _letterNamers.Contains(words.Folded(i - 1)) || words.Folded(i - 1).SequenceEqual("letter"))) return false;
        return words[i + 1].Has(WordFlags.HasLetter) && words[i + 1].FoldedLength > 1;
    }

    /// <summary>"a apple" -> "an", "an banana" -> "a", only for ordinary lower-case words whose first letter decides the sound.</summary>
    private string? WrongArticle(TextAnalysis words, int i)
    {
        var article = words.Original(i - 1);
        if (article is not ("a" or "A" or "an" or "An")) return null;
        // A capital "A" mid-sentence is a letter ("piece A are"), not the article.
        if (char.IsUpper(article[0]) && !words[i - 1].Has(WordFlags.SentenceStart)) return null;
        var next = words[i];
        if (!next.Has(WordFlags.LowerCase) || next.Has(WordFlags.HasDigit) || next.FoldedLength < 3 || next.Has(WordFlags.HasApostrophe)) return null;
        if (i + 1 < words.Count && words[i + 1].Has(WordFlags.AfterHyphen)) return null;
        if (i >= 2 && (_letterNamers.Contains(words.Folded(i - 2)) || words[i - 2].FoldedLength == 1)) return null;
        if (words.GapBefore(i - 1).IndexOfAny("'\"‘“(") >= 0) return null;
        var word = words.Folded(i);
        if (word is "and" or "or" or "to") return null;
        var vowel = word[0] is 'a' or 'e' or 'i' or 'o';
        if (article.Length == 1 && vowel && !StartsWithAny(word, _consonantSoundVowels))
        {
            return article[0] == 'A' ? "An" : "an";
        }
        // "an historic", "an hotel": older British usage, so any h-word after "an" is left alone.
        if (article.Length == 2 && !vowel && word[0] is not ('u' or 'h'))
        {
            return article[0] == 'A' ? "A" : "a";
        }
        return null;
    }

    private static bool StartsWithAny(ReadOnlySpan<char> word, WordSet starts)
    {
        if (starts.Contains(word)) return true;
        foreach (var s in starts.Words)
        {
            if (word.StartsWith(s, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>The text must end with . ! ? or … once trailing hashtags, links, mentions, emoji and spaces are set aside.</summary>
    private void CheckEnding(string text, TextAnalysis words, List<Finding> findings)
    {
        if (words.Count == 0) return;
        var end = text.Length;
        var skippedSomething = false;
        while (end > 0)
        {
            var c = text[end - 1];
            var entityStart = EntityStartCovering(words, end - 1);
            if (entityStart >= 0)
            {
                // A mention ending the sentence ("Thanks to @FireService") needs the full stop after it.
                if (text[entityStart] is '@' or '＠' && !IsAfterSentenceEnd(words, text, entityStart))
                {
                    var mention = text[entityStart..end];
                    findings.Add(new Finding(Id, Severity.Block,
                        $"The last sentence needs a full stop (or ! or ?): write “{mention}.”.", entityStart, end - entityStart, mention + "."));
                    return;
                }
                // A link that is the object of the last sentence ("More photos at stmarys.sch.uk/news") completes it:
                // a full stop after a link is often read as part of it.
                if (text[entityStart] is not ('#' or '＃' or '$') && IntroducesLink(text, entityStart)) return;
                end = entityStart;
                skippedSomething = true;
                continue;
            }
            if (char.IsWhiteSpace(c) || TextFolding.IsInvisible(c) || char.IsSurrogate(c) || char.IsSymbol(c)
                || c is '\u200D' or '\uFE0F' or '\u20E3')
            {
                end--;
                continue;
            }
            break;
        }
        if (end == 0 || EndsWithAList(text, end)) return;
        var last = end - 1;
        // Closing quotes and brackets may follow the full stop: ."  .)  !”
        while (last > 0 && text[last] is '"' or '”' or '’' or '\'' or ')' or ']') last--;
        var mark = text[last];
        if (mark is '.' or '!' or '?' or '…' or '！' or '？') return;
        if (mark == ':' && skippedSomething) return; // "Read more here: https://…"

        var lastWord = words.Count - 1;
        while (lastWord > 0 && words[lastWord].Start >= end) lastWord--;
        if (words[lastWord].Start >= end) return;
        var written = words.Original(lastWord).ToString();
        findings.Add(new Finding(Id, Severity.Block,
            $"The last sentence needs a full stop (or ! or ?): write “{written}.”.",
            words[lastWord].Start, words[lastWord].Length, written + "."));
    }

    /// <summary>True when the word just before <paramref name="linkStart"/> makes the link the sentence's object ("see …", "at …").</summary>
    private bool IntroducesLink(string text, int linkStart)
    {
        var end = linkStart;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        var start = end;
        while (start > 0 && char.IsLetter(text[start - 1])) start--;
        if (end == start || end - start > 16) return false;
        Span<char> lower = stackalloc char[end - start];
        text.AsSpan(start, end - start).ToLowerInvariant(lower);
        return _linkIntroducers.Contains(lower);
    }

    /// <summary>True when only spaces (and other trailing entities) lie between an earlier . ! ? and <paramref name="position"/>.</summary>
    private static bool IsAfterSentenceEnd(TextAnalysis words, string text, int position)
    {
        var k = position - 1;
        while (k >= 0)
        {
            if (char.IsWhiteSpace(text[k]) || char.IsSurrogate(text[k]) || char.IsSymbol(text[k])) { k--; continue; }
            var entity = EntityStartCovering(words, k);
            if (entity < 0) break;
            k = entity - 1;
        }
        return k < 0 || text[k] is '.' or '!' or '?' or '…' or ':';
    }

    /// <summary>A list after a line ending in a colon ("Dates for your diary:" then one line per date) needs no full stop on its last item.</summary>
    private static bool EndsWithAList(string text, int end)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, end - 1));
        if (lineStart < 0) return false;
        var lastLine = text.AsSpan(lineStart + 1, end - lineStart - 1).TrimStart();
        if (lastLine.Length > 0 && (lastLine[0] is '-' or '•' or '*' or '–' or '·' or '▪' or '✅' || char.IsSurrogate(lastLine[0]) || char.IsDigit(lastLine[0]))) return true;
        var before = text.AsSpan(0, lineStart);
        return before.IndexOf(":\n", StringComparison.Ordinal) >= 0 || before.IndexOf(":\r\n", StringComparison.Ordinal) >= 0;
    }

    private static int EntityStartCovering(TextAnalysis words, int position)
    {
        foreach (var (start, end) in words.EntitySpans)
        {
            if (position >= start && position < end) return start;
        }
        return -1;
    }

    private static string Capitalise(string word, WordToken like) =>
        like.Has(WordFlags.Capitalised) ? char.ToUpperInvariant(word[0]) + word[1..] : word;

    private void Add(List<Finding> findings, TextAnalysis words, int first, int last, string message, string? suggestion) =>
        findings.Add(new Finding(Id, Severity.Block, message, words[first].Start, words[last].End - words[first].Start, suggestion));
}
