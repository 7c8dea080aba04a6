using SchoolTwitter.Core.Drafts;
using SchoolTwitter.Core.Media;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>
/// Pictures X will take and that are safe to handle: at most four, each a real JPEG, PNG, GIF or WebP by its bytes (never
/// its name), within X's size limits (5 MB; GIF 15 MB) and within sane dimensions, so a tiny file that claims a huge
/// picture (a decompression bomb) is refused before anything decodes it.
/// </summary>
public sealed class MediaRule : IRule
{
    public const int MaxImages = 4;
    public const long MaxImageBytes = 5L * 1024 * 1024;
    public const long MaxGifBytes = 15L * 1024 * 1024;
    public const int MaxSide = 8192;
    public const long MaxPixels = 40_000_000;

    public string Id => RuleIds.Media;

    public void Check(DraftContext draft, List<Finding> findings)
    {
        var images = draft.Draft.Images;
        if (images.Count > MaxImages)
        {
            findings.Add(new Finding(Id, Severity.Block,
                $"The tweet has {images.Count} pictures, but X allows at most {MaxImages}. Remove {images.Count - MaxImages} of them."));
        }
        for (var i = 0; i < images.Count; i++)
        {
            CheckImage(images[i], ImageLabel.Of(images[i], i), findings);
        }
    }

    private void CheckImage(DraftImage image, string label, List<Finding> findings)
    {
        var bytes = image.Content.Span;
        if (bytes.IsEmpty)
        {
            findings.Add(new Finding(Id, Severity.Block, $"{label} is empty (0 bytes). Attach the picture again."));
            return;
        }
        var info = ImageSniffer.Sniff(bytes);
        if (info is null)
        {
            findings.Add(new Finding(Id, Severity.Block,
                $"{label} is not a JPEG, PNG, GIF or WebP picture (its contents say so, whatever its name), or it is damaged. " +
                "Save it as a JPEG or PNG photo and attach it again."));
            return;
        }
        var limit = info.Format == ImageFormat.Gif ? MaxGifBytes : MaxImageBytes;
        if (bytes.Length > limit)
        {
            findings.Add(new Finding(Id, Severity.Block,
                $"{label} is {Megabytes(bytes.Length)} MB, but X accepts {(info.Format == ImageFormat.Gif ? "GIFs" : "pictures")} " +
                $"of at most {limit / (1024 * 1024)} MB. Make it smaller (resize or compress it) and attach it again."));
        }
        if (info.Width > MaxSide || info.Height > MaxSide || info.PixelCount > MaxPixels)
        {
            findings.Add(new Finding(Id, Severity.Block,
                $"{label} says it is {info.Width} × {info.Height} pixels, beyond the safe limit of {MaxSide} pixels a side " +
                $"and {MaxPixels / 1_000_000} megapixels. Resize it (a photo for X needs no more than 4096 pixels a side) and attach it again."));
        }
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
