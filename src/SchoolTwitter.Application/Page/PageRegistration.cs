using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Security;

namespace SchoolTwitter.Application.Page;

/// <summary>Registers what the SLT page adds to the services the HTTP API already uses (after the platform, drafts, followers and rotation).</summary>
public static class PageRegistration
{
    public static IServiceCollection AddSltPage(this IServiceCollection services)
    {
        services.TryAddSingleton<DraftCancellationService>();
        services.TryAddSingleton<SltAgreement>();
        services.TryAddSingleton<SltMembershipService>();
        services.TryAddTransient<RecentDrafts>();
        services.TryAddTransient<ReviewItems>();
        services.TryAddTransient<ModerationIncidents>();
        services.TryAddTransient<FollowPolicyOverview>();
        services.TryAddTransient<RosterSummary>();
        services.TryAddTransient<AuditSearch>();
        return services;
    }
}
