using System.Text;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Core.Tests.Structure;

/// <summary>The quick check must give ICU's answer: a wrong "already NFC" would miscount a draft's length.</summary>
public sealed class NfcQuickCheckTests
{
    [Theory]
    [InlineData("Hello")]
    [InlineData("Café and crème brûlée")]
    [InlineData("We’re “delighted” – well done… 👍🏽 🇬🇧 ❤️")]
    [InlineData("Cafe\u0301")] // combining acute composes with e
    [InlineData("\u212B ngström")] // the angstrom sign is a singleton: NFC makes it Å
    [InlineData("\u0958")] // a composition exclusion
    [InlineData("\u1100\u1161")] // conjoining jamo make a syllable
    [InlineData("\uAC00\u11A8")] // a syllable takes a trailing jamo
    [InlineData("a\u0315\u0300")] // marks out of canonical order
    [InlineData("\U0001D15E")] // a musical symbol with a canonical decomposition
    [InlineData("lone \uD800 surrogate")]
    [InlineData("\uFFFE")]
    public void Gives_the_runtime_normalisers_answer(string text) => NfcQuickCheck.IsNfc(text).ShouldBe(Runtime(text));

    [Fact]
    public void Every_bmp_character_after_a_letter_and_before_a_combining_mark_gets_the_runtime_answer()
    {
        var wrong = new List<string>();
        foreach (var c in BmpCharacters())
        {
            // After a letter (composition with the character before), before a mark (composition with the one after),
            // and after a mark of high combining class (canonical reordering).
            foreach (var text in new[] { c.ToString(), "e" + c, c + "\u0301", "x\u0315" + c })
            {
                if (NfcQuickCheck.IsNfc(text) != Runtime(text))
                {
                    wrong.Add($"U+{(int)c:X4} in {string.Join(' ', text.Select(ch => $"U+{(int)ch:X4}"))}");
                }
            }
        }
        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void Every_pair_a_canonical_decomposition_is_made_of_gets_the_runtime_answer()
    {
        // Such a character can compose with the one before it, so a text holding it is not NFC just by its characters.
        var wrong = new List<string>();
        foreach (var c in BmpCharacters())
        {
            string decomposed;
            try
            {
                decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            }
            catch (ArgumentException)
            {
                continue;
            }
            foreach (var later in decomposed.Skip(1).Where(ch => !char.IsSurrogate(ch)))
            {
                var pair = decomposed[0] + later.ToString();
                if (NfcQuickCheck.IsNfc(pair) != Runtime(pair))
                {
                    wrong.Add($"U+{(int)later:X4} (from U+{(int)c:X4})");
                }
            }
        }
        wrong.Distinct().ShouldBeEmpty();
    }

    private static IEnumerable<char> BmpCharacters() =>
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => !char.IsSurrogate(c));

    private static bool Runtime(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
