namespace SchoolTwitter.Cli;

/// <summary>The command's exit codes: scripts and Power Automate branch on them.</summary>
public static class ExitCodes
{
    /// <summary>Every draft meets the code of conduct.</summary>
    public const int Pass = 0;

    /// <summary>At least one draft needs an SLT review or is blocked.</summary>
    public const int ReviewOrBlocked = 1;

    /// <summary>Bad usage or input (missing file, unreadable image, bad roster, malformed draft): nothing was judged for it.</summary>
    public const int BadInput = 2;

    /// <summary>A fault in the tool itself; never a verdict.</summary>
    public const int InternalError = 3;
}
