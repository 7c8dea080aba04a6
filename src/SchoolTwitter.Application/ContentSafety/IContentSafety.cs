using SchoolTwitter.Core.ContentSafety;

namespace SchoolTwitter.Application.ContentSafety;

/// <summary>
/// The second check's service (Azure AI Content Safety and Image Analysis in the council's tenant). Off unless an endpoint is
/// configured; then each call either answers or throws <see cref="ContentSafetyUnavailableException"/>, never a guess.
/// </summary>
public interface IContentSafety
{
    bool IsEnabled { get; }

    /// <summary>Harm categories and, where the school asks for it, protected material (song lyrics, articles, recipes).</summary>
    Task<TextSafety> AnalyseTextAsync(string text, CancellationToken ct);

    /// <summary>Harm categories of the picture and the people found in it (boxes and confidence only, no faces).</summary>
    Task<ImageSafety> AnalyseImageAsync(ReadOnlyMemory<byte> image, CancellationToken ct);

    /// <summary>Harm categories of the text alone (someone else's post: no copyright question, one request).</summary>
    Task<IReadOnlyList<CategorySeverity>> AnalyseTextHarmAsync(string text, CancellationToken ct);

    /// <summary>Harm categories of the picture alone (someone else's post: nobody's consent to compare, one request).</summary>
    Task<IReadOnlyList<CategorySeverity>> AnalyseImageHarmAsync(ReadOnlyMemory<byte> image, CancellationToken ct);
}

/// <summary>The service could not be reached or refused; Reason is plain English with no content, picture or token in it.</summary>
public sealed class ContentSafetyUnavailableException(string reason, Exception? inner = null) : Exception(reason, inner)
{
    public string Reason { get; } = reason;
}
