namespace SchoolTwitter.Core.Followers;

/// <summary>
/// An adult account seeking private contact with children, or "DM me" aimed at children or parents of young children
/// (NSPCC and CEOP's signs of online grooming): a request for contact (DM me, add me on Discord, Snap:) with a child audience
/// (kids, teens, little ones, aged 8-12) is worth a look; with a grooming ask as well (photos, young friends, free Robux,
/// passwords, no DBS, in my home) it should be blocked.
/// </summary>
internal static class GroomingRisk
{
    public sealed record Finding(bool Block, IReadOnlyList<string> Contact, IReadOnlyList<string> Child, IReadOnlyList<string> Ask);

    public static Finding? Check(ComponentSignal grooming, string text)
    {
        var contact = grooming.Find("contact", text);
        var child = grooming.Find("child", text);
        if (contact.Count == 0 || child.Count == 0) return null;
        var ask = grooming.Find("ask", text);
        return new Finding(ask.Count > 0, contact, child, ask);
    }
}
