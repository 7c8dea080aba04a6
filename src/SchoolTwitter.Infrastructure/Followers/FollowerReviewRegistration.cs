using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Core.Followers;
using SchoolTwitter.Core.Lexicons;
using SchoolTwitter.Core.Text;
using SchoolTwitter.Infrastructure.Configuration;
using SchoolTwitter.Infrastructure.X;

namespace SchoolTwitter.Infrastructure.Followers;

/// <summary>Registers follower review, follow policy and inbound moderation.</summary>
public static class FollowerReviewRegistration
{
    public static IServiceCollection AddFollowerReview(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FollowerOptions>()
            .BindConfiguration(FollowerOptions.SectionName)
            .Configure<IOptions<XApiOptions>>((o, x) => o.AccountId = x.Value.AccountId ?? o.AccountId)
            .Validate(o => o.AccountId.Length > 0, $"{SettingNames.XAccountId} must be set to the school's X user id.")
            .Validate(o => o.InvocationBudget > TimeSpan.Zero, $"{SettingNames.FollowerInvocationBudget} must be positive.")
            .Validate(o => TimeOnly.TryParseExact(o.ScanTime, "HH:mm", out _), $"{SettingNames.FollowerScanTime} must be HH:mm (UK time).");

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => LexiconSet.Load());
        services.TryAddSingleton(sp => new OffensiveLanguage(sp.GetRequiredService<LexiconSet>()));
        services.TryAddSingleton(sp => FollowerKeywords.From(sp.GetRequiredService<LexiconSet>()));
        services.TryAddSingleton<FollowerAssessor>();

        services.TryAddSingleton<FollowerTables>();
        services.TryAddSingleton<IFollowerStore, TableFollowerStore>();
        services.TryAddSingleton<IFollowerCheckpointStore, TableFollowerCheckpointStore>();
        services.TryAddSingleton<IFollowerReviewStore, TableFollowerReviewStore>();
        services.TryAddSingleton<IApprovedFollowStore, TableApprovedFollowStore>();

        services.TryAddTransient<FollowPolicyService>();
        services.TryAddTransient<WeeklyFollowerSummary>();
        services.TryAddTransient<FollowerScanService>();
        services.TryAddTransient<FollowerReviewService>();
        services.TryAddTransient<InboundModerationService>();
        return services;
    }
}
