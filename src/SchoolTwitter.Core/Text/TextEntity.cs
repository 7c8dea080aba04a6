namespace SchoolTwitter.Core.Text;

public enum TextEntityKind
{
    Url,
    Hashtag,
    Mention,
    Cashtag,
}

/// <summary>A twitter-text entity in a draft; Start/Length are UTF-16 indices into the text.</summary>
public readonly record struct TextEntity(TextEntityKind Kind, int Start, int Length, string Value)
{
    public int End => Start + Length;
}
