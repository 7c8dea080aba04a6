using System.Text;
using SchoolTwitter.Core.Media;

namespace SchoolTwitter.Core.Tests.Structure;

public sealed class ImageSnifferTests
{
    [Fact]
    public void Sniff_reads_png_dimensions_from_ihdr() =>
        ImageSniffer.Sniff(TestImages.Png(3, 2)).ShouldBe(new ImageInfo(ImageFormat.Png, 3, 2));

    [Fact]
    public void Sniff_reads_gif_logical_screen() =>
        ImageSniffer.Sniff(TestImages.Gif(320, 200)).ShouldBe(new ImageInfo(ImageFormat.Gif, 320, 200));

    [Fact]
    public void Sniff_reads_jpeg_dimensions_from_the_frame_header_after_other_segments() =>
        ImageSniffer.Sniff(TestImages.Jpeg(640, 480)).ShouldBe(new ImageInfo(ImageFormat.Jpeg, 640, 480));

    [Theory]
    [InlineData("lossy")]
    [InlineData("lossless")]
    [InlineData("extended")]
    public void Sniff_reads_webp_dimensions_from_each_kind_of_webp(string kind)
    {
        var bytes = kind switch
        {
            "lossy" => TestImages.WebPLossy(1024, 768),
            "lossless" => TestImages.WebPLossless(1024, 768),
            _ => TestImages.WebPExtended(1024, 768),
        };
        ImageSniffer.Sniff(bytes).ShouldBe(new ImageInfo(ImageFormat.WebP, 1024, 768));
    }

    [Fact]
    public void Sniff_reports_the_media_type_of_the_bytes() =>
        ImageSniffer.Sniff(TestImages.Jpeg())!.MediaType.ShouldBe("image/jpeg");

    [Fact]
    public void Sniff_refuses_a_text_file_whatever_its_name() =>
        ImageSniffer.Sniff(Encoding.UTF8.GetBytes("This is a text file named photo.jpg\n")).ShouldBeNull();

    [Fact]
    public void Sniff_refuses_empty_and_tiny_inputs()
    {
        ImageSniffer.Sniff([]).ShouldBeNull();
        ImageSniffer.Sniff([0xFF, 0xD8]).ShouldBeNull();
    }

    [Fact]
    public void Sniff_returns_null_for_every_truncation_of_real_images_without_throwing()
    {
        foreach (var image in new[] { TestImages.Png(), TestImages.Jpeg(), TestImages.Gif(), TestImages.WebPLossy(10, 10) })
        {
            var full = ImageSniffer.Sniff(image);
            full.ShouldNotBeNull();
            for (var length = 0; length < image.Length; length++)
            {
                var info = ImageSniffer.Sniff(image.AsSpan(0, length));
                // A prefix either lacks the header (null) or already holds it (the same answer); never anything else.
                if (info is not null) info.ShouldBe(full);
            }
        }
    }

    [Fact]
    public void Sniff_refuses_a_truncated_png() => ImageSniffer.Sniff(TestImages.Png().AsSpan(0, 20)).ShouldBeNull();

    [Fact]
    public void Sniff_refuses_a_jpeg_whose_data_starts_before_any_frame_header() =>
        ImageSniffer.Sniff(new byte[] { 0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08, 1, 2, 3, 4, 5, 6, 0xFF, 0xD9 }).ShouldBeNull();

    [Fact]
    public void Sniff_refuses_zero_dimensions() => ImageSniffer.Sniff(TestImages.Gif(0, 10)).ShouldBeNull();

    [Fact]
    public void Sniff_reports_the_huge_dimensions_a_bomb_header_claims() =>
        ImageSniffer.Sniff(TestImages.PngHeader(100_000, 100_000)).ShouldBe(new ImageInfo(ImageFormat.Png, 100_000, 100_000));

    [Fact]
    public void Sniff_never_throws_on_random_bytes_with_image_signatures()
    {
        var random = new Random(20261124);
        byte[][] prefixes = [[0xFF, 0xD8, 0xFF], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "GIF89a"u8.ToArray(), "RIFF\0\0\0\0WEBP"u8.ToArray()];
        for (var round = 0; round < 2000; round++)
        {
            var prefix = prefixes[round % prefixes.Length];
            var bytes = new byte[prefix.Length + random.Next(0, 64)];
            random.NextBytes(bytes);
            prefix.CopyTo(bytes, 0);
            Should.NotThrow(() => ImageSniffer.Sniff(bytes));
        }
    }
}
