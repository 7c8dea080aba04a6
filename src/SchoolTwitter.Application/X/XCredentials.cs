namespace SchoolTwitter.Application.X;

/// <summary>OAuth 1.0a credentials of the school's app and account. ToString never shows the values.</summary>
public sealed record XCredentials(string ConsumerKey, string ConsumerSecret, string AccessToken, string AccessTokenSecret)
{
    public override string ToString() => "XCredentials { values hidden }";
}

/// <summary>Where the X client gets its credentials (Key Vault in production); Invalidate after a 401 so the next call reads afresh.</summary>
public interface IXCredentialSource
{
    ValueTask<XCredentials> GetAsync(CancellationToken ct);

    void Invalidate();
}
