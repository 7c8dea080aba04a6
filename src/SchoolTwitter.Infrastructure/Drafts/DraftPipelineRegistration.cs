using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SchoolTwitter.Infrastructure.Drafts;

/// <summary>Registers the draft pipeline services and their stores.</summary>
public static class DraftPipelineRegistration
{
    public static IServiceCollection AddDraftPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
