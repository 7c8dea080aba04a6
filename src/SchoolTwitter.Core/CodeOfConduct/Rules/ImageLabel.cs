using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Core.CodeOfConduct.Rules;

/// <summary>How messages name a picture: its position and file name, e.g. "Picture 2 (choir.jpg)".</summary>
internal static class ImageLabel
{
    public static string Of(DraftImage image, int index) =>
        string.IsNullOrWhiteSpace(image.FileName) ? $"Picture {index + 1}" : $"Picture {index + 1} ({image.FileName.Trim()})";
}
