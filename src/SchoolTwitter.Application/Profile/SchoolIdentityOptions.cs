using SchoolTwitter.Core.Followers;

namespace SchoolTwitter.Application.Profile;

/// <summary>
/// Who the school is, for the weekly profile check (council policy 6.3 and 6.5: the account names the school and links to its
/// website). Section "School": School__Name, School__Website, School__Handle, School__NameVariants (other names the school goes by, separated by ';').
/// </summary>
public sealed class SchoolIdentityOptions
{
    public const string SectionName = "School";

    /// <summary>The school's name as the profile must show it, e.g. "Oakfield Primary School".</summary>
    public string? Name { get; set; }

    /// <summary>The school's website, e.g. https://www.oakfield.sch.uk.</summary>
    public string? Website { get; set; }

    /// <summary>The school's own X handle, with or without @: what an impersonator copies (the follower review).</summary>
    public string? Handle { get; set; }

    /// <summary>Other names that count, separated by ';' (e.g. "Oakfield Primary;Oakfield School").</summary>
    public string? NameVariants { get; set; }

    /// <summary>Who the school is, for the follower assessment (impersonation, mentions of the school).</summary>
    public SchoolIdentity Identity() => SchoolIdentity.From(Name, Handle, NameVariants, Website);

    public static bool IsWebsite(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) && url.Host.Contains('.');
}
