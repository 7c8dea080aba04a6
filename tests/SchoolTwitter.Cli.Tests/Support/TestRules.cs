using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Roster;

namespace SchoolTwitter.Cli.Tests.Support;

/// <summary>A rule that flags every occurrence of one word, so CLI tests control the verdict without depending on the real rules.</summary>
public sealed class WordRule(string word, Severity severity, string? suggestion = null) : IRule
{
    public string Id => $"test-{word}";

    public void Check(DraftContext draft, List<Finding> findings)
    {
        var at = 0;
        while ((at = draft.Text.IndexOf(word, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            findings.Add(new Finding(Id, severity, $"“{draft.Text.Substring(at, word.Length)}” is not allowed in tests.", at, word.Length, suggestion));
            at += word.Length;
        }
    }
}

/// <summary>Records what the checker was given, to prove the CLI built the draft, roster and staff list from its options.</summary>
public sealed class RecordingRule : IRule
{
    private readonly List<(Draft Draft, PupilRoster Roster, StaffList Staff)> _seen = [];

    public string Id => "test-recording";

    public IReadOnlyList<(Draft Draft, PupilRoster Roster, StaffList Staff)> Seen => _seen;

    public void Check(DraftContext draft, List<Finding> findings)
    {
        lock (_seen) _seen.Add((draft.Draft, draft.Roster, draft.Staff));
    }
}

/// <summary>Fails on drafts containing its word: a fault in a rule.</summary>
public sealed class ThrowingRule(string word) : IRule
{
    public string Id => "test-throwing";

    public void Check(DraftContext draft, List<Finding> findings)
    {
        if (draft.Text.Contains(word, StringComparison.Ordinal)) throw new InvalidOperationException("rule fault for tests");
    }
}
