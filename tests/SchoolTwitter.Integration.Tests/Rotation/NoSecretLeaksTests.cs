using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using SchoolTwitter.Application;
using SchoolTwitter.Application.Audit;
using SchoolTwitter.Application.X;
using SchoolTwitter.Functions.Rotation;
using SchoolTwitter.Infrastructure.Configuration;
using SchoolTwitter.Infrastructure.Rotation;
using SchoolTwitter.Testing.Azurite;
using SchoolTwitter.Testing.FakeX;
using SchoolTwitter.Testing.TestHost;

using SchoolTwitter.Testing.KeyVault;

namespace SchoolTwitter.Integration.Tests.Rotation;

/// <summary>
/// Everything that can fail in a rotation, run through the production registrations with every log line captured; then
/// every log line, exception, HTTP answer, audit entry, notification, table row and Key Vault tag is searched for every
/// credential value that passed through. None may appear.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class NoSecretLeaksTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task No_credential_value_appears_anywhere_whatever_fails()
    {
        var ct = CancellationToken.None;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 9, 2, 7, 0, 0, TimeSpan.Zero));
        var vault = new FakeKeyVault(time);
        var accountId = "19" + Random.Shared.NextInt64(10_000_000_000_000_000, 99_999_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var host = await SchoolTwitterTestHost.StartAsync(azurite, o =>
        {
            o.Time = time;
            o.Settings[SettingNames.XAccountId] = accountId;
            o.Settings[SettingNames.HeadTeacherContact] = "head@school.example";
            o.ConfigureServices = s => s.Replace(ServiceDescriptor.Singleton(vault.Client()));
        });
        var initial = FakeXServer.NewCredentials();
        host.X.AcceptCredentials(initial, accountId);
        foreach (var (name, value) in KeyVaultCredentialVaultTests.Pairs(initial)) vault.Seed(name, value, new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero), createdOn: new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));

        var secrets = new List<XCredentials> { initial };
        XCredentials New(string? acceptFor = null)
        {
            var c = FakeXServer.NewCredentials();
            if (acceptFor is not null) host.X.AcceptCredentials(c, acceptFor);
            secrets.Add(c);
            return c;
        }

        var responses = new List<string>();
        var exceptions = new List<string>();
        async Task Submit(string body, string? as_ = "deputy@school.example")
        {
            try
            {
                var (status, _, text) = await FunctionCall.RenderAsync(
                    await Platform.HttpFunctions.InvokeAsync<SubmitRotatedCredentials>(host.Services, FunctionCall.Request("POST", body, as_)));
                responses.Add($"{status} {text}");
            }
            catch (Exception e)
            {
                exceptions.Add(e.ToString());
            }
        }

        // The timer opens the cycle while the webhook is failing.
        host.Webhook.FailNext(2);
        await ActivatorUtilities.CreateInstance<CredentialRotationCheck>(host.Services).Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), ct);

        // Not SLT, carrying real-looking credentials.
        await Submit(SchoolYearTests.Json(New(accountId)), as_: null);
        // Malformed: a value with a space, a number, a missing field.
        var malformed = New();
        await Submit($$"""{"consumerKey":"{{malformed.ConsumerKey}} {{malformed.ConsumerSecret}}","consumerSecret":{{malformed.ConsumerSecret.Length}},"accessToken":"{{malformed.AccessToken}}"}""");
        await Submit($$"""{"consumerKey":"{{malformed.AccessTokenSecret}}""");
        // The installed tokens again (not regenerated); X says 401; another account's; X unavailable.
        secrets.Add(host.X.Credentials);
        await Submit(SchoolYearTests.Json(host.X.Credentials));
        await Submit(SchoolYearTests.Json(New()));
        await Submit(SchoolYearTests.Json(New("1777777777777777777")));
        host.X.InjectFault("GET", "/2/users/me", FakeFault.ServerError500, times: 5);
        await Submit(SchoolYearTests.Json(New(accountId)));
        host.X.ClearFaults();
        // Key Vault fails part-way (and the restore puts the old values back).
        vault.Fail("PUT", SecretNames.AccessToken);
        await Submit(SchoolYearTests.Json(New(accountId)));
        // Key Vault unreadable for the status page.
        vault.Fail("GET", SecretNames.ConsumerKey, times: 1);
        var status = await FunctionCall.RenderAsync(await Platform.HttpFunctions.InvokeAsync<GetCredentialStatus>(host.Services, FunctionCall.Request("GET", null, "head@school.example")));
        responses.Add(status.Body);
        // Success, then a second submission while a claim is live.
        var installed = New(accountId);
        await Submit(SchoolYearTests.Json(installed));
        var (state, etag) = await host.Get<Application.Rotation.IRotationStore>().GetStateAsync(ct);
        await host.Get<Application.Rotation.IRotationStore>().SaveStateAsync(state with { Claim = new Application.Rotation.RotationClaim("x", "bursar@school.example", time.GetUtcNow()) }, etag, ct);
        await Submit(SchoolYearTests.Json(New(accountId)));
        // The X client's source meets an expired secret and a disabled one.
        var source = host.Get<KeyVaultXCredentialSource>();
        time.Advance(TimeSpan.FromDays(200));
        try { await source.GetAsync(ct); } catch (Exception e) { exceptions.Add(e.ToString()); }
        vault.Seed(SecretNames.AccessTokenSecret, installed.AccessTokenSecret, enabled: false);
        source.Invalidate();
        try { await source.GetAsync(ct); } catch (Exception e) { exceptions.Add(e.ToString()); }
        await ActivatorUtilities.CreateInstance<CredentialRotationCheck>(host.Services).Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), ct);

        // Everything that was said or stored.
        var audit = new List<AuditEntry>();
        var rows = new List<string>();
        var table = host.Get<TableServiceClient>().GetTableClient(TableNames.RotationCycles);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == accountId, cancellationToken: ct))
        {
            rows.Add(string.Join(";", row.Select(p => $"{p.Key}={p.Value}")));
            audit.AddRange(await host.Get<IAuditLog>().ReadAsync(row.RowKey.Replace("cycle-", ""), ct));
        }

        audit.AddRange(await host.Get<IAuditLog>().ReadAsync("credentials", ct));
        var tags = SecretNames.All.SelectMany(vault.VersionsOf).SelectMany(v => v.Tags.Select(t => $"{t.Key}={t.Value}"));
        var notifications = host.Webhook.Received.Select(n => n.ToJsonString());
        var everything = new StringBuilder()
            .AppendJoin('\n', host.Logs.Entries.Select(e => e.ToString())).Append('\n')
            .AppendJoin('\n', exceptions).Append('\n')
            .AppendJoin('\n', responses).Append('\n')
            .AppendJoin('\n', audit.Select(a => a.ToString())).Append('\n')
            .AppendJoin('\n', rows).Append('\n')
            .AppendJoin('\n', tags).Append('\n')
            .AppendJoin('\n', notifications).ToString();

        // The run did meet every failure (so the search below means something).
        responses.ShouldContain(r => r.StartsWith("401 "), "the caller who is not signed in");
        responses.Count(r => r.StartsWith("400 ")).ShouldBe(2);
        responses.Count(r => r.StartsWith("422 ")).ShouldBe(3);
        responses.Count(r => r.StartsWith("503 ")).ShouldBe(2);
        responses.ShouldContain(r => r.StartsWith("200 "));
        responses.ShouldContain(r => r.StartsWith("409 "));
        exceptions.Count.ShouldBe(2);
        host.Logs.Entries.ShouldContain(e => e.Message.Contains("refused by X (401)"));
        host.Logs.Entries.ShouldContain(e => e.Message.Contains("restoring"));
        audit.ShouldContain(a => a.Action == "credentials.rotated");
        vault.VersionsOf(SecretNames.AccessToken).ShouldContain(v => v.Value == installed.AccessToken);

        foreach (var value in secrets.SelectMany(c => new[] { c.ConsumerKey, c.ConsumerSecret, c.AccessToken, c.AccessTokenSecret }))
            everything.ShouldNotContain(value, Case.Sensitive);
    }
}
