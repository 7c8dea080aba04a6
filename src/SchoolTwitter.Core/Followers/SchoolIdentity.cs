namespace SchoolTwitter.Core.Followers;

/// <summary>
/// Who the school is on X, from settings (School__Name, School__Handle, School__NameVariants,
/// School__Website): what an impersonator copies, and what a parent or the PTA mentions.
/// </summary>
/// <param name="Name">"Ashworth Green Primary School".</param>
/// <param name="Handle">The school's own handle, without @.</param>
/// <param name="Variants">Other names people use: "Ashworth Green Primary", "AGPS".</param>
/// <param name="Website">The school's own site (its host counts as a verified link).</param>
public sealed record SchoolIdentity(string Name, string? Handle, IReadOnlyList<string> Variants, string? Website = null)
{
    public static SchoolIdentity None { get; } = new("", null, []);

    public bool IsSet => Name.Length > 0 || !string.IsNullOrEmpty(Handle);

    /// <summary>The name and every variant, longest first.</summary>
    public IEnumerable<string> Names => new[] { Name }.Concat(Variants).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(n => n.Length);

    /// <summary>From settings: variants separated by ";" or ",".</summary>
    public static SchoolIdentity From(string? name, string? handle, string? variants, string? website = null) => new(
        name?.Trim() ?? "",
        string.IsNullOrWhiteSpace(handle) ? null : handle.Trim().TrimStart('@'),
        (variants ?? "").Split([';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        string.IsNullOrWhiteSpace(website) ? null : website.Trim());

    /// <summary>How the checks describe the school: "Ashworth Green Primary School (@AshworthGreenPS)".</summary>
    public string Describe() => Handle is null ? Name : Name.Length == 0 ? "@" + Handle : $"{Name} (@{Handle})";
}
