using System.Collections.Concurrent;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.DurableTask.Client;
using Ratsworkflow.Functions.Storage;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Storage;

/// <summary>
/// The section <c>Storage</c> as infra/modules/appsettings.bicep sets it (identity-based, no keys) and as local runs
/// set it (connection string), for the app's clients and the engine's alike.
/// </summary>
public sealed class StorageAccountTests
{
    private static readonly Dictionary<string, string?> Identity = new()
    {
        ["Storage:tableServiceUri"] = "https://stgoettingen.table.core.windows.net/",
        ["Storage:queueServiceUri"] = "https://stgoettingen.queue.core.windows.net/",
        ["Storage:blobServiceUri"] = "https://stgoettingen.blob.core.windows.net/",
        ["Storage:credential"] = "managedidentity",
    };

    [Fact]
    public void FromConfiguration_ServiceUrisWithManagedIdentity_UsesTheIdentity()
    {
        var account = StorageAccount.FromConfiguration(Configuration(Identity), requireExplicit: true);

        Assert.IsType<ManagedIdentityCredential>(account.Credential);
        Assert.Null(account.ConnectionString);
        Assert.Equal("stgoettingen", account.CreateTableServiceClient().AccountName);
        Assert.Equal(new Uri("https://stgoettingen.queue.core.windows.net/"), account.CreateQueueServiceClient().Uri);
        Assert.Equal(new Uri("https://stgoettingen.blob.core.windows.net/"), account.CreateBlobServiceClient().Uri);
    }

    [Fact]
    public void FromConfiguration_UserAssignedClientId_Accepted()
    {
        var account = StorageAccount.FromConfiguration(Configuration(Identity, ("Storage:clientId", "3f1c2e4a-0000-4000-8000-000000000001")), requireExplicit: true);

        Assert.IsType<ManagedIdentityCredential>(account.Credential);
    }

    [Fact]
    public void FromConfiguration_ConnectionString_WinsOverServiceUris()
    {
        var account = StorageAccount.FromConfiguration(Configuration(Identity, ("Storage:ConnectionString", StorageAccount.DevelopmentStorage)), requireExplicit: true);

        Assert.Null(account.Credential);
        Assert.Equal(StorageAccount.DevelopmentStorage, account.ConnectionString);
    }

    [Fact]
    public void FromConfiguration_NothingLocally_DevelopmentStorage() =>
        Assert.Equal(StorageAccount.DevelopmentStorage, StorageAccount.FromConfiguration(Configuration([]), requireExplicit: false).ConnectionString);

    [Fact]
    public void FromConfiguration_NothingInFunctions_FailsNamingTheSettings()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageAccount.FromConfiguration(Configuration([]), requireExplicit: true));

        Assert.Contains("Storage__ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage__credential=managedidentity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_AnEndpointMissing_FailsNamingIt()
    {
        var settings = new Dictionary<string, string?>(Identity) { ["Storage:blobServiceUri"] = null };

        var error = Assert.Throws<InvalidOperationException>(() => StorageAccount.FromConfiguration(Configuration(settings), requireExplicit: false));

        Assert.Contains("Storage__blobServiceUri", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Storage__tableServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("connectionstring")]
    public void FromConfiguration_EndpointsWithoutManagedIdentity_Fails(string? credential)
    {
        var settings = new Dictionary<string, string?>(Identity) { ["Storage:credential"] = credential };

        var error = Assert.Throws<InvalidOperationException>(() => StorageAccount.FromConfiguration(Configuration(settings), requireExplicit: true));

        Assert.Contains("Storage__credential must be 'managedidentity'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void App_InAzureWithoutStorageSettings_FailsAtStart()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection([new("FUNCTIONS_WORKER_RUNTIME", "dotnet-isolated"), new(StorageRegistration.ConnectionStringKey, "")]);

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddRatsworkflow());

        Assert.StartsWith("Storage is not configured.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task App_IdentityBasedStorage_AppClientsAndEngineUseTheEndpointsAndTheOneCredential()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(Identity);
        builder.Configuration.AddInMemoryCollection([new(StorageRegistration.ConnectionStringKey, "")]);
        builder.Logging.ClearProviders();
        builder.AddRatsworkflow();
        // Stands in for the managed identity: records what is asked for and refuses, so nothing goes on the network.
        var credential = new RecordingCredential();
        builder.Services.AddSingleton(StorageAccount.WithCredential(
            new Uri(Identity["Storage:tableServiceUri"]!), new Uri(Identity["Storage:queueServiceUri"]!), new Uri(Identity["Storage:blobServiceUri"]!), credential));
        await using var app = builder.Build();

        Assert.Equal("stgoettingen", app.Services.GetRequiredService<TableServiceClient>().AccountName);
        Assert.Equal(new Uri(Identity["Storage:queueServiceUri"]!), app.Services.GetRequiredService<QueueServiceClient>().Uri);
        Assert.Equal(new Uri(Identity["Storage:blobServiceUri"]!), app.Services.GetRequiredService<BlobServiceClient>().Uri);

        // The engine's own clients (DurableTask.AzureStorage) ask the credential for a storage token before any request.
        var client = app.Services.GetRequiredService<DurableTaskClient>();
        await Assert.ThrowsAnyAsync<Exception>(() => client.GetInstanceAsync("a-motion"));
        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes.Distinct());
        // ... and so do the app's own clients.
        var engineRequests = credential.Scopes.Count;
        var tables = app.Services.GetRequiredService<TableServiceClient>();
        await Assert.ThrowsAnyAsync<Exception>(() => tables.GetTableClient("motions").GetEntityIfExistsAsync<TableEntity>("a", "b"));
        Assert.True(credential.Scopes.Count > engineRequests);
    }

    private static IConfiguration Configuration(IEnumerable<KeyValuePair<string, string?>> settings, params (string Key, string? Value)[] more) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings)
            .AddInMemoryCollection(more.Select(m => new KeyValuePair<string, string?>(m.Key, m.Value)))
            .Build();

    private sealed class RecordingCredential : TokenCredential
    {
        private readonly ConcurrentBag<string> _scopes = [];

        public IReadOnlyCollection<string> Scopes => [.. _scopes];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            foreach (var scope in requestContext.Scopes)
            {
                _scopes.Add(scope);
            }
            throw new AuthenticationFailedException("No identity in tests.");
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
