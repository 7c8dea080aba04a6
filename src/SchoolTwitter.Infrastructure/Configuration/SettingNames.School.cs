namespace SchoolTwitter.Infrastructure.Configuration;

public static partial class SettingNames
{
    /// <summary>The school's name, which the account's profile must show (weekly profile check).</summary>
    public const string SchoolName = "School__Name";

    /// <summary>The school's website, which the account's profile must link to.</summary>
    public const string SchoolWebsite = "School__Website";

    /// <summary>The school's own X handle (without @): what an impersonator copies.</summary>
    public const string SchoolHandle = "School__Handle";

    /// <summary>Other names the school goes by, separated by ';' (any of them in the profile counts).</summary>
    public const string SchoolNameVariants = "School__NameVariants";
}
