namespace SchoolTwitter.Application.Security;

/// <summary>Bound from the "Slt" section: Slt__AppRole, Slt__GroupIds and Slt__FlowClientId.</summary>
public sealed class SltOptions
{
    public const string SectionName = "Slt";

    /// <summary>The app role the flow's own app registration must hold to name the SLT member it acts for.</summary>
    public const string FlowAppRole = "Flow.Submit";

    /// <summary>Easy Auth app role marking SLT members (e.g. "SLT"). Empty: roles do not grant SLT.</summary>
    public string? AppRole { get; set; }

    /// <summary>Comma-separated Entra group object ids whose members are SLT. Empty: groups do not grant SLT.</summary>
    public string? GroupIds { get; set; }

    /// <summary>
    /// Client (application) id of the Power Automate flow's app registration. Only a token issued to this app, holding
    /// <see cref="FlowAppRole"/>, may name a submitter or approver. Empty: no flow is trusted.
    /// </summary>
    public string? FlowClientId { get; set; }

    public IReadOnlyList<string> GroupIdList =>
        (GroupIds ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
