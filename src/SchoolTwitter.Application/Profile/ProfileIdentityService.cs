using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.X;

namespace SchoolTwitter.Application.Profile;

/// <summary>The profile check's answer: what the profile lacks (empty when it names the school and links to its website).</summary>
public sealed record ProfileCheck(IReadOnlyList<string> Missing)
{
    public bool Passes => Missing.Count == 0;
}

/// <summary>
/// Checks, each week, that the account's own profile (GET /2/users/me: name, description, url) names the school and links to its
/// website as settings give them (council policy 6.3 and 6.5). A name counts in any case and spacing, "&amp;" as "and".
/// </summary>
public sealed class ProfileIdentityService(IXAccount x, IOptions<SchoolIdentityOptions> options, ILogger<ProfileIdentityService> logger)
{
    public async Task<ProfileCheck> CheckAsync(CancellationToken ct)
    {
        var school = options.Value;
        var profile = await x.GetProfileAsync(ct);
        var missing = new List<string>();

        var identity = school.Identity();
        var names = identity.Names.ToList();
        if (names.Count == 0)
        {
            missing.Add("School__Name is not set, so nothing says which school the profile must name.");
        }
        else
        {
            var shown = Canonical(profile.Name + " " + profile.Description);
            if (!names.Any(n => shown.Contains(Canonical(n), StringComparison.Ordinal)))
            {
                missing.Add($"The profile's name and bio do not name the school (“{identity.Name}”): add it to the bio.");
            }
        }

        if (!SchoolIdentityOptions.IsWebsite(school.Website))
        {
            missing.Add("School__Website is not set, so nothing says which website the profile must link to.");
        }
        else if (!profile.Links.Any(link => SameSite(link, school.Website!)))
        {
            missing.Add($"The profile does not link to the school's website ({school.Website}): set it as the profile's website.");
        }

        if (missing.Count > 0) logger.LogWarning("The account's profile does not identify the school: {Missing}", string.Join(" ", missing));
        return new ProfileCheck(missing);
    }

    /// <summary>Same host (a leading www. aside); the site's path, if it has one, must begin the link's.</summary>
    private static bool SameSite(string link, string website)
    {
        if (!Uri.TryCreate(link.Contains("://", StringComparison.Ordinal) ? link : "https://" + link, UriKind.Absolute, out var l)
            || !Uri.TryCreate(website, UriKind.Absolute, out var w)) return false;
        static string Host(Uri u) => u.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? u.Host[4..] : u.Host;
        return string.Equals(Host(l), Host(w), StringComparison.OrdinalIgnoreCase)
               && l.AbsolutePath.StartsWith(w.AbsolutePath.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Lower case, letters and digits only, single spaces, "&amp;" as "and", so "St. Mary's C of E" meets "St Marys C of E".</summary>
    private static string Canonical(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Replace("&", " and ", StringComparison.Ordinal))
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (c is '\'' or '’' or '.') continue;
            else if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
        }
        return " " + sb.ToString().Trim() + " ";
    }
}
