using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Roster;
using SchoolTwitter.Core.Text;
using static SchoolTwitter.Core.CodeOfConduct.Rules.LanguageRuleSupport;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>How a name in a draft reads.</summary>
internal enum NameReading
{
    /// <summary>A child's name: it reads as a person's name and nothing says it is an adult, a character or a thing.</summary>
    Child,
    /// <summary>Perhaps a child's name (a name-word such as Grace or Hope, or an unknown proper noun where a name would go).</summary>
    Unclear,
}

/// <summary>A name found in a draft: words <see cref="First"/>..<see cref="Last"/>, and the roster pupil it belongs to, if any.</summary>
internal readonly record struct NameMention(int First, int Last, NameReading Reading, Pupil? Pupil);

/// <summary>
/// Answers "does this draft name a child?" whatever the sentence does. A word is a candidate name when it is a roster pupil's
/// first name or surname, a given name, a name-word (Grace, Jack, Summer) or, capitalised, a word no list knows. The sentence then
/// says whose it is: evidence of an adult (a title, a post-nominal, the staff list, an adult's role), of a character or
/// well-known person (well-known-names.txt, "learning about …"), of a thing (Willow Class, Summer Fair, a pet, a place, a date)
/// clears it; where a person would go (an opener such as "Well done", a possessive, "Isla, you…", an initial, a surname,
/// "Jack scored") a name-word reads as a name.
/// </summary>
/// <remarks>Allocation-free apart from the mentions list: every lookup answers for spans (see <see cref="PhraseSet"/>).</remarks>
internal sealed class ChildNames(LanguageLexicons language, NameLexicons names)
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<LexiconSet, ChildNames> Cache = new();

    /// <summary>The reader for <paramref name="lists"/>, shared by the rules, so a draft's names are read once (<see cref="DraftContext.NameMentions"/>).</summary>
    public static ChildNames For(LexiconSet lists) => Cache.GetValue(lists, static l => new ChildNames(l.Language, l.Names));

    private enum Kind : byte { None, Given, Everyday, Calendar, Unknown }

    /// <summary>How strongly the sentence puts a person in the name's place.</summary>
    private enum Slot : byte { None, Weak, Medium, Strong, Opener }

    private const int MaxRunWords = 4;

    /// <summary>The names in <paramref name="words"/> (the draft's text or an image's alt text), read with the draft's roster and staff list.</summary>
    public void Find(TextAnalysis words, DraftContext draft, List<NameMention> found)
    {
        var count = words.Count;
        if (count == 0) return;
        var rosterNames = draft.RosterNames;
        var surnames = PeopleNames.Of(draft.Roster);
        var adults = PeopleNames.Of(draft.Staff);
        Span<bool> cleared = count <= 256 ? stackalloc bool[count] : new bool[count];
        ClearWellKnown(words, rosterNames, cleared);

        var lastChildEnd = -2;
        for (var i = 0; i < count; i++)
        {
            if (cleared[i]) continue;
            var token = words[i];
            if (!token.Has(WordFlags.HasLetter) || token.Has(WordFlags.HasDigit) || token.FoldedLength < 2) continue;
            var name = WithoutPossessive(words.Folded(i));
            if (name.Length < 2) continue;

            var pupils = rosterNames.PupilsNamed(name) ?? surnames.PupilsWithSurname(name);
            var kind = KindOf(name, token);
            if (pupils is null && kind == Kind.None) continue;
            var ordinary = language.IsLowerCaseWord(name) || language.IsEverydayNameWord(name);

            var capitalised = token.Has(WordFlags.Capitalised);
            // "King Charles", "Saint Helen": a title-word before a capitalised name is the title, not a name.
            if (capitalised && names.Titles.Contains(name) && i + 1 < count && words[i + 1].Has(WordFlags.Capitalised) && words.FollowsDirectly(i + 1)) continue;
            if (token.Has(WordFlags.AllCaps) && (language.IsAcronym(name) || (kind != Kind.Given && pupils is null))) continue;
            if (!capitalised)
            {
                if (LowerCaseReading(words, i, name, pupils, kind, ordinary) is { } lower)
                {
                    found.Add(new NameMention(i, i, lower, pupils?[0]));
                    if (lower == NameReading.Child) lastChildEnd = i;
                }
                continue;
            }

            var last = RunEnd(words, i, out var initial);
            var slot = SlotOf(words, i, last, initial, pupils is not null, out var thanks);
            if (IsNextInList(words, i, lastChildEnd) && slot < Slot.Strong) slot = Slot.Strong;
            if (IsNotAChild(words, i, last, slot, thanks, kind, pupils is not null, rosterNames, surnames, adults))
            {
                // "Summer Fair", "Town Hall": the words that made it a thing are no names either.
                var end = last + (last + 1 < words.Count ? names.After.LengthStartingAt(words, last + 1) : 0);
                for (var k = i; k <= end; k++) cleared[k] = true;
                i = last;
                continue;
            }

            var reading = Reading(words, i, last, kind, pupils is not null && ordinary, pupils is not null, slot, thanks);
            if (reading is { } r)
            {
                found.Add(new NameMention(i, last, r, pupils?[0] ?? PupilOfRun(words, i, last, rosterNames, surnames)));
                if (r == NameReading.Child) lastChildEnd = last;
            }
            i = last;
        }
    }

    private Kind KindOf(ReadOnlySpan<char> name, WordToken token)
    {
        // A two-letter given name (Al, Ed, Jo, De, La) is as often an abbreviation or a foreign word: a name only where the sentence says so.
        if (language.IsGivenName(name)) return name.Length == 2 ? Kind.Everyday : Kind.Given;
        if (language.IsEverydayNameWord(name)) return names.Calendar.Contains(name) ? Kind.Calendar : Kind.Everyday;
        if (!token.Has(WordFlags.Capitalised) || name.Length < 3 || token.Has(WordFlags.NonLatin) || names.Calendar.Contains(name)) return Kind.None;
        return language.IsDictionaryWord(name) || language.IsGlossaryWord(name) || language.IsAcronym(name) ? Kind.None : Kind.Unknown;
    }

    /// <summary>Marks the words of well-known names and titles ("Roald Dahl", "Jack and the Beanstalk"): no pupil there.</summary>
    private void ClearWellKnown(TextAnalysis words, RosterNames roster, Span<bool> cleared)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (!words[i].Has(WordFlags.Capitalised)) continue;
            var length = names.WellKnown.LengthStartingAt(words, i);
            if (length == 0) continue;
            if (length == 1)
            {
                // "Matilda" is a title only where the sentence says so ("We read Matilda", "Matilda by Roald Dahl").
                var word = WithoutPossessive(words.Folded(i));
                var alsoAName = language.IsGivenName(word) || language.IsEverydayNameWord(word) || roster.PupilsNamed(word) is not null;
                if (alsoAName && !IsStoryContext(words, i)) continue;
            }
            for (var k = i; k < i + length; k++) cleared[k] = true;
            i += length - 1;
        }
    }

    private bool IsStoryContext(TextAnalysis words, int i)
    {
        if (i > 0 && words.SameSentence(i - 1, i) && (names.StoryLeaders.LengthEndingAt(words, i - 1) > 0 || names.FamousLeaders.LengthEndingAt(words, i - 1) > 0)) return true;
        return i + 2 < words.Count && words.SameSentence(i, i + 2) && words.Folded(i + 1).SequenceEqual("by") && words[i + 2].Has(WordFlags.Capitalised);
    }

    /// <summary>The last word of the name that starts at <paramref name="i"/>: following capitalised words (surnames) and an initial ("Maya K.").</summary>
    private int RunEnd(TextAnalysis words, int i, out bool initial)
    {
        initial = false;
        var last = i;
        while (last + 1 < words.Count && last - i < MaxRunWords - 1 && !IsPossessive(words, last))
        {
            var next = words[last + 1];
            if (!next.Has(WordFlags.Capitalised) || next.Has(WordFlags.HasDigit) || !words.SameSentence(last, last + 1)) break;
            if (!words.FollowsDirectly(last + 1) && !next.Has(WordFlags.AfterHyphen)) break;
            var folded = words.Folded(last + 1);
            if (folded.Length == 1)
            {
                // "Maya K." — an initial has its full stop ("Little Rock I believe" has none).
                initial = last + 2 > words.Count || words.GapBefore(last + 2).StartsWith('.');
                if (initial) last++;
                break;
            }
            if (next.Has(WordFlags.AllCaps) && names.PostNominals.Contains(folded)) break;
            if (names.After.LengthStartingAt(words, last + 1) > 0 || names.Titles.Contains(folded) || names.Calendar.Contains(folded)) break;
            last++;
        }
        return last;
    }

    /// <summary>Where the sentence puts a person: an opener, "Isla, you…", a possessive, an initial, a surname, "Jack scored".</summary>
    private Slot SlotOf(TextAnalysis words, int first, int last, bool initial, bool onRoster, out bool thanks)
    {
        thanks = false;
        if (OpenerBefore(words, first, names.Openers)) return Slot.Opener;
        thanks = OpenerBefore(words, first, names.Thanks);
        if (thanks && (last == first || IsSurnameRun(words, first, last))) return Slot.Strong;
        if (initial || IsVocative(words, first, last)) return Slot.Strong;
        if (IsPossessive(words, last) && last + 1 < words.Count && words.SameSentence(last, last + 1) && words[last + 1].Has(WordFlags.LowerCase)) return Slot.Strong;
        var subject = SubjectSlot(words, last, onRoster);
        if (subject == Slot.Strong) return Slot.Strong;
        if (last > first)
        {
            // "Isla Nowak" is a person; "Royal Mail", "Red Watch" (capitalised ordinary words) are things with names.
            if (IsSurnameRun(words, first, last)) return Slot.Strong;
            return thanks ? Slot.Weak : subject;
        }
        // "reading from Grace in assembly", not "for Christian unity" (a lower-case word after it makes the name-word an adjective).
        if (first > 0 && words.SameSentence(first - 1, first) && names.ObjectLeaders.Contains(words.Folded(first - 1)) && EndsPhrase(words, last)) return Slot.Medium;
        return subject;
    }

    /// <summary>An opener before word <paramref name="first"/> in the same clause, with fillers between ("Well done to our amazing Oliver").</summary>
    /// <remarks>With <paramref name="strict"/>, only "to" and "our" may come between ("proud of the patience" is no name).</remarks>
    private bool OpenerBefore(TextAnalysis words, int first, PhraseSet openers, bool strict = false)
    {
        var end = first - 1;
        for (var skipped = 0; end >= 0 && skipped < 4 && words.SameSentence(end, first); skipped++)
        {
            var length = openers.LengthEndingAt(words, end);
            if (length > 0) return SameClause(words, end - length + 1, first);
            var filler = strict ? words.Folded(end) is "to" or "our" : names.Fillers.Contains(words.Folded(end)) || words[end].Has(WordFlags.HasDigit);
            if (!filler) return false;
            end--;
        }
        return false;
    }

    private static bool SameClause(TextAnalysis words, int from, int to)
    {
        for (var k = from + 1; k <= to; k++)
        {
            if (words[k].Has(WordFlags.SentenceStart) || words[k].Has(WordFlags.LineStart) || words[k].Has(WordFlags.AfterEntity)) return false;
            if (words.GapBefore(k).IndexOfAny(".;?!") >= 0) return false;
        }
        return true;
    }

    /// <summary>True when the sentence ends after word <paramref name="last"/>, punctuation follows, or a small word ("in", "for", "on").</summary>
    private bool EndsPhrase(TextAnalysis words, int last)
    {
        var next = last + 1;
        if (next >= words.Count || !words.SameSentence(last, next) || words.GapBefore(next).IndexOfAny(",;:!.?)") >= 0) return true;
        return !words[next].Has(WordFlags.LowerCase) || names.Next.Contains(words.Folded(next)) || names.Fillers.Contains(words.Folded(next));
    }

    /// <summary>"Sophia, you were a star today!" and "Great effort today, Isla!".</summary>
    private bool IsVocative(TextAnalysis words, int first, int last)
    {
        var atStart = words[first].Has(WordFlags.SentenceStart) || words[first].Has(WordFlags.LineStart) || words.GapBefore(first).IndexOf(',') >= 0;
        var next = last + 1;
        if (next >= words.Count || !words.SameSentence(last, next))
        {
            // One name closes the sentence after a comma (not a quoted title: "a 1928 failure, "Treasure Girl".").
            return first == last && first > 0 && words.GapBefore(first).IndexOf(',') >= 0 && words.GapBefore(next).IndexOfAny("\"“”'") < 0;
        }
        return atStart && words.GapBefore(next).IndexOf(',') >= 0 && names.Vocative.Contains(words.Folded(next));
    }

    /// <summary>"Jack scored", "Isla was so kind", "Jack and Lily were brilliant": the name is the subject of something people do or are.</summary>
    private Slot SubjectSlot(TextAnalysis words, int last, bool onRoster)
    {
        var k = last + 1;
        // Skip the rest of a list of names ("Jack, Lily and Kai were…").
        while (k + 1 < words.Count && words.SameSentence(k - 1, k + 1) && words.Folded(k) is "and" or "&" && words[k + 1].Has(WordFlags.Capitalised)) k += 2;
        if (k >= words.Count || !words.SameSentence(last, k)) return Slot.None;
        if (names.Verbs.LengthStartingAt(words, k) > 0) return Slot.Strong;
        if (!names.Be.Contains(words.Folded(k))) return Slot.None;
        var praise = false;
        for (var m = k + 1; m < words.Count && m <= k + 8 && words.SameSentence(k, m); m++)
        {
            if (m <= k + 4 && names.PersonWords.Contains(words.Folded(m))) return Slot.Strong;
            praise |= names.Praise.Contains(words.Folded(m));
        }
        return praise ? onRoster ? Slot.Strong : Slot.Weak : Slot.None;
    }

    /// <summary>A first name and a surname that is no ordinary word ("Isla Nowak"), so a person's full name.</summary>
    private bool IsSurnameRun(TextAnalysis words, int first, int last)
    {
        for (var k = first + 1; k <= last; k++)
        {
            var word = WithoutPossessive(words.Folded(k));
            if (word.Length == 1) continue;
            if (language.IsLowerCaseWord(word) && !language.IsGivenName(word)) return false;
            if (language.IsProperNounOnly(word) && !language.IsGivenName(word) && !language.IsEverydayNameWord(word)) return false;
        }
        return true;
    }

    /// <summary>"Congratulations to Isla, Jack and Noah": the word after a child's name in a list is another child's.</summary>
    private static bool IsNextInList(TextAnalysis words, int i, int lastChildEnd)
    {
        if (lastChildEnd < 0 || !words.SameSentence(lastChildEnd, i)) return false;
        if (lastChildEnd == i - 1) return words.GapBefore(i).IndexOfAny(",&") >= 0;
        return lastChildEnd == i - 2 && words.Folded(i - 1) is "and" or "&";
    }

    private bool IsNotAChild(TextAnalysis words, int first, int last, Slot slot, bool thanks, Kind kind, bool onRoster,
        RosterNames roster, PeopleNames surnames, PeopleNames adults)
    {
        // Evidence before the name must be next to it: "Bunny, Luther" is a list, not a pet called Luther.
        var previous = first > 0 && words.SameSentence(first - 1, first) && (words.FollowsDirectly(first) || words[first].Has(WordFlags.AfterHyphen)) ? first - 1 : -1;
        var next = last + 1 < words.Count && words.SameSentence(last, last + 1) ? last + 1 : -1;
        var possessive = IsPossessive(words, last);

        // A title in quotation marks ("La Dolce Vita"), a word of a compound ("pro-Yankee", "New York-born", "Anglo-Saxon"),
        // a name after an article ("the Mayor's plan", "the North won"): no child's name.
        if (IsQuoted(words, first, last) || IsCompound(words, first, last)) return true;
        if (first > 0 && words.SameSentence(first - 1, first) && words.Folded(first - 1) is "the" or "a" or "an") return true;

        // An adult: "Mrs Walsh", "author Joe Bloggs", "Josh Smith MP", the staff list, "Thank you to Sarah and the PTA".
        if (previous >= 0 && (names.Titles.LengthEndingAt(words, previous) > 0 || names.Roles.LengthEndingAt(words, previous) > 0)) return true;
        if (next >= 0 && words[next].Has(WordFlags.Capitalised) && names.PostNominals.Contains(words.Folded(next))) return true;
        if (IsStaff(words, first, last, roster, surnames, adults)) return true;
        if (thanks && RoleNearby(words, last)) return true;

        // A well-known person: "learning about Grace Darling" (any full name there), "inspired by Frida Kahlo".
        if (previous >= 0 && names.FamousLeaders.LengthEndingAt(words, previous) > 0 && last > first) return true;

        // A thing: "Willow Class", "Summer Fair", "Class Rowan", a pet, a place, a date, a question.
        if (next >= 0 && !possessive && words.FollowsDirectly(next) && names.After.LengthStartingAt(words, next) > 0) return true;
        if (previous >= 0 && words[previous].Has(WordFlags.Capitalised) && names.After.LengthStartingAt(words, first) > 0) return true; // Christmas Fayre
        if (previous >= 0 && names.Before.Contains(words.Folded(previous)) && words[previous].Has(WordFlags.Capitalised)) return true;
        if (IsPet(words, previous, last)) return true;
        if (slot == Slot.Opener) return false;
        if (first == last && kind != Kind.Given && names.Titles.Contains(WithoutPossessive(words.Folded(first)))) return true; // "that for Mayor"
        if (previous >= 0 && !possessive && IsPlace(words, previous)) return true;
        if (kind is Kind.Everyday or Kind.Calendar || (onRoster && kind != Kind.Given) || language.IsLowerCaseWord(WithoutPossessive(words.Folded(first))))
        {
            if ((kind == Kind.Calendar && IsDate(words, previous, next)) || IsModal(words, first, next)) return true;
            if (slot < Slot.Strong && IsWordInList(words, first, last, next)) return true;
        }
        return false;
    }

    private static bool IsQuoted(TextAnalysis words, int first, int last)
    {
        var before = words.GapBefore(first).TrimEnd();
        var after = words.GapBefore(last + 1).TrimStart();
        return before.Length > 0 && before[^1] is '"' or '“' or '‘' && after.Length > 0 && after[0] is '"' or '”' or '’';
    }

    private bool IsCompound(TextAnalysis words, int first, int last)
    {
        if (words[first].Has(WordFlags.AfterHyphen) && first > 0)
        {
            var previous = WithoutPossessive(words.Folded(first - 1));
            if (!language.IsGivenName(previous) && !language.IsEverydayNameWord(previous)) return true;
        }
        return last + 1 < words.Count && words[last + 1].Has(WordFlags.AfterHyphen) && words[last + 1].Has(WordFlags.LowerCase);
    }

    private static bool IsStaff(TextAnalysis words, int first, int last, RosterNames roster, PeopleNames surnames, PeopleNames adults)
    {
        if (adults.IsStaffFullName(words, first, last)) return true;
        if (first != last) return false;
        var word = WithoutPossessive(words.Folded(first));
        // A first name or surname that only an adult has: a pupil with the same name makes it unclear, not an adult.
        return (adults.IsStaffFirstName(word) && roster.PupilsNamed(word) is null)
            || (adults.IsStaffSurname(word) && surnames.PupilsWithSurname(word) is null);
    }

    /// <summary>"Thank you to Sarah and the PTA", "Thanks to Dave, our caretaker": an adult's role just after the name.</summary>
    private bool RoleNearby(TextAnalysis words, int last)
    {
        for (var k = last + 1; k < words.Count && k <= last + 6 && words.SameSentence(last, k); k++)
        {
            if (names.Roles.LengthStartingAt(words, k) > 0) return true;
        }
        return false;
    }

    /// <summary>"our school dog Bramble", "Biscuit the school tortoise", "Nibbles, our class hamster".</summary>
    private bool IsPet(TextAnalysis words, int previous, int last)
    {
        if (previous >= 0 && names.Pets.LengthEndingAt(words, previous) > 0) return true;
        var k = last + 1;
        if (k < words.Count && words.SameSentence(last, k) && words.Folded(k) is "the" or "our") k++;
        if (k < words.Count && words.Folded(k) is "school" or "class") k++;
        return k > last + 1 && k < words.Count && words.SameSentence(last, k) && names.Pets.LengthStartingAt(words, k) > 0;
    }

    /// <summary>"visited Lincoln", "in Chester", "our trip to Chester".</summary>
    private bool IsPlace(TextAnalysis words, int previous)
    {
        if (names.Places.Contains(words.Folded(previous))) return true;
        if (!words.Folded(previous).SequenceEqual("to") || previous == 0 || !words.SameSentence(previous - 1, previous)) return false;
        return names.Motion.LengthEndingAt(words, previous - 1) > 0;
    }

    /// <summary>"in May", "12th May", "May 2026", "end of June".</summary>
    private bool IsDate(TextAnalysis words, int previous, int next) =>
        (previous >= 0 && (words[previous].Has(WordFlags.HasDigit) || names.DateLeaders.LengthEndingAt(words, previous) > 0))
        || (next >= 0 && words[next].Has(WordFlags.HasDigit));

    /// <summary>"Will you join us?", "Hope everyone enjoyed…", "Mark your calendars": a verb opening the sentence.</summary>
    private bool IsModal(TextAnalysis words, int first, int next) =>
        next >= 0 && (words[first].Has(WordFlags.SentenceStart) || words[first].Has(WordFlags.LineStart)) && words.FollowsDirectly(next)
        && names.ModalFollowers.Contains(words.Folded(next));

    /// <summary>"Grace, hope and kindness", "Holly and ivy", "Respect, Kindness and Hope": a name-word listed with ordinary words is a word.</summary>
    private bool IsWordInList(TextAnalysis words, int first, int last, int next)
    {
        if (next >= 0)
        {
            var k = next;
            if (words.Folded(k) is "and" or "&" or "or") k++;
            else if (words.GapBefore(k).IndexOf(',') < 0) k = -1;
            if (k >= 0 && k < words.Count && words.SameSentence(last, k) && IsOrdinaryWord(words, k) && !names.ModalFollowers.Contains(words.Folded(k))) return true;
        }
        var before = first - 1;
        if (before > 0 && words.SameSentence(before, first) && words.Folded(before) is "and" or "&" or "or") before--;
        else if (words.GapBefore(first).IndexOf(',') < 0) return false;
        return before >= 0 && before < first && words.SameSentence(before, first) && IsOrdinaryWord(words, before);
    }

    /// <summary>An ordinary word: written in lower case ("hope", "ivy"), or capitalised but no name ("Music", "Kindness").</summary>
    private bool IsOrdinaryWord(TextAnalysis words, int k)
    {
        var folded = words.Folded(k);
        if (!language.IsLowerCaseWord(folded)) return false;
        return words[k].Has(WordFlags.LowerCase) || (!language.IsGivenName(folded) && !language.IsEverydayNameWord(folded));
    }

    private NameReading? Reading(TextAnalysis words, int first, int last, Kind kind, bool rosterWord, bool onRoster, Slot slot, bool thanks)
    {
        var midSentence = !words[first].Has(WordFlags.SentenceStart) && !words[first].Has(WordFlags.LineStart);
        if (kind == Kind.Given && !onRoster && !midSentence && slot < Slot.Medium && last == first && language.IsLowerCaseWord(WithoutPossessive(words.Folded(first))))
        {
            return NameReading.Unclear; // "Frank discussions…", "Holly grows…": a name that is also a word, opening the sentence
        }
        if ((onRoster && !rosterWord) || kind == Kind.Given || RunHasGivenName(words, first, last)) return NameReading.Child;
        if (onRoster) return slot >= Slot.Medium ? NameReading.Child : NameReading.Unclear;
        switch (kind)
        {
            case Kind.Everyday:
                if (slot >= Slot.Medium) return NameReading.Child;
                // Unclear in a name's place; not before a lower-case word it describes ("Christian values", "Justice system").
                if (midSentence && !IsPartOfProperNoun(words, first, last, slot) && EndsPhrase(words, last)) return NameReading.Unclear;
                return null;
            case Kind.Calendar:
                return slot >= Slot.Strong && !IsPossessive(words, last) ? NameReading.Child : null; // not "Tuesday's offering"
            case Kind.Unknown:
                if (slot == Slot.Opener) return NameReading.Child;
                if (thanks || slot >= Slot.Medium) return NameReading.Unclear;
                return null;
            default:
                return null;
        }
    }

    private bool RunHasGivenName(TextAnalysis words, int first, int last)
    {
        for (var k = first + 1; k <= last; k++)
        {
            if (language.IsGivenName(WithoutPossessive(words.Folded(k)))) return true;
        }
        return false;
    }

    /// <summary>"Royal Mail", "North Wales", "Amazing Grace": a name-word joined to other capitalised words that are not names.</summary>
    private bool IsPartOfProperNoun(TextAnalysis words, int first, int last, Slot slot)
    {
        if (slot >= Slot.Medium) return false;
        if (last > first) return true;
        var previous = first - 1;
        if (previous < 0 || !words.FollowsDirectly(first) || !words[previous].Has(WordFlags.Capitalised)) return false;
        if (words[previous].Has(WordFlags.SentenceStart) && words[previous].FoldedLength <= 3) return false;
        var word = words.Folded(previous);
        return !language.IsGivenName(word) && !language.IsEverydayNameWord(word);
    }

    /// <summary>A lower-case name: a roster name that is no word ("amelia"), or a name-word straight after an opener ("well done josh").</summary>
    private NameReading? LowerCaseReading(TextAnalysis words, int i, ReadOnlySpan<char> name, Pupil[]? pupils, Kind kind, bool ordinary)
    {
        // Only an ordinary lower-case word can be a word here: "amelia" is Amelia written carelessly.
        var dictionary = language.IsLowerCaseWord(name) || language.IsGlossaryWord(name) || language.IsAcronym(name);
        var opener = OpenerBefore(words, i, names.Openers, strict: true) || OpenerBefore(words, i, names.Thanks, strict: true);
        if (!dictionary && !ordinary && (pupils is not null || (kind == Kind.Given && name.Length >= 3)))
        {
            // A roster pupil's name in lower case is still theirs; another given name in lower case is one after an opener.
            if (pupils is not null || opener) return NameReading.Child;
            return IsPossessive(words, i) ? NameReading.Unclear : null;
        }
        if ((pupils is null && kind is Kind.None or Kind.Unknown) || !opener) return null;
        // "well done jack!", "well done josh a better lesson", but not "congratulations to will power".
        var next = i + 1;
        if (next >= words.Count || !words.SameSentence(i, next) || words.GapBefore(next).IndexOfAny(",!.") >= 0) return NameReading.Child;
        return names.Next.Contains(words.Folded(next)) || names.Fillers.Contains(words.Folded(next)) ? NameReading.Child : null;
    }

    private Pupil? PupilOfRun(TextAnalysis words, int first, int last, RosterNames roster, PeopleNames surnames)
    {
        for (var k = first + 1; k <= last; k++)
        {
            var word = WithoutPossessive(words.Folded(k));
            if ((roster.PupilsNamed(word) ?? surnames.PupilsWithSurname(word)) is { } pupils) return pupils[0];
        }
        return null;
    }

    private static bool IsPossessive(TextAnalysis words, int i)
    {
        var folded = words.Folded(i);
        return folded.Length > 2 && folded.EndsWith("'s");
    }
}
