using SchoolTwitter.Core.Lexicons;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>
/// What the three rules about remarks aimed at people share (defamation, discrimination, sexualised remarks): the lexicon of
/// the remarks-*.txt lists and the draft read once for all three. What is certain blocks; what a careful reader would only
/// question warns, so a second SLT member looks.
/// </summary>
public abstract class RemarksRule : IRule
{
    private protected RemarksRule(LexiconSet lexicons)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        Lexicon = RemarkLexicon.For(lexicons);
        Language = lexicons.Language;
    }

    public abstract string Id { get; }

    internal RemarkLexicon Lexicon { get; }

    internal LanguageLexicons Language { get; }

    public void Check(DraftContext draft, List<Finding> findings)
    {
        if (draft.Words.Count == 0) return;
        var words = RemarkReading.Of(draft.Words, Lexicon);
        if ((words.Present & Needs) != 0) Check(draft, words, findings);
    }

    /// <summary>The roles without one of which in the draft the rule cannot find anything (most drafts have none of them).</summary>
    private protected abstract RemarkRole Needs { get; }

    private protected abstract void Check(DraftContext draft, RemarkReading words, List<Finding> findings);

    /// <summary>A finding over words <paramref name="first"/>..<paramref name="last"/>, quoting them; <paramref name="what"/> is a noun phrase ("an accusation ...").</summary>
    private protected void Report(DraftContext draft, RemarkReading words, List<Finding> findings, int first, int last, bool block,
        string what, string advice)
    {
        var start = words.Words[first].Start;
        Report(draft, findings, start, words.Words[last].End - start, block, what, advice);
    }

    private protected void Report(DraftContext draft, List<Finding> findings, int start, int length, bool block, string what, string advice)
    {
        var quoted = LanguageRuleSupport.Quote(draft.Text.AsSpan(start, length));
        var message = block
            ? $"{quoted} reads as {what}. {advice}"
            : $"{quoted} may read as {what}: a second SLT member should check it. {advice}";
        findings.Add(new Finding(Id, block ? Severity.Block : Severity.Warn, message, start, length));
    }
}
