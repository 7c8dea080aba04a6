using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace SchoolTwitter.Testing.Azurite;

/// <summary>
/// Starts a real Azurite (blob, queue, table; in memory) from the repo's node_modules on free loopback ports.
/// Fails loudly when it cannot start: storage is never mocked and these tests never skip.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime, IDisposable
{
    /// <summary>Azurite's published development account (documented, not a secret).</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const int StartAttempts = 3;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private Process? _process;
    private string? _workspace;
    private readonly StringBuilder _stderr = new();
    private readonly StringBuilder _stdout = new();

    public int BlobPort { get; private set; }
    public int QueuePort { get; private set; }
    public int TablePort { get; private set; }

    public Uri BlobServiceUri => new($"http://127.0.0.1:{BlobPort}/{AccountName}");
    public Uri QueueServiceUri => new($"http://127.0.0.1:{QueuePort}/{AccountName}");
    public Uri TableServiceUri => new($"http://127.0.0.1:{TablePort}/{AccountName}");

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobServiceUri};QueueEndpoint={QueueServiceUri};TableEndpoint={TableServiceUri};";

    private readonly string? _executable;

    public AzuriteFixture()
    {
    }

    /// <summary>Runs the given executable instead of the repo's Azurite (to prove start-up failures are loud).</summary>
    internal AzuriteFixture(string executable) => _executable = executable;

    public async Task InitializeAsync()
    {
        var root = RepoRoot.Find();
        var azurite = _executable ?? Path.Combine(root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            await InstallOnceAsync(root, azurite);
        }

        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {azurite} even after `npm ci` in {root}.");
        }

        Exception? last = null;
        for (var attempt = 1; attempt <= StartAttempts; attempt++)
        {
            try
            {
                await StartAsync(azurite);
                return;
            }
            catch (Exception ex) when (attempt < StartAttempts)
            {
                // A port picked as free may be taken by another test process before Azurite binds it: try new ports.
                last = ex;
                StopProcess();
            }
        }

        throw new InvalidOperationException("Azurite could not start.", last);
    }

    public Task DisposeAsync()
    {
        StopProcess();
        return Task.CompletedTask;
    }

    public void Dispose() => StopProcess();

    private async Task StartAsync(string azurite)
    {
        BlobPort = FreePort();
        QueuePort = FreePort();
        TablePort = FreePort();
        _stderr.Clear();
        _stdout.Clear();

        var workspace = Path.Combine(Path.GetTempPath(), "azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workspace);
        _workspace = workspace;

        var psi = new ProcessStartInfo(azurite)
        {
            // In-memory persistence forbids --location; a scratch working directory keeps stray files out of the repo.
            WorkingDirectory = workspace,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(),
                     "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(),
                     "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(),
                     "--inMemoryPersistence", "--skipApiVersionCheck", "--disableProductStyleUrl", "--disableTelemetry",
                     "--silent", "--loose",
                 })
        {
            psi.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (_stderr) { _stderr.AppendLine(e.Data); } } };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (_stdout) { _stdout.AppendLine(e.Data); } } };
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {azurite}.");
        }

        _process = process;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartTimeout;
        var pending = new List<int> { BlobPort, QueuePort, TablePort };
        while (pending.Count > 0)
        {
            if (process.HasExited)
            {
                // The parameterless wait also drains the redirected output, so stderr is complete.
                process.WaitForExit();
                throw new InvalidOperationException(
                    $"Azurite exited with code {process.ExitCode} before answering. stderr:\n{Stderr()}\nstdout:\n{Stdout()}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"Azurite did not answer on ports {string.Join(", ", pending)} within {StartTimeout}. stderr:\n{Stderr()}\nstdout:\n{Stdout()}");
            }

            foreach (var port in pending.ToArray())
            {
                try
                {
                    // Any HTTP answer (even 400) proves the service is listening.
                    using var response = await http.GetAsync($"http://127.0.0.1:{port}/{AccountName}?comp=list");
                    pending.Remove(port);
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }
            }

            if (pending.Count > 0)
            {
                await Task.Delay(100);
            }
        }
    }

    private string Stderr() { lock (_stderr) { return _stderr.ToString(); } }

    private string Stdout() { lock (_stdout) { return _stdout.ToString(); } }

    private void StopProcess()
    {
        var process = Interlocked.Exchange(ref _process, null);
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                // Only the process this fixture started (and its own children), by id.
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        finally
        {
            process.Dispose();
            TryDeleteWorkspace();
        }
    }

    private void TryDeleteWorkspace()
    {
        var workspace = Interlocked.Exchange(ref _workspace, null);
        try
        {
            if (workspace is not null && Directory.Exists(workspace))
            {
                Directory.Delete(workspace, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Test projects may start in parallel: one `npm ci` per machine at a time, re-checking after the lock.</summary>
    private static async Task InstallOnceAsync(string root, string azurite)
    {
        var lockPath = Path.Combine(Path.GetTempPath(), "schooltwitter-npm-ci-" + (uint)root.GetHashCode(StringComparison.Ordinal) + ".lock");
        var deadline = DateTime.UtcNow.AddMinutes(6);
        while (true)
        {
            try
            {
                await using var gate = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
                if (!File.Exists(azurite))
                {
                    await NpmCiAsync(root);
                }

                return;
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
        }
    }

    private static async Task NpmCiAsync(string root)
    {
        var psi = new ProcessStartInfo("npm")
        {
            WorkingDirectory = root,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("ci");
        psi.ArgumentList.Add("--no-audit");
        psi.ArgumentList.Add("--no-fund");
        using var npm = Process.Start(psi) ?? throw new InvalidOperationException("Could not start npm.");
        var stdout = npm.StandardOutput.ReadToEndAsync();
        var stderr = npm.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await npm.WaitForExitAsync(timeout.Token);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`npm ci` in {root} failed with exit code {npm.ExitCode}:\n{await stderr}\n{await stdout}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
