using System.Text.Json.Nodes;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Deployment.Tests;

/// <summary>infra/main.bicep compiled once per test run (bicep build --stdout).</summary>
public sealed class CompiledTemplate : IAsyncLifetime
{
    public ToolResult Build { get; private set; } = new(-1, "", "");

    public ArmTemplate Template { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Build = await BicepCli.RunAsync("build", "main.bicep", "--stdout");
        Template = ArmTemplate.Parse(Build.ExitCode == 0 ? Build.StandardOutput : "{}");
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>The repository's host.json, the one file both the local server and the Functions host read.</summary>
public static class HostJson
{
    public static JsonObject Read() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "host.json")))!.AsObject();
}
