using SchoolTwitter.LocalTrial.Trial;
using SchoolTwitter.Testing.Azurite;

// LOCAL TRIAL: `dotnet run --project tests/SchoolTwitter.LocalTrial [-- --port 7080]`. Starts Azurite (from the repo's
// node_modules), the fake X, the fake webhook and an in-memory Key Vault, puts in sample data, and serves the Functions
// app's HTTP functions on this computer only (127.0.0.1). Production runs on Azure Functions.
var port = args.Length >= 2 && args[0] == "--port" && int.TryParse(args[1], out var p) ? p : 7080;

var azurite = new AzuriteFixture();
Console.WriteLine("Starting the local trial (Azurite, a pretend X, sample data)…");
await azurite.InitializeAsync();
try
{
    await using var school = await TrialSchool.StartAsync(azurite, sampleData: true, port: port);
    Console.WriteLine();
    Console.WriteLine("  " + TrialSchool.Notice);
    Console.WriteLine($"  Open {school.Host.BaseAddress}.auth/login/aad?post_login_redirect_uri=/api/page and choose who to be.");
    Console.WriteLine("  Sign in as Tom Price to approve Amina Hughes's drafts, and the other way round (four eyes).");
    var rotated = SchoolTwitter.Testing.FakeX.FakeXServer.NewCredentials();
    school.Services.X.AcceptCredentials(rotated, school.Services.X.AccountId);
    Console.WriteLine("  To try Credentials, paste these pretend values (the pretend X accepts them):");
    Console.WriteLine($"    API key {rotated.ConsumerKey}  API key secret {rotated.ConsumerSecret}");
    Console.WriteLine($"    Access token {rotated.AccessToken}  Access token secret {rotated.AccessTokenSecret}");
    Console.WriteLine("  Press Ctrl+C to stop; everything is kept in memory and forgotten.");
    var stop = new TaskCompletionSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
    await stop.Task;
}
finally
{
    await azurite.DisposeAsync();
}
