using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SchoolTwitter.Application.ContentSafety;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.Page;
using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Application.History;
using SchoolTwitter.Application.Profile;
using SchoolTwitter.Application.Protection;
using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Followers;
using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Text;

namespace SchoolTwitter.Application;

/// <summary>
/// Registers the application services, the code of conduct they run, and their settings. The ports they need (stores, X,
/// Key Vault, queue, notifier, audit log) come from Infrastructure's AddInfrastructure; either may be called first.
/// </summary>
public static class DependencyInjection
{
    /// <summary>The configuration section of the X settings (X__AccountId, X__ReplySettings, ...).</summary>
    public const string XSection = "X";

    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        AddSettings(services);
        ContentSafetyRegistration.AddSecondOpinion(services);

        services.TryAddSingleton(TimeProvider.System);
        // One LexiconSet per process, shared by the checker, follower assessment and moderation.
        services.TryAddSingleton(_ => LexiconSet.Load());
        services.TryAddSingleton(sp => CodeOfConductFactory.Create(sp.GetRequiredService<LexiconSet>()));
        services.TryAddSingleton(sp => new OffensiveLanguage(sp.GetRequiredService<LexiconSet>()));
        services.TryAddSingleton(sp => FollowerKeywords.From(sp.GetRequiredService<LexiconSet>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SchoolIdentityOptions>>().Value.Identity());
        services.TryAddSingleton<FollowerAssessor>();

        services.TryAddSingleton<DraftVerdicts>();
        services.TryAddSingleton<SltPageLinks>();
        services.TryAddSingleton<DraftOutcomeNotifier>();
        services.TryAddSingleton<DraftScheduler>();
        services.TryAddSingleton<DraftApprovalRequest>();
        services.TryAddSingleton<DraftSweepService>();
        services.TryAddSingleton<DraftSubmissionService>();
        services.TryAddSingleton<DraftCheckService>();
        services.TryAddSingleton<DraftApprovalService>();
        services.TryAddSingleton<PublishedDraftRecorder>();
        services.TryAddSingleton<DraftReconciliation>();
        services.TryAddSingleton<DraftPublishService>();
        services.TryAddSingleton<DraftQueryService>();
        services.TryAddSingleton<PoisonDraftService>();
        services.TryAddSingleton<RosterService>();
        services.TryAddSingleton<StaffListService>();

        services.TryAddSingleton<PostRecorder>();
        services.TryAddTransient<ProtectionService>();
        services.TryAddTransient<TakeDownService>();
        services.TryAddSingleton<HistoryAudit>();
        services.TryAddTransient<HistoryAuditService>();

        // Transient: they hold nothing, and the X client they use is a typed HttpClient.
        services.TryAddTransient<FollowPolicyService>();
        services.TryAddTransient<WeeklyFollowerSummary>();
        services.TryAddTransient<ProfileIdentityService>();
        services.TryAddTransient<FollowerScanService>();
        services.TryAddTransient<FollowerReviewService>();
        services.TryAddTransient<InboundModerationService>();

        services.TryAddTransient<TermCalendarService>();
        services.TryAddTransient<RotationCheckService>();
        services.TryAddTransient<CredentialRotationService>();
        services.TryAddTransient<CredentialStatusService>();

        services.TryAddSingleton<ISltDirectory, SltDirectory>();
        services.TryAddSingleton<SltMembershipService>();
        services.TryAddSingleton<SltAgreement>();

        // The SLT page's own reads and actions, over the same services as the HTTP API.
        services.TryAddSingleton<DraftCancellationService>();
        services.TryAddTransient<RecentDrafts>();
        services.TryAddTransient<ReviewItems>();
        services.TryAddTransient<ModerationIncidents>();
        services.TryAddTransient<FollowPolicyOverview>();
        services.TryAddTransient<RosterSummary>();
        services.TryAddTransient<AuditSearch>();
        return services;
    }

