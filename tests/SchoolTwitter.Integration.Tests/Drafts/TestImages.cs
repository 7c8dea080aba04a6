using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Metadata.Profiles.Xmp;
using SixLabors.ImageSharp.PixelFormats;

namespace SchoolTwitter.Integration.Tests.Drafts;

/// <summary>Real images made in the test, with the metadata a phone camera writes (GPS, orientation, XMP, IPTC).</summary>
internal static class TestImages
{
    public static byte[] JpegWithGps(int width = 40, int height = 20, ushort orientation = 1)
    {
        using var image = new Image<Rgba32>(width, height, Color.CornflowerBlue);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "SchoolPhone");
        exif.SetValue(ExifTag.Orientation, orientation);
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(53, 1), new Rational(27, 1), new Rational(1234, 100)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "W");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(2, 1), new Rational(44, 1), new Rational(5678, 100)]);
        image.Metadata.ExifProfile = exif;
        image.Metadata.XmpProfile = new XmpProfile(Encoding.UTF8.GetBytes(
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">" +
            "<rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\" dc:creator=\"Mrs Walsh\"/></rdf:RDF></x:xmpmeta>"));
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return WithIptcCaption(output.ToArray(), "Josh Smith, Year 4");
    }

    /// <summary>Inserts an APP13 (Photoshop 3.0 / 8BIM 0x0404) IPTC caption after the JPEG's SOI marker, as cameras and editors write it.</summary>
    private static byte[] WithIptcCaption(byte[] jpeg, string caption)
    {
        var text = Encoding.UTF8.GetBytes(caption);
        var iptc = new List<byte> { 0x1C, 0x02, 0x78, (byte)(text.Length >> 8), (byte)text.Length };
        iptc.AddRange(text);
        if (iptc.Count % 2 == 1) iptc.Add(0);
        var resource = new List<byte>();
        resource.AddRange(Encoding.ASCII.GetBytes("Photoshop 3.0\0"));
        resource.AddRange(Encoding.ASCII.GetBytes("8BIM"));
        resource.AddRange([0x04, 0x04, 0x00, 0x00]);
        resource.AddRange([(byte)(iptc.Count >> 24), (byte)(iptc.Count >> 16), (byte)(iptc.Count >> 8), (byte)iptc.Count]);
        resource.AddRange(iptc);
        var length = resource.Count + 2;
        var segment = new List<byte> { 0xFF, 0xED, (byte)(length >> 8), (byte)length };
        segment.AddRange(resource);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    public static byte[] Png(int width = 16, int height = 16, Color? colour = null)
    {
        using var image = new Image<Rgba32>(width, height, colour ?? Color.Gold);
        using var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
    }
}
