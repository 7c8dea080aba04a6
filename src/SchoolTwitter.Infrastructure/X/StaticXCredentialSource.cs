using SchoolTwitter.Application.X;

namespace SchoolTwitter.Infrastructure.X;

/// <summary>Fixed credentials (tests, local runs). <see cref="Invalidate"/> is counted so tests can see a 401 refresh happen.</summary>
public sealed class StaticXCredentialSource(XCredentials credentials) : IXCredentialSource
{
    private XCredentials _credentials = credentials;
    private XCredentials? _afterInvalidate;
    private int _invalidations;

    public int Invalidations => Volatile.Read(ref _invalidations);

    /// <summary>Swaps the credentials returned from now on (as a rotation would).</summary>
    public void Set(XCredentials credentials) => Volatile.Write(ref _credentials, credentials);

    public ValueTask<XCredentials> GetAsync(CancellationToken ct) => ValueTask.FromResult(Volatile.Read(ref _credentials));

    /// <summary>Credentials to hand out after the next <see cref="Invalidate"/> (as if Key Vault changed while these were cached).</summary>
    public void ReplaceAfterInvalidate(XCredentials next) => Volatile.Write(ref _afterInvalidate, next);

    public void Invalidate()
    {
        Interlocked.Increment(ref _invalidations);
        if (Interlocked.Exchange(ref _afterInvalidate, null) is { } next)
        {
            Volatile.Write(ref _credentials, next);
        }
    }
}
