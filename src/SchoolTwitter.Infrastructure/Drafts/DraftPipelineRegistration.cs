using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Infrastructure.Configuration;
using SchoolTwitter.Infrastructure.Images;

namespace SchoolTwitter.Infrastructure.Drafts;

/// <summary>Registers the draft pipeline services and their stores.</summary>
public static class DraftPipelineRegistration
{
    /// <summary>The reply_settings values X accepts (plus "everyone": the field is omitted).</summary>
    public static readonly IReadOnlyList<string> ReplySettingsValues = ["following", "mentionedUsers", "subscribers", "verified", "everyone"];

    public static IServiceCollection AddDraftPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DraftPipelineOptions>()
            .Configure(o =>
            {
                if (Setting(configuration, SettingNames.XReplySettings) is { Length: > 0 } replies) o.ReplySettings = replies.Trim();
                if (Setting(configuration, SettingNames.XAccountId) is { Length: > 0 } account) o.AccountId = account.Trim();
            })
            .Validate(o => ReplySettingsValues.Contains(o.ReplySettings), $"{SettingNames.XReplySettings} must be one of: {string.Join(", ", ReplySettingsValues)}.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        // One LexiconSet per process, shared with follower assessment and moderation.
        services.TryAddSingleton(_ => LexiconSet.Load());
        services.TryAddSingleton(sp => CodeOfConductFactory.Create(sp.GetRequiredService<LexiconSet>()));
        // Storage clients (TableServiceClient, BlobServiceClient), IXAccount, IAuditLog, INotifier, IMessageQueue: AddPlatform.
        services.AddSingleton<IDraftStore, TableDraftStore>();
        services.AddSingleton<IDraftMediaStore, BlobDraftMediaStore>();
        services.AddSingleton<IPupilRosterStore, TablePupilRosterStore>();
        services.AddSingleton<IImageSanitiser, ImageSharpSanitiser>();

        services.AddSingleton<DraftVerdicts>();
        services.AddSingleton<DraftOutcomeNotifier>();
        services.AddSingleton<DraftScheduler>();
        services.AddSingleton<DraftApprovalRequest>();
        services.AddSingleton<DraftSweepService>();
        services.AddSingleton<DraftSubmissionService>();
        services.AddSingleton<DraftCheckService>();
        services.AddSingleton<DraftApprovalService>();
        services.AddSingleton<PublishedDraftRecorder>();
        services.AddSingleton<DraftReconciliation>();
        services.AddSingleton<DraftPublishService>();
        services.AddSingleton<DraftQueryService>();
        services.AddSingleton<PoisonDraftService>();
        services.AddSingleton<RosterService>();
        return services;
    }

    /// <summary>App settings arrive as environment variables (X__ReplySettings), which configuration keys as X:ReplySettings.</summary>
    private static string? Setting(IConfiguration configuration, string name) =>
        configuration[name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)];
}
