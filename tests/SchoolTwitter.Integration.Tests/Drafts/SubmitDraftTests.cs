using System.Text;
using System.Text.Json.Nodes;
using SchoolTwitter.Application.Drafts;
using SchoolTwitter.Functions.Drafts;
using SchoolTwitter.Testing.Azurite;

namespace SchoolTwitter.Integration.Tests.Drafts;

/// <summary>Every bad submission is a clear 4xx naming what is wrong, never a 500, and stores nothing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SubmitDraftTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private DraftTestKit _kit = null!;
    private string _slt = null!;
    private DateTimeOffset _start;

    public async Task InitializeAsync()
    {
        _kit = await DraftTestKit.StartAsync(azurite);
        _slt = await _kit.NewSltMemberAsync();
        _start = DateTimeOffset.UtcNow;
    }

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task Submit_accepts_a_draft_from_an_slt_member_with_202_id_and_status_url()
    {
        var reply = await _kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), _slt));

        reply.Status.ShouldBe(202);
        var id = reply.Str("id");
        reply.Str("status").ShouldBe("received");
        reply.Str("statusUrl").ShouldBe($"https://schooltwitter.example/api/drafts/{id}");
        var stored = (await _kit.DraftAsync(id)).ShouldNotBeNull();
        stored.SubmittedBy.ShouldBe(_slt);
        (await _kit.VisibleMessagesAsync("drafts-to-check", id)).ShouldBe(1);
        (await _kit.AuditAsync(id)).ShouldContain(e => e.Action == DraftAuditActions.Submitted && e.Actor == _slt);
    }

    [Fact]
    public async Task Submit_refuses_malformed_json_with_400_naming_the_document()
    {
        var reply = await _kit.SubmitRawAsync("{\"text\": \"Sports day is on Friday.\", "u8.ToArray());
        await ShouldBeRefusedAsync(reply, 400, "$");
    }

    [Fact]
    public async Task Submit_refuses_wrong_types_with_400_naming_the_field()
    {
        var reply = await _kit.SubmitRawAsync(Encoding.UTF8.GetBytes($"{{\"text\": 42, \"submittedBy\": \"{_slt}\"}}"));
        await ShouldBeRefusedAsync(reply, 400, "text");
    }

    [Fact]
    public async Task Submit_refuses_a_draft_without_text()
    {
        var reply = await _kit.SubmitAsync(new JsonObject { ["submittedBy"] = _slt });
        await ShouldBeRefusedAsync(reply, 400, "text");
    }

    [Fact]
    public async Task Submit_refuses_a_10_MB_text_with_400_not_500()
    {
        var reply = await _kit.SubmitAsync(DraftTestKit.DraftJson(new string('a', 10 * 1024 * 1024), _slt));
        await ShouldBeRefusedAsync(reply, 400, "text");
    }

    [Fact]
    public async Task Submit_refuses_a_body_over_the_bound_with_413()
    {
        var body = new byte[(int)SubmitDraft.MaxBodyBytes + 1];
        Array.Fill(body, (byte)' ');
        var reply = await _kit.SubmitRawAsync(body);
        reply.Status.ShouldBe(413);
        reply.ContentType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Submit_refuses_invalid_base64_naming_the_image_field()
    {
        var image = DraftTestKit.Image(TestImages.Png());
        image["contentBase64"] = "not base64 at all!";
        var reply = await _kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), _slt, media: [image]));
        await ShouldBeRefusedAsync(reply, 400, "media[0].contentBase64");
    }

    [Fact]
    public async Task Submit_refuses_a_text_file_named_like_a_photo()
    {
        var letter = DraftTestKit.Image("Dear parents, sports day is on Friday."u8.ToArray(), "photo.jpg");
        var reply = await _kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), _slt, media: [letter]));
        await ShouldBeRefusedAsync(reply, 400, "media[0].contentBase64");
    }

    [Theory]
    [MemberData(nameof(TestImages.Damaged), MemberType = typeof(TestImages))]
    public async Task Submit_refuses_a_damaged_photo_with_400_not_500(string damage, byte[] bytes)
    {
        var photo = DraftTestKit.Image(bytes, "assembly.jpg");
        var reply = await _kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), _slt, media: [photo]));
        await ShouldBeRefusedAsync(reply, 400, "media[0].contentBase64");
        reply.Body!["detail"]!.GetValue<string>().ShouldContain("assembly.jpg", customMessage: damage);
    }

    [Fact]
    public async Task Submit_refuses_five_images()
    {
        var media = new JsonArray();
        for (var i = 0; i < 5; i++) media.Add(DraftTestKit.Image(TestImages.Png(), $"photo{i}.png"));
        var reply = await _kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), _slt, media: media));
        await ShouldBeRefusedAsync(reply, 400, "media");
    }

    [Fact]
    public async Task Submit_refuses_a_submitter_not_on_the_slt_list_with_403_and_audits_it()
    {
        var outsider = $"parent-{Guid.NewGuid():N}@example.com";
        var reply = await _kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), outsider));

        await ShouldBeRefusedAsync(reply, 403, null);
        (await _kit.AuditAsync("draft")).ShouldContain(e => e.Action == DraftAuditActions.Refused && e.Actor == outsider);
    }

    [Fact]
    public async Task Submit_refuses_a_missing_submitter_without_a_principal()
    {
        var reply = await _kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), submittedBy: null));
        await ShouldBeRefusedAsync(reply, 403, null);
    }

    [Fact]
    public async Task Submit_refuses_a_forged_principal_even_when_the_body_names_an_slt_member()
    {
        var headers = new Dictionary<string, string> { ["X-MS-CLIENT-PRINCIPAL"] = "eyJub3QiOiJhIHByaW5jaXBhbCJ9" };
        var reply = await _kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), _slt), headers);

        await ShouldBeRefusedAsync(reply, 401, null);
        (await _kit.AuditAsync("draft")).ShouldContain(e => e.Action == DraftAuditActions.Refused && e.Outcome.Contains("forged"));
    }

    [Fact]
    public async Task Submit_refuses_a_signed_in_user_without_the_slt_role()
    {
        var teacher = $"teacher-{Guid.NewGuid():N}@school.example";
        var reply = await _kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), _slt), DraftTestKit.Principal(teacher));
        await ShouldBeRefusedAsync(reply, 403, null);
    }

    [Fact]
    public async Task Submit_accepts_a_signed_in_user_with_the_slt_role_as_the_submitter()
    {
        var head = $"head-{Guid.NewGuid():N}@school.example";
        var reply = await _kit.SubmitAsync(DraftTestKit.DraftJson(DraftTestKit.UniqueText(), submittedBy: null), await _kit.SignedSltAsync(head));

        reply.Status.ShouldBe(202);
        (await _kit.DraftAsync(reply.Str("id")))!.SubmittedBy.ShouldBe(head);
    }

    [Fact]
    public async Task Get_answers_404_for_an_unknown_or_malformed_id_and_400_for_one_no_store_could_take()
    {
        (await _kit.GetAsync(Guid.NewGuid().ToString("N"))).Status.ShouldBe(404);
        (await _kit.GetAsync("not-a-draft-id")).Status.ShouldBe(404);
        var traversal = await _kit.GetAsync("../../etc/passwd");
        traversal.Status.ShouldBe(400);
        traversal.Str("field").ShouldBe("id");
    }

    /// <summary>The answer is the given 4xx as problem+json (naming <paramref name="field"/>), and no draft was stored.</summary>
    private async Task ShouldBeRefusedAsync(Reply reply, int status, string? field)
    {
        reply.Status.ShouldBe(status, reply.Body?.ToJsonString());
        reply.ContentType.ShouldBe("application/problem+json");
        reply.Body!["detail"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        if (field is not null)
        {
            reply.Body!["errors"]!.AsObject().Select(e => e.Key).ShouldContain(field);
        }
        // Nothing stored: no draft row, no image blob.
        (await _kit.StoredSinceAsync(_start)).ShouldBe(0);
    }
}
