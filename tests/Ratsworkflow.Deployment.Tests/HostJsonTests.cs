using Xunit;

namespace Ratsworkflow.Deployment.Tests;

/// <summary>
/// host.json is read by the Functions host in Azure and by both hosts of the app (HostJson.AddHostJson): the task hub
/// settings are in Durable Functions' own schema, once, and nothing of the custom handler or the bundle is left.
/// </summary>
public sealed class HostJsonTests
{
    [Fact]
    public void HostJson_Version_IsTheFunctionsV4Schema()
    {
        Assert.Equal("2.0", (string?)HostJson.Read()["version"]);
    }

    [Theory]
    [InlineData("extensionBundle")] // a .NET app brings its extensions in the package; the host ignores a bundle for it
    [InlineData("customHandler")]
    public void HostJson_CustomHandlerSetup_IsGone(string section)
    {
        Assert.False(HostJson.Read().ContainsKey(section));
    }

    [Fact]
    public void HostJson_Http_HasNoRoutePrefix()
    {
        // The catch-all HTTP function serves /api/health as /api/health, the pages at the root.
        Assert.Equal("", (string?)HostJson.Read()["extensions"]!["http"]!["routePrefix"]);
    }

    [Fact]
    public void HostJson_TaskHub_IsConfiguredOnceInDurableFunctionsSchema()
    {
        var host = HostJson.Read();
        var durable = host["extensions"]!["durableTask"]!;

        Assert.False(string.IsNullOrWhiteSpace((string?)durable["hubName"]));
        Assert.NotNull(durable["storageProvider"]!["partitionCount"]);
        // No second place for the hub: the local server reads extensions.durableTask too.
        Assert.Null(host["ratsworkflow"]?["engine"]?["hubName"]);
    }
}
