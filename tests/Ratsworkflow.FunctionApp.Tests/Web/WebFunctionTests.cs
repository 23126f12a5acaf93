using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Ratsworkflow.Functions.Workflow;
using Ratsworkflow.Testing;

namespace Ratsworkflow.FunctionApp.Tests.Web;

/// <summary>
/// The HTTP function runs the app's own pipeline: its endpoints, Razor pages, static files, error pages and security,
/// with its own services, although the worker routed the request and set its own request services first.
/// </summary>
public sealed class WebFunctionTests(AzuriteFixture azurite, MailDevFixture mail) : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>, IAsyncLifetime
{
    private WorkerHarness _worker = null!;

    public async Task InitializeAsync() => _worker = await WorkerHarness.StartAsync(azurite.ConnectionString, mail.MailDev);

    public async Task DisposeAsync() => await _worker.DisposeAsync();

    [Fact]
    public async Task RunAsync_HealthCheck_AnswersFromTheAppsEndpoint()
    {
        var response = await _worker.Anonymous.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task RunAsync_FormPage_RendersTheAppsGermanRazorPageWithItsSecurityHeaders()
    {
        var response = await _worker.Anonymous.GetAsync("/antrag/neu");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("lang=\"de\"", html, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", html, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task RunAsync_StaticFile_ServedFromThePackagesWwwrootWithTheAppsCaching()
    {
        var response = await _worker.Anonymous.GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=3600", response.Headers.CacheControl?.ToString());
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RunAsync_UnknownPath_TheAppsOwnRoutingAnswersWithItsGermanErrorPage()
    {
        // The worker matched its catch-all endpoint already; the app must route again and find nothing.
        var response = await _worker.Anonymous.GetAsync("/gibt-es-nicht");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("lang=\"de\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InvalidSubmission_AnswersGermanProblemDetails()
    {
        var response = await _worker.Anonymous.PostAsJsonAsync("/api/motions", new { factionId = "gruene" });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Titel", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ClerkApiWithoutToken_IsRefusedByTheAppsAuthentication()
    {
        var response = await _worker.Anonymous.GetAsync("/api/motions");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RunAsync_ConfirmedSubmission_StartsTheOrchestrationWithTheBoundDurableClient()
    {
        var motionId = await Submission.SubmitAndConfirmAsync(_worker);

        var instance = await _worker.BindingClient.GetInstanceAsync(motionId, getInputsAndOutputs: true);
        Assert.NotNull(instance);
        Assert.Equal(RatsbeschlussOrchestrator.Name, instance.Name);
        Assert.Equal(OrchestrationRuntimeStatus.Pending, instance.RuntimeStatus);
        Assert.Equal(motionId, instance.ReadInputAs<MotionWorkflowInput>()!.MotionId);
        var view = await _worker.Clerk.GetFromJsonAsync<JsonElement>($"/api/motions/{motionId}");
        Assert.Equal(motionId, view.GetProperty("motionId").GetString());
    }
}
