namespace SchoolTwitter.Application.Security;

/// <summary>Bound from the "Slt" section: Slt__AppRole and Slt__GroupIds.</summary>
public sealed class SltOptions
{
    public const string SectionName = "Slt";

    /// <summary>Easy Auth app role marking SLT members (e.g. "SLT"). Empty: roles do not grant SLT.</summary>
    public string? AppRole { get; set; }

    /// <summary>Comma-separated Entra group object ids whose members are SLT. Empty: groups do not grant SLT.</summary>
    public string? GroupIds { get; set; }

    public IReadOnlyList<string> GroupIdList =>
        (GroupIds ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
