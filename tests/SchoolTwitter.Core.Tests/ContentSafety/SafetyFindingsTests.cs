using SchoolTwitter.Core.CodeOfConduct;
using SchoolTwitter.Core.ContentSafety;
using SchoolTwitter.Core.Drafts;

namespace SchoolTwitter.Core.Tests.ContentSafety;

public sealed class SafetyFindingsTests
{
    private static readonly SafetyThresholds Thresholds = new(BlockAtSeverity: 4, PeopleConfidence: 0.6);

    private static DraftImage Photo(bool noPupils = false, params string[] pupils) =>
        new("class.jpg", new byte[] { 1 }, "A class photo", pupils, noPupils, OwnedBySchool: true);

    private static Draft DraftWith(params DraftImage[] images) => new("d1", "Our trip to the museum.", "slt@school.example", images);

    private static TextSafety CleanText { get; } = new([new(HarmCategories.Hate, 0), new(HarmCategories.Sexual, 0)], ProtectedMaterial: false);

    private static ImageSafety ImageWith(params double[] people) => new([new(HarmCategories.Sexual, 0)], people);

    private static IReadOnlyList<Finding> Text(params CategorySeverity[] categories) =>
        SafetyFindings.For(DraftWith(), new SafetyAnalysis(new TextSafety(categories, false), []), Thresholds);

    [Fact]
    public void All_severities_zero_gives_no_findings() =>
        SafetyFindings.For(DraftWith(Photo(noPupils: true)), new SafetyAnalysis(CleanText, [ImageWith()]), Thresholds).ShouldBeEmpty();

    [Theory]
    [InlineData(HarmCategories.Hate, 4, "hateful")]
    [InlineData(HarmCategories.Sexual, 6, "sexual")]
    [InlineData(HarmCategories.Violence, 4, "violent")]
    [InlineData(HarmCategories.SelfHarm, 6, "self-harm")]
    public void Text_at_or_above_the_threshold_blocks(string category, int severity, string words)
    {
        var finding = Text(new CategorySeverity(category, severity)).ShouldHaveSingleItem();
        finding.Rule.ShouldBe(RuleIds.ContentSafety);
        finding.Severity.ShouldBe(Severity.Block);
        finding.Message.ShouldContain(words);
        finding.Message.ShouldContain($"severity {severity}");
    }

