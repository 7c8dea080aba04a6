namespace SchoolTwitter.Core.Drafts;

/// <summary>Reads the draft JSON (the same for the CLI and the HTTP API) into a <see cref="Draft"/>, naming the field of every error.</summary>
public static class DraftReader
{
    // SKELETON: the CLI implementation fills this in.
    public static InputResult<Draft> Parse(string json) => throw new NotImplementedException();

    public static InputResult<Draft> Parse(ReadOnlySpan<byte> utf8Json) => throw new NotImplementedException();
}
