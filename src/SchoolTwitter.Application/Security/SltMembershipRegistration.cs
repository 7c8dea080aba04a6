using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SchoolTwitter.Application.Security;

/// <summary>Registers <see cref="SltMembershipService"/> (needs AddPlatform's ISltMemberList and IAuditLog).</summary>
public static class SltMembershipRegistration
{
    public static IServiceCollection AddSltMembership(this IServiceCollection services)
    {
        services.TryAddSingleton<SltMembershipService>();
        return services;
    }
}
