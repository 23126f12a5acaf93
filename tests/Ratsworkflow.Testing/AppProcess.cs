namespace Ratsworkflow.Testing;

/// <summary>
/// The real server, started as <c>dotnet Ratsworkflow.Functions.dll</c> from the build output of the same
/// configuration as the tests (Debug or Release), on a free port, and ready once it answers. The working directory is
/// the build output, as in an Azure Functions deployment (host.json lies next to the dll). The one helper every test
/// project uses to run the app as a child process (end-to-end, Functions host, reliability).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private AppProcess(ChildProcess process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>What the server logged so far (stdout and stderr); put it in assertion messages when a test fails.</summary>
    public string Output => _process.Output;

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    /// <summary>
    /// Starts the app and waits until <paramref name="readyPath"/> answers: with 200 by default (<c>api/health</c>:
    /// storage reachable), or with anything when <paramref name="anyAnswer"/> (the Functions host's readiness check).
    /// </summary>
    /// <param name="settings">Environment variables for the server (configuration keys as <c>Section__Key</c>).</param>
    /// <param name="baseUrl">Where to wait for it; <c>ASPNETCORE_URLS</c> is set to it unless the settings set it.</param>
    /// <param name="workingDirectory">Where the process starts; the build output unless given (./run.sh starts it from the repository root).</param>
    public static async Task<AppProcess> StartAsync(
        Uri baseUrl, IReadOnlyDictionary<string, string?> settings, TimeSpan timeout, string readyPath = "api/health", bool anyAnswer = false,
        string? workingDirectory = null)
    {
        var dll = AppDll();
        var environment = new Dictionary<string, string?>(settings);
        environment.TryAdd("ASPNETCORE_URLS", baseUrl.ToString().TrimEnd('/'));
        var process = ChildProcess.Start(DotnetHost(), [dll], environment, workingDirectory ?? Path.GetDirectoryName(dll), KeptLog());
        var app = new AppProcess(process, baseUrl);
        try
        {
            await app.WaitUntilReadyAsync(timeout, readyPath, anyAnswer);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>bin/&lt;Configuration&gt;/&lt;tfm&gt;/ of the app, mirroring where this test assembly was built; RW_APP_DLL overrides.</summary>
    public static string AppDll()
    {
        if (Environment.GetEnvironmentVariable("RW_APP_DLL") is { Length: > 0 } overridden)
        {
            return overridden;
        }
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent?.Name ?? "Debug";
        var dll = Path.Combine(RepositoryPaths.Root, "functions", "Ratsworkflow.Functions", "bin", configuration, framework,
            "Ratsworkflow.Functions.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"The app is not built: {dll}. Build the solution in {configuration} first.", dll);
    }

    /// <summary>Ends the process tree at once, as a crash or an OOM kill would: no shutdown code runs.</summary>
    public void KillHard() => _process.KillHard();

    /// <summary>Asks the app to stop (SIGTERM, as Ctrl-C or a service manager); true if it ended within <paramref name="timeout"/>.</summary>
    public Task<bool> TerminateAsync(TimeSpan timeout) => _process.TerminateAsync(timeout);

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>With RW_KEEP_APP_LOGS set to a folder, each app's whole output is written there for a look after the run.</summary>
    private static string? KeptLog()
    {
        if (Environment.GetEnvironmentVariable("RW_KEEP_APP_LOGS") is not { Length: > 0 } folder)
        {
            return null;
        }
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"app-{DateTime.UtcNow:HHmmss-fff}-{Guid.NewGuid().ToString("N")[..6]}.log");
    }

    // The SDK sets DOTNET_HOST_PATH for test runs; it is the dotnet that built the app.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private async Task WaitUntilReadyAsync(TimeSpan timeout, string readyPath, bool anyAnswer)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The app exited during start-up. Its output:\n" + Output);
            }
            try
            {
                using var response = await http.GetAsync(readyPath);
                if (anyAnswer || response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow (first request JIT-compiles); try again.
            }
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"GET /{readyPath} did not answer within {timeout}. App output:\n" + Output);
            }
            await Task.Delay(100);
        }
    }
}
