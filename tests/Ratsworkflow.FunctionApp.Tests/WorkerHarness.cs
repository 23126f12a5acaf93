using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Ratsworkflow.FunctionApp.Durable;
using Ratsworkflow.FunctionApp.Functions;
using Ratsworkflow.FunctionApp.Hosting;
using Ratsworkflow.Functions.Durable;
using Ratsworkflow.Functions.Storage;
using Ratsworkflow.Testing;

namespace Ratsworkflow.FunctionApp.Tests;

/// <summary>
/// The Functions app as the worker runs it, minus the Functions host: the worker's container with
/// <see cref="FunctionAppRegistration.AddRatsworkflowFunctions"/> (the embedded app on Azurite and maildev), and in front
/// of the HTTP function an ASP.NET Core server set up like the worker's own (routing first, an endpoint for the function,
/// the worker's services as request services), which calls <see cref="WebFunction.RunAsync"/> as the worker would.
/// </summary>
/// <remarks>
/// What <c>[DurableClient]</c> binds is a real <see cref="Microsoft.DurableTask.Client.DurableTaskClient"/> on a task hub
/// in Azurite (<see cref="BindingClient"/>), the one the local server uses; nothing runs its orchestrations, so a test
/// sees what the app scheduled.
/// </remarks>
public sealed class WorkerHarness : IAsyncDisposable
{
    public const string ClerkToken = "test-clerk-token-0123456789abcdef";

    private readonly ServiceProvider _worker;
    private readonly WebApplication _server;

    private WorkerHarness(ServiceProvider worker, WebApplication server, EngineClient bindingClient, MailDev mail)
    {
        _worker = worker;
        _server = server;
        BindingClient = bindingClient;
        Mail = mail;
        Anonymous = server.GetTestClient();
        Clerk = server.GetTestClient();
        Clerk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ClerkToken);
    }

    public EngineClient BindingClient { get; }
    public MailDev Mail { get; }
    public HttpClient Anonymous { get; }
    public HttpClient Clerk { get; }
    public EmbeddedApp App => _worker.GetRequiredService<EmbeddedApp>();
    public StepFunctions Steps => ActivatorUtilities.CreateInstance<StepFunctions>(_worker);
    public PeriodicWorkFunction PeriodicWork => ActivatorUtilities.CreateInstance<PeriodicWorkFunction>(_worker);

    /// <param name="settings">App settings on top of the test defaults (environment variables in Azure).</param>
    public static async Task<WorkerHarness> StartAsync(string storage, MailDev mail, IDictionary<string, string?>? settings = null)
    {
        var binding = await TaskHubClientAsync(storage, AzuriteFixture.UniqueName("fn"));
        var worker = new ServiceCollection()
            .AddLogging(logs =>
            {
                // RW_TEST_LOGS=1 shows the app's log (it goes to the worker's logging, as in Azure).
                if (Environment.GetEnvironmentVariable("RW_TEST_LOGS") == "1")
                {
                    logs.AddSimpleConsole().SetMinimumLevel(LogLevel.Information);
                }
            })
            .AddRatsworkflowFunctions(app => app.Configuration.AddInMemoryCollection(AppSettings.For(storage, mail, ClerkToken)).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()))
            .BuildServiceProvider();
        foreach (var hosted in worker.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
        return new WorkerHarness(worker, await ServerAsync(worker, binding), binding, mail);
    }

    public async ValueTask DisposeAsync()
    {
        Anonymous.Dispose();
        Clerk.Dispose();
        await _server.StopAsync();
        await _server.DisposeAsync();
        foreach (var hosted in _worker.GetServices<IHostedService>())
        {
            await hosted.StopAsync(CancellationToken.None);
        }
        await _worker.DisposeAsync();
    }

    private static async Task<EngineClient> TaskHubClientAsync(string storage, string taskHub)
    {
        var options = new EngineOptions { HubName = taskHub };
        options.StorageProvider.PartitionCount = 1;
        var service = EngineStorage.Create(StorageAccount.WithConnectionString(storage), options, NullLoggerFactory.Instance);
        await service.CreateIfNotExistsAsync();
        return new EngineClient(service, new JsonDataConverter(DurableRegistration.JsonOptions));
    }

    /// <summary>The worker's ASP.NET Core side (FunctionsHostBuilderExtensions.ConfigureAspNetCoreIntegration), reduced to what reaches the function.</summary>
    private static async Task<WebApplication> ServerAsync(ServiceProvider worker, EngineClient binding)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var server = builder.Build();
        server.UseRouting();
        // WorkerRequestServicesMiddleware: the request services are the function invocation's, from the worker's container.
        server.Use((context, next) =>
        {
            context.RequestServices = worker;
            return next(context);
        });
        server.Map("/{**path}", async context =>
        {
            var function = ActivatorUtilities.CreateInstance<WebFunction>(worker);
            var result = await function.RunAsync(context.Request, binding);
            await result.ExecuteAsync(context);
        });
        await server.StartAsync();
        return server;
    }
}
