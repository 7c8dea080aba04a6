namespace SchoolTwitter.Core.Text;

public enum TextEntityKind
{
    Url,
    Hashtag,
    Mention,
    Cashtag,
}

/// <summary>
/// A twitter-text entity in a draft; Start/Length are UTF-16 indices into the text. Value is the URL as written, the
/// hashtag without "#", the screen name without "@" (a list mention spans "@name/list"), or the cashtag without "$".
/// </summary>
public readonly record struct TextEntity(TextEntityKind Kind, int Start, int Length, string Value)
{
    public int End => Start + Length;
}
