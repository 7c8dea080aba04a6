namespace SchoolTwitter.Benchmarks.Evaluation;

/// <summary>
/// Non-standard forms a primary school corrects in a pupil's book, generated as templates × word lists. The word lists come
/// from third-party data (the Brown corpus' tags: past-only and participle-only verb forms, frequent nouns and adjectives;
/// @stdlib's given names), not from the rule's own lists, so a family the rule only partly knows shows as a lower rate.
/// The non-standard words are marked [like this] in a template; a catch is a grammar block overlapping them.
/// </summary>
public static class GrammarForms
{
    public sealed record Form(string Family, string Text, int Start, int Length);

    public static List<Form> Generate(GrammarCorpus brown, IReadOnlyList<string> givenNames)
    {
        var forms = new List<Form>();
        var adjectives = brown.Frequent("jj", 40);
        var nouns = brown.Frequent("nn", 40);
        var plurals = brown.Frequent("nns", 40);
        // Brown is American and sparse: "slid" is a participle too, though its tags never show it as one, and British
        // English writes -t forms (burnt, learnt, spelt) as past tenses as well.
        string[] notNonStandard = ["slid", "burnt", "learnt", "spelt", "dreamt", "spoilt", "leapt", "knelt", "smelt", "spilt"];
        var past = brown.PastOnly(40 + notNonStandard.Length).Except(notNonStandard).Take(40).ToList();
        var participles = brown.ParticipleOnly(40 + notNonStandard.Length).Except(notNonStandard).Take(40).ToList();
        var names = givenNames.Take(20).ToList();

        void Add(string family, string template)
        {
            var open = template.IndexOf('[');
            var close = template.IndexOf(']');
            var text = template.Remove(close, 1).Remove(open, 1);
            forms.Add(new Form(family, text, open, close - open - 1));
        }

        // Subject–verb agreement.
        foreach (var adjective in adjectives)
        {
            foreach (var (subject, verb) in new[] { ("They", "was"), ("We", "was"), ("You", "was"), ("He", "were"), ("She", "were"), ("It", "were"), ("I", "were") })
            {
                Add("subject–verb agreement", $"[{subject} {verb}] {adjective} at the end of the day.");
                Add("subject–verb agreement", $"On Friday [{(subject == "I" ? "I" : subject.ToLowerInvariant())} {verb}] {adjective}.");
            }
            foreach (var noun in new[] { "children", "people", "men", "women" })
                Add("subject–verb agreement", $"The [{noun} was] {adjective} after the match.");
        }
        foreach (var subject in new[] { "He", "She", "It" })
        {
            foreach (var noun in nouns.Take(10)) Add("subject–verb agreement", $"[{subject} don't] like the {noun}.");
        }

        // A participle as the past tense: "we seen", "the class done well".
        foreach (var participle in participles)
        {
            foreach (var subject in new[] { "I", "We", "They", "He", "She" })
            {
                Add("participle as past tense", $"[{subject} {participle}] it last week.");
                Add("participle as past tense", $"Yesterday [{(subject == "I" ? "I" : subject.ToLowerInvariant())} {participle}] with the class.");
            }
        }
        foreach (var subject in new[] { "The class", "Our team", "The children", "Everyone", "Year 6" })
        {
            foreach (var participle in new[] { "done", "been", "gone", "seen", "begun", "sung", "swum", "drunk", "eaten", "written" })
                Add("participle as past tense", $"{subject} [{participle}] really well today.");
        }

        // A past tense after have: "should have went", "could've wrote", "had went".
        foreach (var verb in past)
        {
            foreach (var modal in new[] { "could", "should", "would", "must", "might" })
            {
                Add("have + past tense", $"We {modal} [have {verb}] it sooner.");
            }
            Add("have + past tense", $"We [should've {verb}] it sooner.");
            Add("have + past tense", $"They [had {verb}] it before lunch.");
            Add("have + past tense", $"She [has {verb}] it already.");
            Add("have + past tense", $"I [have {verb}] it today.");
        }

        // Object pronouns as subjects: "me and him went".
        foreach (var verb in past.Take(20))
        {
            foreach (var (first, second) in new[] { ("Me", "him"), ("Me", "her"), ("Me", "my friends"), ("Him", "me"), ("Her", "me"), ("Them", "us"), ("Us", "them"), ("Me", "them") })
                Add("me and him went", $"[{first} and {second}] {verb} it after school.");
            foreach (var name in names.Take(5))
                Add("me and him went", $"{name} [and me] {verb} it after school.");
        }

        // there / their / they're.
        foreach (var noun in nouns)
        {
            Add("there/their/they're", $"[Their is] a {noun} in the hall.");
            Add("there/their/they're", $"[Their was] a {noun} on the field.");
            Add("there/their/they're", $"[Their going] to the {noun} tomorrow.");
            Add("there/their/they're", $"[There going] to the {noun} tomorrow.");
        }
        foreach (var plural in plurals)
        {
            Add("there/their/they're", $"[Their are] {plural} in the hall.");
            Add("there/their/they're", $"Thank you to the families for [there] {plural}.");
            Add("there/their/they're", $"The children brought [there] own {plural}.");
            Add("there/their/they're", $"Thank you to the families for [they're] {plural}.");
            Add("there/their/they're", $"The children brought [they're] own {plural}.");
        }
        foreach (var adjective in adjectives)
        {
            Add("there/their/they're", $"The children said [their so] {adjective}.");
            Add("there/their/they're", $"The children said [their really] {adjective}.");
        }

        // your / you're.
        foreach (var noun in nouns)
        {
            Add("your/you're", $"Thank you for [you're] {noun}.");
            Add("your/you're", $"[Your going] to love the {noun}.");
            Add("your/you're", $"[Your a] {noun} we are proud of!");
            Add("your/you're", $"[Your the] best {noun} ever!");
        }
        foreach (var adjective in adjectives)
        {
            Add("your/you're", $"[Your so] {adjective}!");
            Add("your/you're", $"We think [your really] {adjective}.");
        }
        Add("your/you're", "[Your welcome] to join us.");

        // its / it's.
        foreach (var noun in nouns)
        {
            Add("its/it's", $"[Its a] {noun} to remember.");
            Add("its/it's", $"[Its the] best {noun} ever.");
            Add("its/it's", $"The school is proud of [it's] {noun}.");
            Add("its/it's", $"The school has [it's] own {noun}.");
        }
        foreach (var adjective in adjectives)
        {
            Add("its/it's", $"[Its been] a {adjective} week.");
            Add("its/it's", $"[Its so] {adjective}!");
            Add("its/it's", $"[Its not] {adjective} at all.");
        }

        // Irregular plural possessives without the apostrophe.
        foreach (var noun in nouns)
        {
            foreach (var owner in new[] { "mens", "womens", "childrens", "Mens", "Womens", "Childrens" })
                Add("irregular plural possessive", char.IsUpper(owner[0]) ? $"[{owner}] {noun} is on Friday." : $"The [{owner}] {noun} is on Friday.");
        }

        // could of, alot.
        foreach (var participle in participles.Concat(past))
        {
            foreach (var modal in new[] { "could", "should", "would", "must", "might" })
                Add("could of", $"We [{modal} of] {participle} it sooner.");
        }
        foreach (var noun in plurals)
        {
            Add("alot", $"We had [alot] of {noun}.");
            Add("alot", $"[Alot] of {noun} came to the fair.");
            Add("alot", $"Thanks [alot] for the {noun}.");
        }
        return forms;
    }
}
