using SchoolTwitter.Core.Media;

namespace SchoolTwitter.Core.Tests.Structure;

/// <summary>The container walk that finds damage and counts frames without decoding (issue 10, defects 1 and 6).</summary>
public sealed class ImageStructureTests
{
    private static ImageStructure Read(byte[] bytes) => ImageStructure.Read(bytes, ImageSniffer.Sniff(bytes).ShouldNotBeNull());

    [Fact]
    public void Sound_still_pictures_are_one_frame_of_their_own_pixels()
    {
        foreach (var image in new[] { TestImages.Png(3, 2), TestImages.Gif(3, 2), TestImages.Jpeg(3, 2), TestImages.WebPLossy(3, 2), TestImages.WebPLossless(3, 2) })
        {
            Read(image).ShouldBe(new ImageStructure(1, 6, null));
        }
    }

    [Fact]
    public void An_animated_gif_costs_every_frame_s_whole_canvas()
    {
        var structure = Read(TestImages.AnimatedGif(4000, 4000, frames: 12));
        structure.Fault.ShouldBeNull();
        structure.Frames.ShouldBe(12);
        structure.DecodedPixels.ShouldBe(12L * 4000 * 4000);
    }

    [Fact]
    public void A_gif_frame_larger_than_its_screen_costs_its_own_area() =>
        Read([.. TestImages.Gif(1, 1)[..19], 0x2C, 0, 0, 0, 0, 0xA0, 0x0F, 0xA0, 0x0F, 0, 0x02, 0x01, 0x2C, 0x00, 0x3B])
            .DecodedPixels.ShouldBe(4000L * 4000);

    [Fact]
    public void An_animated_webp_costs_every_frame_s_whole_canvas()
    {
        var structure = Read(TestImages.AnimatedWebP(2000, 1000, frames: 5, frameWidth: 10, frameHeight: 10));
        structure.Fault.ShouldBeNull();
        structure.Frames.ShouldBe(5);
        structure.DecodedPixels.ShouldBe(5L * 2000 * 1000);
    }

    [Fact]
    public void An_animated_webp_frame_outside_its_canvas_is_damage() =>
        Read(TestImages.AnimatedWebP(100, 100, frames: 1, frameWidth: 101, frameHeight: 10)).Fault.ShouldNotBeNull().ShouldContain("outside");

    public static TheoryData<string, byte[], string> Damaged() => new()
    {
        // Decoders threw ArgumentOutOfRangeException and IndexOutOfRangeException on these (with valid CRCs).
        { "pHYs of 4 bytes", TestImages.PngWith(TestImages.PngChunk("pHYs", [0, 0, 0, 1])), "pHYs chunk is 4 bytes long instead of 9" },
        { "empty pHYs", TestImages.PngWith(TestImages.PngChunk("pHYs", [])), "pHYs" },
        { "zTXt without its method byte", TestImages.PngWith(TestImages.PngChunk("zTXt", [0x41, 0])), "compressed PNG text" },
        { "iTXt cut short", TestImages.PngWith(TestImages.PngChunk("iTXt", [0x41, 0, 1])), "international PNG text" },
        { "tEXt without a keyword", TestImages.PngWith(TestImages.PngChunk("tEXt", [0, 0x41])), "no keyword" },
        { "corrupt CRC", Flip(TestImages.Png(), 30), "checksum" },
        { "no IEND", TestImages.Png()[..^12], "cut short" },
        { "chunk longer than the file", TestImages.Png()[..^20], "ends in the middle" },
        // A Photoshop resource name longer than the APP13 segment (a decoder threw ArgumentOutOfRangeException).
        { "APP13 name overflow", TestImages.JpegWithApp13([.. "Photoshop 3.0\0"u8.ToArray(), .. "8BIM"u8.ToArray(), 0x04, 0x04, 0x40, 0, 0, 0, 0, 0]), "Photoshop" },
        { "APP13 resource overflow", TestImages.JpegWithApp13([.. "Photoshop 3.0\0"u8.ToArray(), .. "8BIM"u8.ToArray(), 0x04, 0x04, 0, 0, 0x7F, 0, 0, 0, 1, 2]), "resource longer" },
        { "APP13 junk resource", TestImages.JpegWithApp13([.. "Photoshop 3.0\0"u8.ToArray(), .. "8BOM"u8.ToArray(), 0x04, 0x04, 0, 0, 0, 0, 0, 0]), "Photoshop" },
        { "JPEG segment longer than the file", [.. TestImages.Jpeg()[..^2], 0xFF, 0xE1, 0x7F, 0x00, 0xFF, 0xD9], "longer than the file" },
        { "JPEG frame header of the wrong length", Patch(TestImages.Jpeg(), 92, 0x0C), "frame header" },
        { "JPEG cut after its frame header", TestImages.Jpeg()[..^2], "cut short" },
        // A WebP chunk size beyond the file (a decoder threw NullReferenceException).
        { "WebP chunk size beyond the file", Patch(TestImages.WebPLossy(8, 8), 19, 0x7F), "longer than the file" },
        { "WebP RIFF beyond the file", TestImages.WebPLossy(8, 8)[..36], "cut short" },
        { "WebP VP8L of an unknown version", Patch(TestImages.WebPLossless(8, 8), 24, 0xE0), "lossless image header" },
        { "extended WebP without an image", TestImages.Riff([.. TestImages.RiffChunk("VP8X", [0x10, 0, 0, 0, 7, 0, 0, 7, 0, 0]), .. TestImages.RiffChunk("ALPH", [0, 0])]), "no image data" },
        { "animated WebP without frames", TestImages.AnimatedWebP(8, 8, frames: 0), "no frames" },
        { "GIF cut inside a frame", TestImages.AnimatedGif(8, 8, 2)[..^3], "middle of a frame" },
        { "GIF with an unknown block", [.. TestImages.Gif()[..19], 0x99, 0x3B], "unknown block" },
        { "GIF with an impossible code size", Patch(TestImages.Gif(), 29, 0x20), "LZW code size" },
    };

    [Theory]
    [MemberData(nameof(Damaged))]
    public void Damage_is_found_and_named(string what, byte[] bytes, string fault)
    {
        var structure = Read(bytes);
        structure.Fault.ShouldNotBeNull(what);
        structure.Fault.ShouldContain(fault, Case.Insensitive, what);
    }

    [Fact]
    public void Reading_never_throws_on_random_damage_to_real_images()
    {
        var random = new Random(20261201);
        byte[][] sources = [TestImages.Png(8, 8), TestImages.Jpeg(), TestImages.AnimatedGif(8, 8, 3), TestImages.WebPLossy(8, 8), TestImages.AnimatedWebP(8, 8, 2)];
        for (var round = 0; round < 5000; round++)
        {
            var bytes = (byte[])sources[round % sources.Length].Clone();
            for (var k = random.Next(1, 4); k > 0; k--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            var length = random.Next(bytes.Length / 2, bytes.Length + 1);
            var cut = bytes[..length];
            if (ImageSniffer.Sniff(cut) is { } header)
            {
                Should.NotThrow(() => ImageStructure.Read(cut, header));
            }
        }
    }

    private static byte[] Flip(byte[] bytes, int index) => Patch(bytes, index, (byte)(bytes[index] ^ 0x55));

    private static byte[] Patch(byte[] bytes, int index, byte value)
    {
        var copy = (byte[])bytes.Clone();
        copy[index] = value;
        return copy;
    }
}
