using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SchoolTwitter.Application.Security;
using SchoolTwitter.Functions.Security;
using SchoolTwitter.Integration.Tests.Drafts;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.TestHost;

namespace SchoolTwitter.Integration.Tests.Security;

/// <summary>The draft test kit (real services on Azurite, functions called directly) plus the SLT list routes.</summary>
internal sealed class SltMembershipKit : IAsyncDisposable
{
    public const string SltGroupId = "6f1b9a52-0c2e-4d55-9d8e-2f6f3b8e1a10";

    private SltMembershipKit(DraftTestKit drafts) => Drafts = drafts;

    public DraftTestKit Drafts { get; }

    public static async Task<SltMembershipKit> StartAsync(AzuriteFixture azurite, Action<SchoolTwitterTestHostOptions>? configure = null) =>
        new(await DraftTestKit.StartAsync(azurite, configure: o =>
        {
            o.Settings["Slt__GroupIds"] = SltGroupId;
            var earlier = o.ConfigureServices;
            // As Program.cs does: AddSltMembership after the platform.
            o.ConfigureServices = services =>
            {
                earlier?.Invoke(services);
                services.AddSltMembership();
            };
            configure?.Invoke(o);
        }));

    /// <summary>A unique e-mail (tests share one Azurite).</summary>
    public static string NewEmail(string who = "member") => $"{who}-{Guid.NewGuid():N}@school.example";

    /// <summary>Easy Auth headers of a signed-in member of staff holding the SLT app role.</summary>
    public static Dictionary<string, string> SltManager(string? email = null) => DraftTestKit.Principal(email ?? NewEmail("head"), "SLT");

    public async Task<Reply> ListAsync(IDictionary<string, string>? headers) =>
        Reply.From(await Drafts.Function<ListSltMembers>().Run(
            DraftTestKit.Request("GET", "/api/slt/members", [], headers: headers), CancellationToken.None));

    public Task<Reply> PutAsync(string email, IDictionary<string, string>? headers, string? name = null) =>
        PutRawAsync(email, headers, name is null ? "" : new JsonObject { ["name"] = name }.ToJsonString());

    public async Task<Reply> PutRawAsync(string email, IDictionary<string, string>? headers, string body) =>
        Reply.From(await Drafts.Function<PutSltMember>().Run(
            DraftTestKit.Request("PUT", $"/api/slt/members/{Uri.EscapeDataString(email)}", Encoding.UTF8.GetBytes(body), headers: headers, services: Drafts.Host.Services),
            email, CancellationToken.None));

    public async Task<Reply> RemoveAsync(string email, IDictionary<string, string>? headers)
    {
        var result = await Drafts.Function<RemoveSltMember>().Run(
            DraftTestKit.Request("DELETE", $"/api/slt/members/{Uri.EscapeDataString(email)}", [], headers: headers, services: Drafts.Host.Services), email, CancellationToken.None);
        return result is NoContentResult ? new Reply(StatusCodes.Status204NoContent, null, null, result) : Reply.From(result);
    }

    public Task<bool> IsMemberAsync(string email) => Drafts.Get<ISltMemberList>().IsMemberAsync(email, CancellationToken.None);

    public ValueTask DisposeAsync() => Drafts.DisposeAsync();
}
