using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Application.Drafts;

/// <summary>
/// SHA-256 over everything a verdict depends on: the text, and each image's bytes, alt text and declarations
/// (who is pictured, ownership). Every field is length-prefixed so no two different drafts share an encoding.
/// Used to recognise a resubmission and to refuse to publish content other than what was checked.
/// </summary>
public static class DraftContentHash
{
    public static string Compute(Draft draft)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendString(hash, draft.Text);
        AppendInt(hash, draft.Images.Count);
        foreach (var image in draft.Images)
        {
            AppendInt(hash, image.Content.Length);
            hash.AppendData(image.Content.Span);
            AppendString(hash, image.AltText ?? "\u0000null");
            AppendInt(hash, image.PupilsPictured.Count);
            foreach (var pupil in image.PupilsPictured)
            {
                AppendString(hash, pupil);
            }
            AppendInt(hash, (image.NoPupilsPictured ? 1 : 0) | (image.OwnedBySchool ? 2 : 0));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void AppendString(IncrementalHash hash, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        AppendInt(hash, bytes.Length);
        hash.AppendData(bytes);
    }

    private static void AppendInt(IncrementalHash hash, int value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, value);
        hash.AppendData(buffer);
    }
}
