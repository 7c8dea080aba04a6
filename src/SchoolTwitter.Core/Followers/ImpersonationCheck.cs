using System.Text;

namespace SchoolTwitter.Core.Followers;

/// <summary>
/// Does an account pass itself off as the school? Its handle or display name compared with the school's, after folding look-alike
/// letters ("Αshworth" with a Greek Alpha), leetspeak ("Ashw0rth") and separators, within a small edit distance ("Ashworth Gren").
/// Words that say what the account is to the school ("PTA", "Governors", "Year 6", "Friends of") make it a linked account, not
/// an impersonation; words that claim to be official ("Official", "News", ✅) or offer a prize make it worse.
/// </summary>
internal sealed class ImpersonationCheck
{
    public const int EstablishedDays = 90;

    private readonly SchoolIdentity _school;
    private readonly string? _handleKey;
    private readonly string[] _nameKeys;
    private readonly IReadOnlySet<string> _generic;
    private readonly IReadOnlySet<string> _official;
    private readonly IReadOnlySet<string> _relation;
    private readonly IReadOnlySet<string> _giveaway;
    private readonly WordSegmenter _segmenter;

    public ImpersonationCheck(SchoolIdentity school, FollowerKeywords keywords, WordSegmenter segmenter)
    {
        _school = school;
        _generic = keywords.SchoolWordsOf("generic");
        _official = keywords.SchoolWordsOf("official");
        _relation = keywords.SchoolWordsOf("relation");
        _giveaway = keywords.SchoolWordsOf("giveaway");
        _segmenter = segmenter;
        _handleKey = school.Handle is null ? null : Key(school.Handle);
        _nameKeys = school.Names.Select(n => Core(Words(n)).Key).Where(k => k.Length >= 4).Distinct().ToArray();
    }

    /// <summary>What the account's name and handle say about its relation to the school.</summary>
    public sealed record Finding(bool Impersonates, bool Linked, bool ClaimsOfficial, bool Giveaway, string Evidence);

    public Finding? Check(FollowerProfile profile)
    {
        if (!_school.IsSet) return null;
        var handle = profile.Handle.TrimStart('@');
        if (_school.Handle is not null && string.Equals(handle, _school.Handle, StringComparison.OrdinalIgnoreCase)) return null; // the school itself

        var name = Core(Words(profile.Name));
        var byName = _nameKeys.FirstOrDefault(k => Near(name.Key, k));
        var byHandle = HandleFinding(handle);
        if (byName is null && byHandle is null) return null;

        var linked = name.Relation || (byHandle?.Relation ?? false);
        var official = name.Official || (byHandle?.Official ?? false) || profile.Name.Contains('✅') || profile.Name.Contains('✔');
        var giveaway = name.Giveaway || (byHandle?.Giveaway ?? false);
        var evidence = byName is not null
            ? $"the name \"{profile.Name}\" reads as {_school.Name}"
            : $"the handle @{handle} reads as {_school.Describe()}";
        return new Finding(!linked || official || giveaway, linked, official, giveaway, evidence);
    }

    private (bool Relation, bool Official, bool Giveaway)? HandleFinding(string handle)
    {
        var key = Key(handle);
        // The school's name with words around it first: "AshworthGreenPTA" is the PTA, though it is one edit from "AshworthGreenPS".
        foreach (var core in _nameKeys.Append(_handleKey ?? "").Where(k => k.Length >= 6))
        {
            var at = key.IndexOf(core, StringComparison.Ordinal);
            if (at < 0) continue;
            var rest = key.Remove(at, core.Length);
            if (rest.Length == 0 || _official.Contains(rest) || _generic.Contains(rest)) return (false, rest.Length > 0 && _official.Contains(rest), false);
            var words = _segmenter.Split(rest);
            var relation = _relation.Contains(rest) || words.Any(_relation.Contains);
            var giveaway = _giveaway.Contains(rest) || words.Any(_giveaway.Contains);
            var official = words.All(w => _official.Contains(w) || _generic.Contains(w));
            if (relation || giveaway || official) return (relation, official, giveaway);
        }
        return _handleKey is not null && Near(key, _handleKey) ? (false, false, false) : null;
    }

    private (string Key, bool Relation, bool Official, bool Giveaway) Core(IReadOnlyList<string> words)
    {
        var sb = new StringBuilder();
        bool relation = false, official = false, giveaway = false;
        foreach (var w in words)
        {
            if (_relation.Contains(w)) relation = true;
            else if (_official.Contains(w)) official = true;
            else if (_giveaway.Contains(w)) giveaway = true;
            else if (!_generic.Contains(w)) sb.Append(w);
        }
        return (sb.ToString(), relation, official, giveaway);
    }

    /// <summary>Folded words of letters: "Αshworth Green Primary ✅" → ashworth, green, primary.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var raw in KeywordList.Normalise(ProfileText.UndoLeetBetweenLetters(text), leet: false)
                     .Split([' ', '-', '_', '.', ',', '|', '/', '&', '(', ')', '!', ':'], StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new string(raw.Where(char.IsLetter).ToArray());
            if (raw.EndsWith("'s", StringComparison.Ordinal) && letters.Length > 1) letters = letters[..^1]; // "Mary's" → "mary"
            if (letters.Length > 0) words.Add(letters);
        }
        return words;
    }

    /// <summary>A handle or name as letters only: folded, leetspeak read as letters, separators dropped.</summary>
    internal static string Key(string text)
    {
        var normal = KeywordList.Normalise(text, leet: true);
        return new string(normal.Where(char.IsLetter).ToArray());
    }

    /// <summary>Within one edit for short keys, two for keys of ten letters or more.</summary>
    internal static bool Near(string candidate, string target)
    {
        if (candidate.Length == 0 || target.Length == 0) return false;
        var allowed = target.Length >= 10 ? 2 : target.Length >= 6 ? 1 : 0;
        return Math.Abs(candidate.Length - target.Length) <= allowed && EditDistance(candidate, target, allowed) <= allowed;
    }

    /// <summary>Optimal string alignment distance (a swap of two neighbours counts once), stopping early past <paramref name="limit"/>.</summary>
    internal static int EditDistance(string a, string b, int limit = int.MaxValue)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > limit) return rowMin;
        }
        return d[a.Length, b.Length];
    }
}
