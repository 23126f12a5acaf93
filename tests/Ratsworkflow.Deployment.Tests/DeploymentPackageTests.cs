using System.IO.Compression;
using System.Text.Json.Nodes;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Deployment.Tests;

/// <summary>Runs scripts/publish.sh once into a temporary folder (about 20-60 s) and keeps the zip open.</summary>
public sealed class PublishedPackage : IAsyncLifetime
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "ratsworkflow-publish-" + Guid.NewGuid().ToString("N"));

    public ToolResult Publish { get; private set; } = new(-1, "", "");

    public ZipArchive Zip { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Publish = await ExternalTool.RunAsync("bash", [Path.Combine(RepositoryPaths.Root, "scripts", "publish.sh"), _output],
            RepositoryPaths.Root, TimeSpan.FromMinutes(10));
        var zipPath = Path.Combine(_output, "ratsworkflow.zip");
        if (Publish.ExitCode == 0 && File.Exists(zipPath))
        {
            Zip = ZipFile.OpenRead(zipPath);
        }
    }

    public Task DisposeAsync()
    {
        Zip?.Dispose();
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
        return Task.CompletedTask;
    }
}

/// <summary>The zip that scripts/publish.sh builds is a package the Functions host can run as a custom handler.</summary>
public sealed class DeploymentPackageTests(PublishedPackage package) : IClassFixture<PublishedPackage>
{
    [Fact]
    public void Publish_script_succeeds()
    {
        Assert.True(package.Publish.ExitCode == 0, package.Publish.Describe());
        Assert.NotNull(package.Zip);
    }

    [Fact]
    public void Host_json_is_at_the_root_and_equals_the_repository_copy()
    {
        var entry = Entry("host.json");
        using var reader = new StreamReader(entry.Open());
        var packaged = JsonNode.Parse(reader.ReadToEnd())!;
        Assert.True(JsonNode.DeepEquals(HostJson.Read(), packaged));
    }

    [Fact]
    public void The_custom_handler_executable_is_at_the_root_and_executable()
    {
        var entry = Entry(HostJson.DefaultExecutablePath);
        var unixMode = (entry.ExternalAttributes >> 16) & 0x1FF;
        Assert.True((unixMode & 0b001_001_001) != 0, $"mode {Convert.ToString(unixMode, 8)} has no execute bit");
    }

    [Fact]
    public void The_app_is_self_contained_for_linux_x64()
    {
        Assert.True(package.Publish.ExitCode == 0, package.Publish.Describe());
        Entry("libcoreclr.so"); // the .NET runtime travels with the app
        var runtimeConfig = Entry(HostJson.DefaultExecutablePath + ".runtimeconfig.json");
        using var reader = new StreamReader(runtimeConfig.Open());
        var options = JsonNode.Parse(reader.ReadToEnd())!["runtimeOptions"]!;
        Assert.NotNull(options["includedFrameworks"]); // self-contained; a framework-dependent app lists "frameworks"
    }

    [Fact]
    public void Every_function_folder_is_packaged_with_its_function_json()
    {
        foreach (var name in FunctionDefinitionTests.ExpectedFunctions)
        {
            var entry = Entry($"{name}/function.json");
            using var reader = new StreamReader(entry.Open());
            var packaged = JsonNode.Parse(reader.ReadToEnd());
            var source = JsonNode.Parse(File.ReadAllText(Path.Combine(FunctionDefinitionTests.FunctionsDirectory, name, "function.json")));
            Assert.True(JsonNode.DeepEquals(source, packaged), $"{name}/function.json differs from infra/functions");
        }
    }

    [Fact]
    public void No_local_only_or_build_files_are_packaged()
    {
        Assert.True(package.Publish.ExitCode == 0, package.Publish.Describe());
        var names = package.Zip.Entries.Select(e => e.FullName).ToList();
        Assert.DoesNotContain("local.settings.json", names);
        Assert.DoesNotContain("appsettings.Development.json", names);
        Assert.DoesNotContain(names, n => n.StartsWith("build/", StringComparison.Ordinal) || n.StartsWith("obj/", StringComparison.Ordinal));
    }

    private ZipArchiveEntry Entry(string fullName)
    {
        Assert.True(package.Publish.ExitCode == 0, package.Publish.Describe());
        var entry = package.Zip.GetEntry(fullName);
        Assert.True(entry is not null, $"'{fullName}' is not at that path in the package");
        return entry;
    }
}
