using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Notifications;

namespace SchoolTwitter.Application.ContentSafety;

/// <summary>The two cards of an outage of the second check: once when it starts, once when the service answers again.</summary>
public static class SecondCheckNotifications
{
    public const string OutageKind = "second-check.outage";
    public const string RestoredKind = "second-check.restored";

    /// <summary>What the cards are about, for the flow's records.</summary>
    public const string Subject = "second-check";

    public static Notification Outage(DateTimeOffset since, string reason) =>
        new(OutageKind, "The second check (Azure AI) is not answering: drafts now wait for an SLT member",
            [new("Since", DraftOutcomeNotifier.When(since)), new("What went wrong", reason)],
            Text: "Nothing is posted on the rules alone. Until the service answers again, every draft that passes the rules waits for an SLT member " +
                  "to approve it (\"the second check could not run\"), and replies and mentions it could not check go to the review list.\n" +
                  "This is the only message about this outage; another comes when the service answers again.")
        {
            Sections =
            [
                new("What to do", [
                    new("Approve a waiting draft only after reading its text and looking at every picture yourself."),
                    new("Ask council IT to check the school's Azure AI resource: that it is running, that the app's identity still has the Cognitive Services User role, and its usage limits."),
                ], Numbered: true),
            ],
            Buttons = [new("See drafts waiting", PagePlace.Drafts), new("See replies and mentions", PagePlace.Moderation)],
            Subject = Subject,
        };

    public static Notification Restored(DateTimeOffset since, DateTimeOffset back) =>
        new(RestoredKind, "The second check (Azure AI) is answering again",
            [new("Not answering from", DraftOutcomeNotifier.When(since)), new("Answering again", DraftOutcomeNotifier.When(back))],
            Text: "New drafts, replies and mentions are checked by it again. Drafts that went to the approval list while it was down were not: " +
                  "approve them only after looking at every picture yourself.")
        {
            Buttons = [new("See drafts waiting", PagePlace.Drafts)],
            Subject = Subject,
        };
}