    [Theory]
    [InlineData(HarmCategories.Hate, 2)]
    [InlineData(HarmCategories.Violence, 3)]
    public void Text_below_the_threshold_but_above_zero_warns(string category, int severity)
    {
        var finding = Text(new CategorySeverity(category, severity)).ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Warn);
        finding.Message.ShouldContain("the text");
    }

    [Fact]
    public void The_threshold_comes_from_the_school_settings()
    {
        var strict = new SafetyThresholds(BlockAtSeverity: 2);
        var finding = SafetyFindings.For(DraftWith(), new SafetyAnalysis(new TextSafety([new(HarmCategories.Hate, 2)], false), []), strict).ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Block);
    }

    [Fact]
    public void An_unknown_category_is_still_reported() =>
        Text(new CategorySeverity("Weapons", 6)).ShouldHaveSingleItem().Message.ShouldContain("Weapons");

    [Fact]
    public void Protected_material_is_a_copyright_warning()
    {
        var findings = SafetyFindings.For(DraftWith(), new SafetyAnalysis(new TextSafety([], ProtectedMaterial: true), []), Thresholds);
        var finding = findings.ShouldHaveSingleItem();
        finding.Rule.ShouldBe(RuleIds.ProtectedMaterial);
        finding.Severity.ShouldBe(Severity.Warn);
        finding.Message.ShouldContain("song lyrics");
    }

    [Fact]
    public void An_unsuitable_image_blocks_and_names_the_image()
    {
        var analysis = new SafetyAnalysis(CleanText, [new ImageSafety([new(HarmCategories.Sexual, 6)], [])]);
        var finding = SafetyFindings.For(DraftWith(Photo(noPupils: true)), analysis, Thresholds).ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Block);
        finding.Message.ShouldContain("image 1 (class.jpg)");
    }

    [Fact]
    public void A_borderline_image_warns()
    {
        var analysis = new SafetyAnalysis(CleanText, [new ImageSafety([new(HarmCategories.Violence, 2)], [])]);
        SafetyFindings.For(DraftWith(Photo(noPupils: true)), analysis, Thresholds).ShouldHaveSingleItem().Severity.ShouldBe(Severity.Warn);
    }

    [Fact]
    public void People_in_a_photo_declared_to_show_no_pupils_warn_with_the_count()
    {
        var analysis = new SafetyAnalysis(CleanText, [ImageWith(0.95, 0.9, 0.81, 0.7, 0.66, 0.61)]);
        var finding = SafetyFindings.For(DraftWith(Photo(noPupils: true)), analysis, Thresholds).ShouldHaveSingleItem();
        finding.Rule.ShouldBe(RuleIds.PeopleInPhoto);
        finding.Severity.ShouldBe(Severity.Warn);
        finding.Message.ShouldContain("shows 6 people; the draft declares no pupils pictured");
    }

    [Fact]
    public void People_below_the_confidence_threshold_are_not_counted() =>
        SafetyFindings.For(DraftWith(Photo(noPupils: true)), new SafetyAnalysis(CleanText, [ImageWith(0.59, 0.2)]), Thresholds).ShouldBeEmpty();

    [Fact]
    public void One_person_at_exactly_the_threshold_is_counted() =>
        SafetyFindings.For(DraftWith(Photo(noPupils: true)), new SafetyAnalysis(CleanText, [ImageWith(0.6)]), Thresholds)
            .ShouldHaveSingleItem().Message.ShouldContain("shows 1 person;");

    [Fact]
    public void More_people_than_pupils_declared_warns_with_both_counts()
    {
        var analysis = new SafetyAnalysis(CleanText, [ImageWith(0.95, 0.9, 0.81, 0.7, 0.66, 0.61)]);
        var finding = SafetyFindings.For(DraftWith(Photo(false, "P001", "P002")), analysis, Thresholds).ShouldHaveSingleItem();
        finding.Message.ShouldContain("This photo (image 1, class.jpg) shows 6 people; the draft declares 2 pupils");
    }

    [Fact]
    public void One_pupil_declared_reads_in_the_singular() =>
        SafetyFindings.For(DraftWith(Photo(false, "P001")), new SafetyAnalysis(CleanText, [ImageWith(0.9, 0.9)]), Thresholds)
            .ShouldHaveSingleItem().Message.ShouldContain("declares 1 pupil.");

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    public void As_many_or_fewer_people_than_pupils_declared_is_fine(int found)
    {
        var analysis = new SafetyAnalysis(CleanText, [ImageWith(Enumerable.Repeat(0.9, found).ToArray())]);
        SafetyFindings.For(DraftWith(Photo(false, "P001", "P002")), analysis, Thresholds).ShouldBeEmpty();
    }

    [Fact]
    public void Each_image_is_compared_with_its_own_declaration()
    {
        var analysis = new SafetyAnalysis(CleanText, [ImageWith(0.9), ImageWith(0.9, 0.9, 0.9)]);
        var finding = SafetyFindings.For(DraftWith(Photo(false, "P001"), Photo(false, "P002")), analysis, Thresholds).ShouldHaveSingleItem();
        finding.Message.ShouldContain("image 2");
        finding.Message.ShouldContain("shows 3 people");
    }

    [Fact]
    public void An_analysis_that_does_not_cover_every_image_is_refused() =>
        Should.Throw<ArgumentException>(() => SafetyFindings.For(DraftWith(Photo(noPupils: true)), new SafetyAnalysis(CleanText, []), Thresholds));

    [Fact]
    public void Could_not_run_sends_the_draft_to_review_with_a_plain_reason()
    {
        var finding = SafetyFindings.CouldNotRun("the service did not answer");
        finding.Rule.ShouldBe(RuleIds.ContentSafety);
        finding.Severity.ShouldBe(Severity.Warn);
        finding.Message.ShouldStartWith("The second check could not run (the service did not answer)");
        Verdict.From("d1", 10, [finding]).Outcome.ShouldBe(VerdictOutcome.Review);
    }

    [Fact]
    public void Inbound_text_reads_the_categories_alone()
    {
        var findings = SafetyFindings.ForText(new TextSafety([new(HarmCategories.Hate, 6), new(HarmCategories.Sexual, 2)], true), Thresholds);
        findings.Select(f => f.Severity).ShouldBe([Severity.Block, Severity.Warn]);
        findings.ShouldAllBe(f => f.Rule == RuleIds.ContentSafety);
    }
}
