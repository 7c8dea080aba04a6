using SchoolTwitter.Application;
using SchoolTwitter.Application.ContentSafety;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Application.Followers;
using SchoolTwitter.Application.Notifications;
using SchoolTwitter.Application.Protection;
using SchoolTwitter.Application.Rotation;
using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.Followers;
using SchoolTwitter.Core.Rotation;

namespace SchoolTwitter.Integration.Tests.Notifications;

/// <summary>
/// One notification of every kind (and every variant of a kind), made by the application's own builders from realistic
/// inputs: what the webhook would receive. Names and texts include markdown and HTML that must stay plain text.
/// </summary>
internal static class CardSamples
{
    public const string BaseUrl = "https://stw-oakfield.example";
    public const string DraftId = "0123456789abcdef0123456789abcdef";
    public const string Submitter = "jo_smith@oakfield.example";
    public const string HeadTeacher = "head@oakfield.example";

    public static SltPageLinks Links { get; } = SltPageLinks.WithBaseUrl(BaseUrl);

    private static readonly DateTimeOffset SubmittedAt = new(2026, 12, 1, 8, 45, 0, TimeSpan.Zero);

    public static DraftRecord Draft(DraftStatus status, params Finding[] findings) => new()
    {
        Id = DraftId,
        Text = "Year 4 enjoyed a brilliant trip to the museum today.\nThank you to all the parents who helped! #Trips #Year4",
        SubmittedBy = Submitter,
        Images = [new("museum.jpg", "Pupils looking at a dinosaur skeleton.", [], NoPupilsPictured: true, OwnedBySchool: true, "image/jpeg", 120_000)],
        ContentHash = new string('a', 64),
        Status = status,
        SubmittedAt = SubmittedAt,
        UpdatedAt = SubmittedAt.AddMinutes(20),
        Verdict = findings.Length == 0 ? null : Verdict.From(DraftId, 110, findings),
    };

    public static readonly Finding TextSpeak = new(RuleIds.TextSpeak, Severity.Block, "“gr8” is text language; the code of conduct asks for Standard English.", 10, 3, "great");
    public static readonly Finding Named = new(RuleIds.PupilName, Severity.Block, "A pupil's first name appears alongside a picture of pupils.");
    public static readonly Finding Spelling = new(RuleIds.Spelling, Severity.Warn, "“musuem” is not in the word list: check the spelling.", 40, 6, "museum");
    public static readonly Finding Hashtag = new(RuleIds.HashtagPosition, Severity.Warn, "Hashtags go at the end of the tweet.");

    /// <summary>Every sample, named "kind" or "kind (variant)".</summary>
    public static IReadOnlyList<(string Name, Notification Notification)> All()
    {
        var opened = new RotationCycle("2026-27-autumn", CycleKind.Termly, "2026-27-autumn", new DateOnly(2026, 9, 2), "A new term began: Autumn term 2026/27.", [0]);
        var run = new FollowerScanRun
        {
            RunId = "run-2026-11-30", Slot = new DateOnly(2026, 11, 30), Mode = FollowerScanMode.Reconciliation, StartedAt = SubmittedAt,
            NewFollowers = 14, Flagged = 3, BlocksConfirmed = 1, Unfollowed = 2,
        };
        var quiet = new FollowerScanRun { RunId = "run-2026-12-07", Slot = new DateOnly(2026, 12, 7), Mode = FollowerScanMode.Incremental, StartedAt = SubmittedAt, NewFollowers = 2 };

        return
        [
            (DraftOutcomeNotifier.Blocked, DraftOutcomeNotifier.ForBlocked(Draft(DraftStatus.Blocked, TextSpeak, Named, Spelling))),
            (DraftOutcomeNotifier.AwaitingApproval, DraftOutcomeNotifier.ForAwaitingApproval(Draft(DraftStatus.AwaitingApproval, Spelling, Hashtag) with { ScheduledFor = SubmittedAt.AddDays(1) })),
            (DraftOutcomeNotifier.Published, DraftOutcomeNotifier.ForPublished(Draft(DraftStatus.Published) with { TweetId = "1860000000000000001", TweetUrl = "https://x.com/i/web/status/1860000000000000001" })),
            (DraftOutcomeNotifier.Failed, DraftOutcomeNotifier.ForFailed(Draft(DraftStatus.Failed) with { FailureReason = "X refused the post: the text is over 280 characters." })),
            (DraftOutcomeNotifier.Failed + " (unreadable message)", PoisonDraftService.UnreadableAlert(QueueNames.DraftsToPublishPoison)),
            (DraftOutcomeNotifier.HeldBack, DraftOutcomeNotifier.ForHeldBack(Draft(DraftStatus.Blocked))),
            (DraftOutcomeNotifier.NeedsReconciliation, DraftOutcomeNotifier.ForNeedsReconciliation(Draft(DraftStatus.NeedsReconciliation) with { FailureReason = "X's answer was lost: the connection dropped." })),
            (WeeklyFollowerSummary.Kind, WeeklyFollowerSummary.Build(run, Pending(), [new("901", "RandomShop", "Random *Shop* <b>deals</b>")])),
            (WeeklyFollowerSummary.Kind + " (quiet week)", WeeklyFollowerSummary.Build(quiet, [], [])),
            (RotationNotifications.OpenedKind, RotationNotifications.For(new RotationAlert(AlertKind.Opened, opened, 0), HeadTeacher)),
            (RotationNotifications.ReminderKind, RotationNotifications.For(new RotationAlert(AlertKind.Reminder, opened.WithAlert(3), 3), HeadTeacher)),
            (RotationNotifications.EscalatedKind, RotationNotifications.For(new RotationAlert(AlertKind.Escalation, opened.WithAlert(14), 14), HeadTeacher)),
            (RotationNotifications.RotatedKind, RotationNotifications.Rotated(opened, "deputy@oakfield.example", new DateTimeOffset(2027, 4, 10, 0, 0, 0, TimeSpan.Zero))),
            (SecondCheckNotifications.OutageKind, SecondCheckNotifications.Outage(SubmittedAt, "Azure AI text analysis answered 500")),
            (SecondCheckNotifications.RestoredKind, SecondCheckNotifications.Restored(SubmittedAt, SubmittedAt.AddHours(2))),
            (ProtectionService.AlertKind, ProtectionService.AlertCard(Case, TakeDownPlan(TakeDownState.Pending))),
            (ProtectionService.AlertKind + " (no live post)", ProtectionService.AlertCard(Case with { BlockedDraftIds = [] }, [])),
            (TakeDownService.ReportKind, TakeDownService.ReportCard(new TakeDownReport(Case, TakeDownPlan(TakeDownState.Removed)))),
            (TakeDownService.ReportKind + " (some not removed)", TakeDownService.ReportCard(new TakeDownReport(Case,
                [.. TakeDownPlan(TakeDownState.Removed).Take(1), new TakeDownItem("1860000000000000003", "pictured", SubmittedAt.AddDays(-40), TakeDownState.NotRemoved, 3, "X answered 403")]))),
            (TakeDownService.StalledKind, TakeDownService.StalledCard(new TakeDownReport(Case, TakeDownPlan(TakeDownState.Pending)), TakeDownPlan(TakeDownState.Pending))),
        ];
    }

