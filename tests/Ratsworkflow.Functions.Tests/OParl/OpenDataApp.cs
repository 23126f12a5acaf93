using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Ratsworkflow.Functions.Attachments;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.OParl;

/// <summary>
/// The whole app in-process on its own Azurite, with motions in every public state written through the app's own
/// <see cref="MotionStore"/> (<see cref="SampleMotions"/>). The clock stands still at <see cref="Now"/>.
/// </summary>
public sealed class OpenDataApp : IAsyncLifetime
{
    public const string PublicBaseUrl = "http://ratsworkflow.test";
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private Azurite? _azurite;
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;
    public FakeTimeProvider Clock { get; } = new(Now);
    public IServiceProvider Services => _app!.Services;
    public MotionStore Motions => Services.GetRequiredService<MotionStore>();
    public SampleMotions Samples { get; private set; } = null!;

    /// <summary>The address a public id stands for in this test host.</summary>
    public Uri Local(string publicUrl) =>
        new(Client.BaseAddress!, publicUrl.StartsWith(PublicBaseUrl, StringComparison.Ordinal) ? publicUrl[PublicBaseUrl.Length..] : publicUrl);

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
            // Razor pages are found in the application's assembly, which in a test host is not the entry assembly.
            ApplicationName = typeof(Startup).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = _azurite.ConnectionString,
            ["Email:Provider"] = "Null",
            ["App:PublicBaseUrl"] = PublicBaseUrl,
            ["Clerks:ApiToken"] = "open-data-test-clerk-token-0123456789",
            ["ratsworkflow:engine:hubName"] = "od" + Guid.NewGuid().ToString("N")[..10],
        });
        builder.AddRatsworkflow();
        builder.Services.AddSingleton<TimeProvider>(Clock);
        _app = builder.Build();
        _app.MapRatsworkflow();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };
        Samples = await SampleMotions.StoreAsync(Motions, Services.GetRequiredService<AttachmentStore>(), Services.GetRequiredService<Azure.Data.Tables.TableServiceClient>());
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

/// <summary>The read-only open-data tests share one app with the same sample motions.</summary>
[CollectionDefinition(Name)]
public sealed class OpenDataCollection : ICollectionFixture<OpenDataApp>
{
    public const string Name = "Open data";
}
