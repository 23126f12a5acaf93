using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Time.Testing;
using Ratsworkflow.Testing;

namespace Ratsworkflow.Functions.Tests.Workflow;

/// <summary>
/// The whole app in-process on a free port: real Azurite, real maildev, the Durable Task engine on a task hub of its own
/// polling fast, and a fake clock for the app (expiry, tokens, "today"), which starts at the real time. The engine's
/// durable timers run on real time: a test of a deadline configures it in seconds (<c>Workflow:BeiratDeadline</c>);
/// the orchestrator's own logic of long deadlines is tested on a fake context (Orchestration/).
/// </summary>
public sealed partial class WorkflowApp : IAsyncDisposable
{
    public const string ClerkToken = "test-clerk-token-0123456789abcdef";
    private readonly WebApplication _app;

    private WorkflowApp(WebApplication app, FakeTimeProvider clock, MailDev mail, string baseUrl)
    {
        _app = app;
        Clock = clock;
        Mail = mail;
        Anonymous = new HttpClient { BaseAddress = new Uri(baseUrl) };
        Clerk = new HttpClient { BaseAddress = new Uri(baseUrl) };
        Clerk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ClerkToken);
    }

    public FakeTimeProvider Clock { get; }
    public MailDev Mail { get; }
    public HttpClient Anonymous { get; }
    public HttpClient Clerk { get; }
    public IServiceProvider Services => _app.Services;

    /// <param name="configure">Runs after the app's own registrations, e.g. to replace a storage client with one that counts requests.</param>
    public static async Task<WorkflowApp> StartAsync(string storage, MailDev mail, IDictionary<string, string?>? settings = null, FakeTimeProvider? clock = null, Action<WebApplicationBuilder>? configure = null)
    {
        clock ??= new FakeTimeProvider(DateTimeOffset.UtcNow);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
            // Razor pages are found in the application's assembly, which in a test host is not the entry assembly.
            ApplicationName = typeof(Startup).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("RW_TEST_LOGS") == "1")
        {
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Information);
        }
        builder.Configuration.AddInMemoryCollection(AppSettings.For(storage, mail, ClerkToken));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["extensions:durableTask:hubName"] = AzuriteFixture.UniqueName("wf"),
            ["extensions:durableTask:storageProvider:maxQueuePollingInterval"] = "00:00:00.100",
            ["extensions:durableTask:storageProvider:partitionCount"] = "1",
            // A failing step is tried twice, 200 ms apart, before the motion shows „Fehler“.
            ["Workflow:StepAttempts"] = "2",
            ["Workflow:StepFirstRetry"] = "00:00:00.200",
            // A test wants the workflow's answer, not a 202; on a busy CI machine a step can take longer than 15 s.
            ["Workflow:CommandWait"] = "00:01:00",
            // Tests run the periodic work (expiry, overdue, retention) themselves after moving the clock.
            ["ratsworkflow:periodicWorkInterval"] = "00:00:00",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.AddRatsworkflow();
        builder.Services.AddSingleton<TimeProvider>(clock);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapRatsworkflow();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new WorkflowApp(app, clock, mail, address);
    }

    public async ValueTask DisposeAsync()
    {
        Anonymous.Dispose();
        Clerk.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The last path segment of the first link in a mail that contains <paramref name="pathPart"/>.</summary>
    public static string TokenFrom(ReceivedMail mail, string pathPart)
    {
        var match = Link().Matches(mail.Text ?? "").Select(m => m.Value).FirstOrDefault(l => l.Contains(pathPart, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No link with '{pathPart}' in mail '{mail.Subject}':\n{mail.Text}");
        return match.TrimEnd('/', '.', ')').Split('/')[^1];
    }

    public async Task<T> GetJsonAsync<T>(string path) =>
        await Clerk.GetFromJsonAsync<T>(path) ?? throw new InvalidOperationException($"{path} returned nothing.");

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Link();
}
