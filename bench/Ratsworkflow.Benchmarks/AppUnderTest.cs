using System.Diagnostics;
using System.Net;
using Ratsworkflow.Testing;

namespace Ratsworkflow.Benchmarks;

/// <summary>
/// The real app as a child process (the Release build's dll), configured only through its documented environment
/// variables (docs/design.md §5 "Configuration"): storage, SendGrid transport pointed at the <see cref="MailSink"/>, a clerk
/// token, generous rate limits.
/// </summary>
internal sealed class AppUnderTest : IAsyncDisposable
{
    public const string ClerkToken = "benchmark-clerk-token-0123456789abcdef0123456789";

    private readonly ChildProcess _process;

    private AppUnderTest(ChildProcess process, int port, TimeSpan startup)
    {
        _process = process;
        // Kept at the start: after the process exited and was disposed, Process.Id throws, and the log is named after it.
        Pid = process.Id;
        Port = port;
        Startup = startup;
    }

    public int Port { get; }
    public int Pid { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>Process start to the first 200 from <c>GET /api/health</c>.</summary>
    public TimeSpan Startup { get; }

    public string Output => _process.Output;

    public static string Dll { get; } = Path.Combine(RepositoryPaths.Root, "functions", "Ratsworkflow.Functions", "bin", "Release", "net10.0", "Ratsworkflow.Functions.dll");

    public static async Task<AppUnderTest> StartAsync(string storageConnectionString, MailSink mail, IDictionary<string, string?>? overrides = null)
    {
        if (!File.Exists(Dll))
        {
            throw new InvalidOperationException($"{Dll} is missing: build the solution in Release first (scripts/bench.sh does).");
        }
        var port = ChildProcess.FreeTcpPort();
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["App__PublicBaseUrl"] = $"http://127.0.0.1:{port}",
            ["Storage__ConnectionString"] = storageConnectionString,
            ["Email__Provider"] = "SendGrid",
            ["Email__SendGrid__ApiKey"] = "benchmark",
            ["Email__SendGrid__BaseUrl"] = mail.BaseUrl,
            ["Clerks__ApiToken"] = ClerkToken,
            ["RateLimits__submission__PermitLimit"] = "100000000",
            ["RateLimits__token__PermitLimit"] = "100000000",
            ["RateLimits__signin__PermitLimit"] = "100000000",
            ["Workflow__BeiratDeadline"] = "14.00:00:00",
            ["Workflow__CommandWait"] = "00:02:00",
            // A log line per mail and request costs CPU the workflow would not have in Azure (Application Insights
            // samples); warnings and errors still show.
            ["Logging__LogLevel__Default"] = "Warning",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }
        var started = Stopwatch.StartNew();
        var process = ChildProcess.Start("dotnet", [Dll], environment, Path.GetDirectoryName(Dll));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("The app exited during start:\n" + process.Output);
            }
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{port}/api/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return new AppUnderTest(process, port, started.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (started.Elapsed > TimeSpan.FromMinutes(2))
            {
                process.Dispose();
                throw new TimeoutException("The app did not answer /api/health within 2 minutes:\n" + process.Output);
            }
            await Task.Delay(5);
        }
    }

    /// <summary>kill -9 of the process tree: no shutdown code runs, leases and dequeued messages are left as they were.</summary>
    public void KillHard() => _process.KillHard();

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
