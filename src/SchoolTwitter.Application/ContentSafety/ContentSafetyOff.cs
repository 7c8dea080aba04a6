using SchoolTwitter.Core.ContentSafety;

namespace SchoolTwitter.Application.ContentSafety;

/// <summary>The default: no second check, the rules alone decide (CLI, and a deployment without an Azure AI endpoint).</summary>
public sealed class ContentSafetyOff : IContentSafety
{
    public bool IsEnabled => false;

    public Task<TextSafety> AnalyseTextAsync(string text, CancellationToken ct) =>
        throw new InvalidOperationException("The second check is not configured.");

    public Task<ImageSafety> AnalyseImageAsync(ReadOnlyMemory<byte> image, CancellationToken ct) =>
        throw new InvalidOperationException("The second check is not configured.");

    public Task<IReadOnlyList<CategorySeverity>> AnalyseTextHarmAsync(string text, CancellationToken ct) =>
        throw new InvalidOperationException("The second check is not configured.");

    public Task<IReadOnlyList<CategorySeverity>> AnalyseImageHarmAsync(ReadOnlyMemory<byte> image, CancellationToken ct) =>
        throw new InvalidOperationException("The second check is not configured.");
}
