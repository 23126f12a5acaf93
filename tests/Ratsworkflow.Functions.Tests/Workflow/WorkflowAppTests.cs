using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Workflow;

/// <summary>
/// Base of the workflow scenario classes: a fresh <see cref="WorkflowApp"/> per test (its own hub and tables, so tests
/// never see each other's motions) on the class's shared Azurite and maildev.
/// </summary>
public abstract class WorkflowAppTests(AzuriteFixture azurite, MailDevFixture mail)
    : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>, IAsyncLifetime
{
    protected WorkflowApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await WorkflowApp.StartAsync(azurite.ConnectionString, mail.MailDev);

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>A fresh app with these settings instead, e.g. deadlines in seconds: the engine's timers run on real time.</summary>
    protected async Task RestartAsync(IDictionary<string, string?> settings)
    {
        await App.DisposeAsync();
        App = await WorkflowApp.StartAsync(azurite.ConnectionString, mail.MailDev, settings);
    }
}
