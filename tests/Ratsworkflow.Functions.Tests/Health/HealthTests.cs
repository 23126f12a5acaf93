using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ratsworkflow.Functions.Tests.Security;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Health;

/// <summary><c>GET /api/health</c> says "ok" only when storage answers with the configured credentials.</summary>
public sealed partial class HealthTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Health_StorageReachable_Is200Ok()
    {
        await using var app = await StartAsync(azurite.ConnectionString);

        using var response = await app.Client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_WrongAccountKey_Is503GermanProblem()
    {
        var wrongKey = AccountKey().Replace(azurite.ConnectionString, "AccountKey=" + Convert.ToBase64String(new byte[64]) + ";");
        await using var app = await StartAsync(wrongKey);

        using var response = await app.Client.GetAsync("/api/health");

        await AssertUnavailableAsync(response);
    }

    [Fact]
    public async Task Health_StorageUnreachable_Is503GermanProblem()
    {
        await using var app = await StartAsync(SecurityTestApp.UnreachableStorage);

        using var response = await app.Client.GetAsync("/api/health");

        await AssertUnavailableAsync(response);
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.Contains("Speicher", detail, StringComparison.Ordinal);
    }

    private static Task<SecurityTestApp> StartAsync(string connectionString) =>
        SecurityTestApp.StartAsync("Production", new Dictionary<string, string?> { ["Storage:ConnectionString"] = connectionString });

    [GeneratedRegex("AccountKey=[^;]+;")]
    private static partial Regex AccountKey();
}
