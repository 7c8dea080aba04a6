using System.Text;

namespace SchoolTwitter.Core.Text.TwitterTextImpl;

/// <summary>RFC 3492 punycode, only as far as twitter-text needs it: the length of a label's ACE ("xn--…") form.</summary>
internal static class Punycode
{
    private const int Base = 36, TMin = 1, TMax = 26, Skew = 38, Damp = 700, InitialBias = 72, InitialN = 128;

    /// <summary>
    /// The length of <c>xn--</c> + punycode of the label after a simple nameprep (lower case, NFKC), or -1 when Java's
    /// IDN.toASCII would refuse it (a non-ASCII label that already starts with the ACE prefix, or invalid UTF-16).
    /// </summary>
    public static int EncodedLabelLength(ReadOnlySpan<char> label)
    {
        if (label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase))
        {
            return -1;
        }
        string prepared;
        try
        {
            prepared = label.ToString().ToLowerInvariant().Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return -1; // Lone surrogates or noncharacters: IDN.toASCII refuses the host too.
        }
        if (Ascii.IsValid(prepared))
        {
            return prepared.Length;
        }
        var codePoints = new List<int>(prepared.Length);
        foreach (var rune in prepared.EnumerateRunes()) codePoints.Add(rune.Value);

        var output = 0;
        var basic = 0;
        foreach (var cp in codePoints)
        {
            if (cp < 0x80) basic++;
        }
        output += basic;
        var handled = basic;
        if (basic > 0) output++; // delimiter
        int n = InitialN, delta = 0, bias = InitialBias;
        while (handled < codePoints.Count)
        {
            var m = int.MaxValue;
            foreach (var cp in codePoints)
            {
                if (cp >= n && cp < m) m = cp;
            }
            delta += (m - n) * (handled + 1);
            n = m;
            foreach (var cp in codePoints)
            {
                if (cp < n) delta++;
                if (cp != n) continue;
                var q = delta;
                for (var k = Base; ; k += Base)
                {
                    var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                    if (q < t) break;
                    output++;
                    q = (q - t) / (Base - t);
                }
                output++;
                bias = Adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled++;
            }
            delta++;
            n++;
        }
        return "xn--".Length + output;
    }

    private static int Adapt(int delta, int numPoints, bool firstTime)
    {
        delta = firstTime ? delta / Damp : delta / 2;
        delta += delta / numPoints;
        var k = 0;
        while (delta > ((Base - TMin) * TMax) / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }
        return k + (((Base - TMin + 1) * delta) / (delta + Skew));
    }
}
