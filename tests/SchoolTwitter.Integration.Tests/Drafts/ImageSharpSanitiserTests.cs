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

    [Theory]
    [MemberData(nameof(TestImages.Damaged), MemberType = typeof(TestImages))]
    public void Identify_calls_a_damaged_picture_not_an_image_whatever_the_decoder_throws(string damage, byte[] bytes)
    {
        _sanitiser.Identify(bytes).ShouldBeNull(damage);
        Should.Throw<SixLabors.ImageSharp.InvalidImageContentException>(() => _sanitiser.Sanitise(bytes), damage);
    }

    [Fact]
    public void Sanitise_keeps_a_webp_a_webp() => _sanitiser.Sanitise(TestImages.WebP()).MediaType.ShouldBe("image/webp");

    [Fact]
    public void Sanitise_refuses_an_animation_beyond_the_decoding_budget_before_decoding_it()
    {
        // 13 frames of 2000 × 2000: 52 million pixels, 208 MB once decoded, in 50 KB.
        var bomb = TestImages.GifBomb(2000, frames: 13);

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var refused = Should.Throw<SixLabors.ImageSharp.InvalidImageContentException>(() => _sanitiser.Sanitise(bomb));
        (GC.GetAllocatedBytesForCurrentThread() - allocated).ShouldBeLessThan(16 * 1024 * 1024);

        refused.Message.ShouldContain("budget");
    }

    [Fact]
    public void A_few_hundred_kb_gif_of_thousands_of_4000_by_4000_frames_is_refused_without_allocating_gigabytes()
    {
        var bomb = TestImages.GifBomb(4000, frames: 20);
        bomb.Length.ShouldBeInRange(200_000, 500_000);

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        Should.Throw<SixLabors.ImageSharp.InvalidImageContentException>(() => _sanitiser.Sanitise(bomb));
        // Identify reports the header undecoded, for the checker to refuse with the budget in its own words.
        _sanitiser.Identify(bomb).ShouldBe(new ImageInfo(ImageFormat.Gif, 4000, 4000));
        (GC.GetAllocatedBytesForCurrentThread() - allocated).ShouldBeLessThan(16 * 1024 * 1024);
    }

    [Fact]
    public void An_animation_within_the_budget_keeps_its_frames()
    {
        var clip = TestImages.GifBomb(100, frames: 30);
        var clean = _sanitiser.Sanitise(clip);
        clean.MediaType.ShouldBe("image/gif");
        using var decoded = SixLabors.ImageSharp.Image.Load(clean.Content.Span);
        decoded.Frames.Count.ShouldBe(30);
    }
}
