using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SchoolTwitter.Infrastructure;

/// <summary>Registers the X client, Azure Storage clients, audit log, notifier, message queue.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
