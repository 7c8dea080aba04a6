using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Functions.Http;

namespace SchoolTwitter.Functions.Security;

/// <summary>What the SLT list routes share: mapping a <see cref="SltMembershipResult"/> to HTTP.</summary>
internal static class SltMembersHttp
{
    public const long BodyLimitBytes = 4 * 1024;

    public static IActionResult Map(SltMembershipResult result, string? email) => result.Outcome switch
    {
        SltMembershipOutcome.Listed => Ok(new { members = result.Members }, StatusCodes.Status200OK),
        SltMembershipOutcome.Added => Ok(result.Members[0], StatusCodes.Status201Created),
        SltMembershipOutcome.Updated => Ok(result.Members[0], StatusCodes.Status200OK),
        SltMembershipOutcome.Removed => new NoContentResult(),
        SltMembershipOutcome.NotFound => ProblemResults.NotFound($"{email} is not on the SLT list."),
        _ => ProblemResults.BadRequest(result.Errors),
    };

    private static ContentResult Ok(object value, int status) => JsonAnswers.Ok(value, status);
}
