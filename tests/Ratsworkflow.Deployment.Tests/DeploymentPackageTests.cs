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

/// <summary>
/// The zip that scripts/publish.sh builds is a .NET isolated Functions app: what the Worker SDK generates is at its root
/// (the Functions host indexes functions.metadata, starts the worker from worker.config.json, loads the Durable
/// extension from .azurefunctions), and no function.json of the custom handler.
/// </summary>
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
        Assert.True(JsonNode.DeepEquals(HostJson.Read(), Json("host.json")));
    }

    [Fact]
    public void Functions_metadata_lists_every_kind_of_trigger()
    {
        var functions = Json("functions.metadata").AsArray().Select(f => f!.AsObject()).ToList();
        var triggers = functions.ToDictionary(f => (string)f["name"]!, f => f["bindings"]!.AsArray().Select(b => (string)b!["type"]!).ToList());

        Assert.Contains("httpTrigger", triggers["Web"]);
        Assert.Contains("timerTrigger", triggers["PeriodicWork"]);
        Assert.Contains("orchestrationTrigger", triggers["Ratsbeschluss"]);
        Assert.Contains("activityTrigger", triggers["RegisterMotion"]);
        Assert.True(triggers.Values.Count(t => t.Contains("activityTrigger")) > 10, "one activity function per workflow step");
        Assert.All(functions, f => Assert.Equal("Ratsworkflow.FunctionApp.dll", (string?)f["scriptFile"]));
    }

    [Fact]
    public void Worker_config_starts_the_app_on_the_platforms_dotnet()
    {
        var description = Json("worker.config.json")["description"]!;
        Assert.Equal("dotnet-isolated", (string?)description["language"]);
        Assert.Equal("Ratsworkflow.FunctionApp.dll", (string?)description["defaultWorkerPath"]);
        Entry("Ratsworkflow.FunctionApp.dll");
        Entry("Ratsworkflow.Functions.dll"); // the app itself: pages, API, orchestrator, steps
        // Framework-dependent: the dotnet-isolated stack brings .NET, the package does not.
        Assert.Null(package.Zip.GetEntry("libcoreclr.so"));
    }

    [Fact]
    public void The_durable_extension_is_packaged_where_extensions_json_points()
    {
        var durable = Assert.Single(Json("extensions.json")["extensions"]!.AsArray(), e => (string?)e!["name"] == "DurableTask")!;
        var hint = ((string)durable["hintPath"]!).Replace("./", "", StringComparison.Ordinal);
        Entry(hint);
    }

    [Fact]
    public void The_apps_static_files_and_settings_are_at_the_content_root()
    {
        Entry("wwwroot/css/site.css");
        Entry("appsettings.json");
    }

    [Fact]
    public void No_function_json_local_only_or_build_files_are_packaged()
    {
        Assert.True(package.Publish.ExitCode == 0, package.Publish.Describe());
        var names = package.Zip.Entries.Select(e => e.FullName).ToList();
        Assert.DoesNotContain(names, n => n.EndsWith("function.json", StringComparison.Ordinal));
        Assert.DoesNotContain("local.settings.json", names);
        Assert.DoesNotContain("appsettings.Development.json", names);
        Assert.DoesNotContain(names, n => n.Contains("staticwebassets", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.StartsWith("build/", StringComparison.Ordinal) || n.StartsWith("obj/", StringComparison.Ordinal));
    }

    private JsonNode Json(string fullName)
    {
        using var reader = new StreamReader(Entry(fullName).Open());
        return JsonNode.Parse(reader.ReadToEnd())!;
    }

    private ZipArchiveEntry Entry(string fullName)
    {
        Assert.True(package.Publish.ExitCode == 0, package.Publish.Describe());
        var entry = package.Zip.GetEntry(fullName);
        Assert.True(entry is not null, $"'{fullName}' is not at that path in the package");
        return entry;
    }
}
