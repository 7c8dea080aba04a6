namespace SchoolTwitter.Core.CodeOfConduct;

public enum Severity
{
    /// <summary>Publishing waits for an SLT member other than the submitter to accept it.</summary>
    Warn,
    /// <summary>The draft cannot be published.</summary>
    Block,
}
