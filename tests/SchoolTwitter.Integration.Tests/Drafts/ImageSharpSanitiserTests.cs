using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Iptc;
using MetadataExtractor.Formats.Xmp;
using SchoolTwitter.Core.Media;
using SchoolTwitter.Infrastructure.Images;

namespace SchoolTwitter.Integration.Tests.Drafts;

public sealed class ImageSharpSanitiserTests
{
    private readonly ImageSharpSanitiser _sanitiser = new();

    [Fact]
    public void Sanitise_removes_gps_exif_xmp_and_iptc_from_a_jpeg()
    {
        var original = TestImages.JpegWithGps();
        var before = ImageMetadataReader.ReadMetadata(new MemoryStream(original));
        before.OfType<GpsDirectory>().ShouldNotBeEmpty("the test image must carry GPS for this test to mean anything");
        before.OfType<XmpDirectory>().ShouldNotBeEmpty();
        before.OfType<IptcDirectory>().ShouldNotBeEmpty();

        var clean = _sanitiser.Sanitise(original);

        clean.MediaType.ShouldBe("image/jpeg");
        var after = ImageMetadataReader.ReadMetadata(new MemoryStream(clean.Content.ToArray()));
        after.OfType<GpsDirectory>().ShouldBeEmpty();
        after.OfType<ExifIfd0Directory>().ShouldBeEmpty();
        after.OfType<ExifSubIfdDirectory>().ShouldBeEmpty();
        after.OfType<XmpDirectory>().ShouldBeEmpty();
        after.OfType<IptcDirectory>().ShouldBeEmpty();
    }

    [Fact]
    public void Sanitise_applies_the_exif_orientation_to_the_pixels_before_dropping_it()
    {
        // Orientation 6: the camera was turned; a 40x20 sensor image is shown 20 wide and 40 tall.
        var clean = _sanitiser.Sanitise(TestImages.JpegWithGps(40, 20, orientation: 6));

        var info = _sanitiser.Identify(clean.Content).ShouldNotBeNull();
        info.Width.ShouldBe(20);
        info.Height.ShouldBe(40);
    }

    [Fact]
    public void Sanitise_keeps_a_png_a_png()
    {
        var clean = _sanitiser.Sanitise(TestImages.Png());
        clean.MediaType.ShouldBe("image/png");
        _sanitiser.Identify(clean.Content)!.Format.ShouldBe(ImageFormat.Png);
    }

    [Fact]
    public void Identify_rejects_text_named_like_an_image()
    {
        _sanitiser.Identify("This is a letter to parents, not a photo."u8.ToArray()).ShouldBeNull();
        _sanitiser.Identify(ReadOnlyMemory<byte>.Empty).ShouldBeNull();
    }
}
