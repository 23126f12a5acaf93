using System.Collections.Concurrent;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ratsworkflow.Functions.Security;
using Ratsworkflow.Testing;

namespace Ratsworkflow.Functions.Tests.Security;

/// <summary>
/// The real app (AddRatsworkflow/MapRatsworkflow) in-process on a free loopback port, plus probe endpoints that
/// stand for the clerk API, a clerk page and a token link. Storage is out of reach unless a test configures one.
/// </summary>
internal sealed class SecurityTestApp : IAsyncDisposable
{
    public const string ClerkApi = "/api/probe/clerk";
    public const string ClerkPage = "/probe/dashboard";
    public const string TokenApi = "/api/probe/token";
    public const string SubmissionApi = "/api/probe/submission";
    public const string SubmissionPage = "/probe/formular";
    public const string CookieSignIn = "/probe/signin";
    public const string AntiforgeryToken = "/probe/antiforgery";

    /// <summary>A storage account on a port nobody listens on.</summary>
    public static readonly string UnreachableStorage = UnreachableAt(ChildProcess.FreeTcpPort());

    private readonly WebApplication _app;

    private SecurityTestApp(WebApplication app, HttpClient client, LogCapture logs)
    {
        _app = app;
        Client = client;
        Logs = logs;
    }

    public HttpClient Client { get; }

    /// <summary>Sends a request with a browser's cookies and keeps what the answer sets.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, CookieJar cookies, HttpContent? content = null, string? header = null, string? value = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (cookies.Header is { Length: > 0 } cookie)
        {
            request.Headers.Add("Cookie", cookie);
        }
        if (header is not null)
        {
            request.Headers.Add(header, value);
        }
        var response = await Client.SendAsync(request);
        cookies.Take(response);
        return response;
    }
    public LogCapture Logs { get; }
    public IConfiguration Configuration => _app.Configuration;

    /// <param name="clock">The app's clock, e.g. a FakeTimeProvider for session lifetimes; the system clock if null.</param>
    public static async Task<SecurityTestApp> StartAsync(string environment, IDictionary<string, string?> settings, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ContentRootPath = AppContext.BaseDirectory,
            // Razor pages are found in the application's assembly, which in a test host is not the entry assembly.
            ApplicationName = typeof(Startup).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // Empty unless a test sets it, whatever the machine's environment variables say; storage out of reach unless a
        // test gives one (not the development default, which may be somebody's running Azurite).
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ClerkApiToken.ConfigurationKey] = "",
            ["Storage:ConnectionString"] = UnreachableStorage,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new LogCapture();
        builder.Logging.AddProvider(logs);
        builder.AddRatsworkflow();
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        var app = builder.Build();
        app.MapRatsworkflow();
        app.MapGet(ClerkApi, (HttpContext c) => c.User.Identity!.Name).RequireAuthorization(ClerkAuthentication.PolicyName);
        app.MapPost(ClerkApi, (HttpContext c) => c.User.Identity!.Name).RequireAuthorization(ClerkAuthentication.PolicyName);
        // What a clerk page would embed for its own scripts: the request token (the cookie half comes as Set-Cookie).
        app.MapGet(AntiforgeryToken, (HttpContext c, IAntiforgery antiforgery) => antiforgery.GetAndStoreTokens(c).RequestToken);
        app.MapGet(ClerkPage, () => "dashboard").RequireAuthorization(ClerkAuthentication.PolicyName);
        app.MapGet(TokenApi, () => "ok").RequireRateLimiting(RateLimitPolicies.Token);
        app.MapGet(SubmissionApi, () => "ok").RequireRateLimiting(RateLimitPolicies.Submission);
        app.MapPost(SubmissionPage, () => Results.Content("<p>ok</p>", "text/html")).RequireRateLimiting(RateLimitPolicies.Submission);
        app.MapPost(CookieSignIn, (HttpContext c) => c.RequestServices.GetRequiredService<ClerkSessions>().SignInAsync(c, "ratsbuero@example.org", c.RequestAborted));
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(address) };
        return new SecurityTestApp(app, client, logs);
    }

    private static string UnreachableAt(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Convert.ToBase64String(new byte[64])};" +
        $"TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(_entries);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<(LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
