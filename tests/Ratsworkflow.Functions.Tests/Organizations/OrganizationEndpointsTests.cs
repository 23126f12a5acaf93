using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Storage;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Organizations;

/// <summary>The real HTTP pipeline (Kestrel on a free port) with the registration the app uses.</summary>
[Collection(OrganizationStorageCollection.Name)]
public sealed class OrganizationEndpointsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly HttpClient Http = new();

    private WebApplication? _app;
    private Uri? _organizations;

    private Uri Organizations => _organizations ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        var port = ChildProcess.FreeTcpPort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration[StorageRegistration.ConnectionStringKey] = azurite.ConnectionString;
        builder.Configuration["Organizations:TableName"] = AzuriteFixture.UniqueName("orgs");
        builder.Services.AddStorageClients(builder.Configuration);
        builder.Services.AddMotionDomain(builder.Configuration);
        _app = builder.Build();
        _app.MapOrganizations();
        await _app.StartAsync();
        _organizations = new Uri($"http://127.0.0.1:{port}/api/organizations");
    }

    [Fact]
    public async Task GetOrganizations_SampleConfiguration_PublicProjectionOfEach()
    {
        using var response = await Http.GetAsync(Organizations);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(TestCatalog.Sample.Organizations.Count, items.Count);
        Assert.All(items, item => Assert.Equal(["id", "name", "kind", "votingMembers"], item.EnumerateObject().Select(p => p.Name)));
        var beirat = items.Single(i => i.GetProperty("id").GetString() == TestCatalog.Integrationsrat);
        Assert.Equal("AdvisoryBoard", beirat.GetProperty("kind").GetString());
        Assert.Equal(7, beirat.GetProperty("votingMembers").GetInt32());
        Assert.Equal("Council", items.Single(i => i.GetProperty("id").GetString() == TestCatalog.Council).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task GetOrganizations_Any_NoEmailAddressInTheAnswer()
    {
        var body = await Http.GetStringAsync(Organizations);

        Assert.DoesNotContain("@", body, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
