using System.Text;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.CodeOfConduct.Rules;
using static SchoolTwitter.Core.Tests.Structure.StructureTestKit;

namespace SchoolTwitter.Core.Tests.Structure;

public sealed class MediaRuleTests
{
    private readonly MediaRule _rule = new();

    [Fact]
    public void Check_passes_real_png_gif_jpeg_and_webp_pictures() =>
        Run(_rule, WithImages(Image(TestImages.Png()), Image(TestImages.Gif()), Image(TestImages.Jpeg()), Image(TestImages.WebPLossy(800, 600))))
            .ShouldBeEmpty();

    [Fact]
    public void Check_passes_a_png_whose_name_says_jpg() =>
        Run(_rule, WithImages(Image(TestImages.Png(), fileName: "photo.jpg"))).ShouldBeEmpty();

    [Fact]
    public void Check_blocks_a_text_file_named_jpg()
    {
        var finding = Run(_rule, WithImages(Image(Encoding.UTF8.GetBytes("not a picture"), fileName: "photo.jpg"))).ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Block);
        finding.Rule.ShouldBe(RuleIds.Media);
        finding.Message.ShouldContain("photo.jpg");
        finding.Message.ShouldContain("not a JPEG, PNG, GIF or WebP");
    }

    [Fact]
    public void Check_blocks_an_empty_picture() =>
        Run(_rule, WithImages(Image([]))).ShouldHaveSingleItem().Message.ShouldContain("empty");

    [Fact]
    public void Check_blocks_a_truncated_png() =>
        Run(_rule, WithImages(Image(TestImages.Png().AsSpan(0, 20).ToArray()))).ShouldHaveSingleItem().Severity.ShouldBe(Severity.Block);

    [Fact]
    public void Check_blocks_a_png_header_claiming_100000_by_100000_pixels()
    {
        var finding = Run(_rule, WithImages(Image(TestImages.PngHeader(100_000, 100_000)))).ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Block);
        finding.Message.ShouldContain("100000 × 100000");
    }

    [Theory]
    [InlineData(8193, 100)]
    [InlineData(100, 8193)]
    [InlineData(8000, 6000)] // 48 megapixels
    public void Check_blocks_dimensions_beyond_the_sane_bound(int width, int height) =>
        Run(_rule, WithImages(Image(TestImages.Gif(width, height)))).ShouldHaveSingleItem().Message.ShouldContain("pixels");

    [Fact]
    public void Check_passes_a_large_but_sane_picture() =>
        Run(_rule, WithImages(Image(TestImages.Jpeg(8192, 4096)))).ShouldBeEmpty();

    [Fact]
    public void Check_passes_a_6_mb_gif_but_blocks_a_6_mb_jpeg()
    {
        const int sixMb = 6 * 1024 * 1024;
        Run(_rule, WithImages(Image(TestImages.Gif(totalBytes: sixMb), fileName: "sports-day.gif"))).ShouldBeEmpty();
        var finding = Run(_rule, WithImages(Image(TestImages.Jpeg(totalBytes: sixMb), fileName: "sports-day.jpg"))).ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Block);
        finding.Message.ShouldContain("6 MB");
        finding.Message.ShouldContain("at most 5 MB");
    }

    [Fact]
    public void Check_blocks_a_16_mb_gif() =>
        Run(_rule, WithImages(Image(TestImages.Gif(totalBytes: 16 * 1024 * 1024)))).ShouldHaveSingleItem().Message.ShouldContain("15 MB");

    [Fact]
    public void Check_passes_four_pictures_and_blocks_five()
    {
        Run(_rule, WithImages(Image(), Image(), Image(), Image())).ShouldBeEmpty();
        var finding = Run(_rule, WithImages(Image(), Image(), Image(), Image(), Image())).ShouldHaveSingleItem();
        finding.Message.ShouldContain("5 pictures");
        finding.Message.ShouldContain("at most 4");
    }

    [Fact]
    public void Check_passes_a_draft_without_pictures() => Run(_rule, "Lovely assembly today.").ShouldBeEmpty();

    [Fact]
    public void Check_blocks_a_few_hundred_kb_gif_of_thousands_of_4000_by_4000_frames()
    {
        var bomb = TestImages.AnimatedGif(4000, 4000, frames: 15_000);
        bomb.Length.ShouldBeInRange(200_000, 500_000);

        var finding = Run(_rule, WithImages(Image(bomb, fileName: "sports-day.gif"))).ShouldHaveSingleItem();

        finding.Severity.ShouldBe(Severity.Block);
        finding.Message.ShouldContain("sports-day.gif");
        finding.Message.ShouldContain("15,000 frames");
        finding.Message.ShouldContain("beyond the safe budget of 50 megapixels");
    }

    [Fact]
    public void Check_blocks_an_animated_webp_beyond_the_decoding_budget() =>
        Run(_rule, WithImages(Image(TestImages.AnimatedWebP(4000, 4000, frames: 4)))).ShouldHaveSingleItem().Message.ShouldContain("4 frames");

    [Fact]
    public void Check_passes_a_short_animation_within_the_decoding_budget()
    {
        Run(_rule, WithImages(Image(TestImages.AnimatedGif(480, 270, frames: 300), fileName: "clip.gif"))).ShouldBeEmpty();
        Run(_rule, WithImages(Image(TestImages.AnimatedWebP(480, 270, frames: 300), fileName: "clip.webp"))).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("png-phys")]
    [InlineData("png-ztxt")]
    [InlineData("jpeg-app13")]
    [InlineData("webp-chunk")]
    public void Check_blocks_a_damaged_picture_whose_header_looks_fine(string damage)
    {
        var bytes = damage switch
        {
            "png-phys" => TestImages.PngWith(TestImages.PngChunk("pHYs", [0, 0, 0, 1])),
            "png-ztxt" => TestImages.PngWith(TestImages.PngChunk("zTXt", [0x41, 0])),
            "jpeg-app13" => TestImages.JpegWithApp13([.. "Photoshop 3.0\0"u8.ToArray(), .. "8BIM"u8.ToArray(), 0x04, 0x04, 0x40, 0, 0, 0, 0, 0]),
            _ => [.. TestImages.WebPLossy(8, 8)[..19], 0x7F, .. TestImages.WebPLossy(8, 8)[20..]],
        };

        var finding = Run(_rule, WithImages(Image(bytes, fileName: "assembly.jpg"))).ShouldHaveSingleItem();

        finding.Severity.ShouldBe(Severity.Block);
        finding.Message.ShouldContain("(assembly.jpg) is damaged");
    }
}
