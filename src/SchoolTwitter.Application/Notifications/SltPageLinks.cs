using Microsoft.Extensions.Options;

namespace SchoolTwitter.Application.Notifications;

/// <summary>Bound from the "SltPage" section.</summary>
public sealed class SltPageOptions
{
    public const string SectionName = "SltPage";

    /// <summary>
    /// SltPage__PublicBaseUrl: where SLT reach the Functions app (https://school-host.example), for the cards' buttons. Unset, it is
    /// https:// + the host name App Service gives the app (<see cref="SltPageLinks.HostNameSetting"/>); set it for a custom domain.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>
/// The one place that knows the SLT page's address and how a section or item is named in it
/// (<c>{PublicBaseUrl}/api/page#drafts/{draftId}</c>). With no base URL known, there are no links and cards carry no page buttons.
/// </summary>
public sealed class SltPageLinks
{
    /// <summary>The page's path on the Functions app.</summary>
    public const string PagePath = "/api/page";

    /// <summary>The app setting App Service sets to the app's own host name.</summary>
    public const string HostNameSetting = "WEBSITE_HOSTNAME";

    private readonly string? _page;

    public SltPageLinks(IOptions<SltPageOptions> options) : this(options.Value.PublicBaseUrl)
    {
    }

    /// <summary>Links on <paramref name="publicBaseUrl"/> (null: none), for the CLI, tests and a local trial.</summary>
    public static SltPageLinks WithBaseUrl(string? publicBaseUrl) => new(publicBaseUrl);

    private SltPageLinks(string? publicBaseUrl)
    {
        if (string.IsNullOrWhiteSpace(publicBaseUrl)) return;
        if (!IsBaseUrl(publicBaseUrl))
        {
            throw new ArgumentException($"{SltPageOptions.SectionName}__{nameof(SltPageOptions.PublicBaseUrl)} must be an https:// (or http:// for a local trial) address with no query or fragment.", nameof(publicBaseUrl));
        }
        _page = publicBaseUrl.TrimEnd('/') + PagePath;
    }

    /// <summary>The page itself, or null when no base URL is known.</summary>
    public Uri? Page => _page is null ? null : new Uri(_page);

    /// <summary>The address of <paramref name="place"/>, or null when no base URL is known.</summary>
    public Uri? For(PagePlace place)
    {
        if (_page is null) return null;
        var fragment = place.Item is null ? place.Section : $"{place.Section}/{Uri.EscapeDataString(place.Item)}";
        return new Uri($"{_page}#{fragment}");
    }

    /// <summary>An absolute http(s) address with nothing after the path.</summary>
    public static bool IsBaseUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;
}
