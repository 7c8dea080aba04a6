namespace SchoolTwitter.Core.CodeOfConduct;

/// <summary>One rule of the code of conduct. Rules are stateless after construction and safe to share across threads.</summary>
public interface IRule
{
    /// <summary>Stable id used in verdicts, e.g. <c>text-speak</c>.</summary>
    string Id { get; }

    void Check(DraftContext draft, List<Finding> findings);
}
