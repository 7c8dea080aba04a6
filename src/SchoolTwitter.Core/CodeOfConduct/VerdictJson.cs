using System.Text.Json;

namespace SchoolTwitter.Core.CodeOfConduct;

/// <summary>The verdict's wire JSON: {"id","verdict":"pass|review|blocked","weightedLength","findings":[{"rule","severity":"block|warn","message","start","length","suggestion"}]}.</summary>
public static class VerdictJson
{
    // SKELETON: the CLI implementation fills this in.
    public static void Write(Utf8JsonWriter writer, Verdict verdict) => throw new NotImplementedException();

    public static string Serialize(Verdict verdict) => throw new NotImplementedException();
}
