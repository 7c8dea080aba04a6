using SchoolTwitter.Application.X;
using SchoolTwitter.Core.Followers;

namespace SchoolTwitter.Application.Followers;

internal static class FollowerMapping
{
    public static FollowerProfile ToProfile(this XUser user) => new(
        user.Id,
        user.Username,
        user.Name,
        user.Description,
        user.Url,
        user.Location,
        user.CreatedAt,
        user.FollowersCount,
        user.FollowingCount,
        user.PostCount,
        user.DefaultProfileImage,
        user.ProfileImageUrl);

    public static FollowerReviewItem ToReviewItem(this FollowerProfile profile, FollowerAssessment assessment, DateTimeOffset now) => new(
        profile.Id,
        ReviewKind.Follower,
        profile.Id,
        profile.Handle,
        profile.Name,
        profile.ProfileLink,
        assessment.Suggestion,
        assessment.Reasons,
        now,
        FollowersCount: profile.FollowersCount,
        FollowingCount: profile.FollowingCount,
        PictureUrl: profile.PictureUrl);
}