    /// <summary>A protection case as the roster upload opens it: the pupil by id and initials only.</summary>
    private static ProtectionCase Case { get; } = new()
    {
        Id = "pc-0123456789abcdef",
        PupilId = "P0042",
        PupilInitials = "A. <b>N.</b>",
        Trigger = ProtectionTrigger.ConsentWithdrawn,
        OpenedBy = "roster upload",
        OpenedAt = SubmittedAt,
        Status = ProtectionCaseStatus.AwaitingConfirmation,
        BlockedDraftIds = [DraftId],
    };

    private static List<TakeDownItem> TakeDownPlan(TakeDownState state) =>
    [
        new("1860000000000000001", "pictured", SubmittedAt.AddDays(-30), state),
        new("1860000000000000002", "named in the text", SubmittedAt.AddDays(-10), state),
    ];

    /// <summary>The kinds the application sends: every public kind constant of the classes that build notifications.</summary>
    public static IReadOnlySet<string> KindConstants() =>
        new[] { typeof(DraftOutcomeNotifier), typeof(RotationNotifications), typeof(WeeklyFollowerSummary), typeof(SecondCheckNotifications),
                typeof(ProtectionService), typeof(TakeDownService) }
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(v => System.Text.RegularExpressions.Regex.IsMatch(v, "^[a-z][a-z-]*\\.[a-z-]+$"))
            .ToHashSet();

    private static List<FollowerReviewItem> Pending()
    {
        var flagged = new DateTimeOffset(2026, 11, 30, 7, 5, 0, TimeSpan.Zero);
        return
        [
            new("101", ReviewKind.Follower, "101", "win_big_4829", "Win [FREE](https://evil.example) _prizes_", FollowerLinks.Profile("win_big_4829"),
                FollowerSuggestion.Block, [new("digit-run-handle", "The handle ends in a long run of digits, as spam accounts' often do.", 30)], flagged),
            new("102", ReviewKind.Follower, "102", "newparent", "New Parent", FollowerLinks.Profile("newparent"),
                FollowerSuggestion.Review, [new("new-account", "The account is less than a week old.", 10)], flagged),
            new(FollowerReviewItem.PostReviewId("555"), ReviewKind.Reply, "103", null, null, "https://x.com/i/user/103",
                FollowerSuggestion.Block, [new("offensive-reply", "Offensive language (insult): \"idiot\".", FollowerAssessor.Decisive)], flagged,
                PostId: "555", PostText: "you idiot", PostLink: FollowerLinks.Post("555"), ReplyHidden: true, Muted: true),
            new(FollowerReviewItem.PostReviewId("556"), ReviewKind.Mention, "104", null, null, "https://x.com/i/user/104",
                FollowerSuggestion.Block, [new("offensive-mention", "Offensive language (insult): \"idiot\".", FollowerAssessor.Decisive)], flagged,
                PostId: "556", PostText: "@school idiot", PostLink: FollowerLinks.Post("556")),
        ];
    }
}
