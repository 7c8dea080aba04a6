namespace SchoolTwitter.Core.CodeOfConduct;

/// <summary>One breach (or possible breach) of the code of conduct. Start/Length index the draft text (UTF-16) when the finding is about words in it.</summary>
public sealed record Finding(
    string Rule,
    Severity Severity,
    string Message,
    int? Start = null,
    int? Length = null,
    string? Suggestion = null);