    /// <summary>
    /// Every settings class the same way: bound from its section (app settings X__AccountId arrive as X:AccountId), checked,
    /// and checked when the host starts, so a wrong setting stops the app with its name instead of failing the first draft.
    /// The school's account id is an X setting; the classes that need it also bind the X section (later sections win).
    /// </summary>
    private static void AddSettings(IServiceCollection services)
    {
        services.AddOptions<DraftPipelineOptions>()
            .BindConfiguration(XSection)
            .Validate(o => DraftPipelineOptions.ReplySettingsValues.Contains(o.ReplySettings),
                $"{Setting(XSection, nameof(DraftPipelineOptions.ReplySettings))} must be one of: {string.Join(", ", DraftPipelineOptions.ReplySettingsValues)}.")
            .ValidateOnStart();

        services.AddOptions<FollowerOptions>()
            .BindConfiguration(FollowerOptions.SectionName)
            .BindConfiguration(XSection)
            .Validate(o => !string.IsNullOrWhiteSpace(o.AccountId), AccountIdMissing)
            .Validate(o => o.InvocationBudget > TimeSpan.Zero, $"{Setting(FollowerOptions.SectionName, nameof(FollowerOptions.InvocationBudget))} must be positive.")
            .Validate(o => TimeOnly.TryParseExact(o.ScanTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                $"{Setting(FollowerOptions.SectionName, nameof(FollowerOptions.ScanTime))} must be HH:mm (UK time).")
            .ValidateOnStart();

        services.AddOptions<RotationOptions>()
            .BindConfiguration(RotationOptions.SectionName)
            .BindConfiguration(XSection)
            .Validate(o => !string.IsNullOrWhiteSpace(o.AccountId), AccountIdMissing)
            .ValidateOnStart();

        // Optional, so a deployment without them still starts; the weekly summary then says they are missing.
        services.AddOptions<SchoolIdentityOptions>()
            .BindConfiguration(SchoolIdentityOptions.SectionName)
            .Validate(o => string.IsNullOrWhiteSpace(o.Website) || SchoolIdentityOptions.IsWebsite(o.Website),
                $"{Setting(SchoolIdentityOptions.SectionName, nameof(SchoolIdentityOptions.Website))} must be the school's website as an absolute URL, e.g. https://www.oakfield.sch.uk.")
            .ValidateOnStart();

        // A list of roles in the role setting would silently grant no one: the roles claim holds one role per value.
        services.AddOptions<SltOptions>()
            .BindConfiguration(SltOptions.SectionName)
            .Validate(o => o.AppRole is null || !o.AppRole.Any(c => c == ',' || c == ';' || char.IsWhiteSpace(c)),
                $"{Setting(SltOptions.SectionName, nameof(SltOptions.AppRole))} must be one app role name (SLT groups go in {Setting(SltOptions.SectionName, nameof(SltOptions.GroupIds))}).")
            .ValidateOnStart();

        // The cards' buttons open the SLT page on the app's own host unless a custom domain is set.
        services.AddOptions<SltPageOptions>()
            .BindConfiguration(SltPageOptions.SectionName)
            .PostConfigure<IConfiguration>((o, configuration) =>
            {
                if (string.IsNullOrWhiteSpace(o.PublicBaseUrl) && configuration[SltPageLinks.HostNameSetting] is { Length: > 0 } host)
                {
                    o.PublicBaseUrl = "https://" + host;
                }
            })
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicBaseUrl) || SltPageLinks.IsBaseUrl(o.PublicBaseUrl),
                $"{Setting(SltPageOptions.SectionName, nameof(SltPageOptions.PublicBaseUrl))} must be an https:// address with no query or fragment.")
            .ValidateOnStart();
    }

    private static readonly string AccountIdMissing = $"{Setting(XSection, "AccountId")} must be set to the school's X user id.";

    /// <summary>The app setting's name (X__AccountId) for a section and property, as SettingNames spells it.</summary>
    public static string Setting(string section, string property) => $"{section}__{property}";
}
