using System.Diagnostics;
using System.Net;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Hosting;

/// <summary>
/// The app as <c>./run.sh</c> starts it: <c>dotnet …/Ratsworkflow.Functions.dll</c> from the repository root, with no
/// environment name. The app's own folder must still be its content root (shipped log levels, the sample city), and
/// the default start must behave like production.
/// </summary>
public sealed class RunScriptStartTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Start_FromRepositoryRoot_ReadsShippedSettingsAndLogsNoToken()
    {
        var token = "RunProbe" + Guid.NewGuid().ToString("N");
        var baseUrl = new Uri($"http://127.0.0.1:{ChildProcess.FreeTcpPort()}/");
        await using var app = await AppProcess.StartAsync(baseUrl, new Dictionary<string, string?>
        {
            ["Storage__ConnectionString"] = azurite.ConnectionString,
            ["Email__Provider"] = "Null",
        }, TimeSpan.FromSeconds(60), workingDirectory: RepositoryPaths.Root);
        using var http = new HttpClient { BaseAddress = baseUrl };

        await http.GetAsync($"votum/{token}");
        await http.GetAsync($"antrag/{Guid.NewGuid():N}/bestaetigen/{token}");
        await http.GetAsync($"ratsbuero/anmelden/{token}");
        var start = WebUtility.HtmlDecode(await http.GetStringAsync(""));
        using var pattern = await http.GetAsync("muster");

        Assert.False(app.Output.Contains(token, StringComparison.Ordinal), "A link token reached the log:\n" + app.Output);
        Assert.Contains("Stadt Göttingen", start, StringComparison.Ordinal);
        Assert.DoesNotContain("Musterstadt", start, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, pattern.StatusCode);
        Assert.Contains("Hosting environment: Production", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunScript_DefaultStart_IsProductionAndDevelopmentOnlyWhenAsked()
    {
        var byDefault = await PrintSettingsAsync();
        var development = await PrintSettingsAsync("--development");

        Assert.Contains("ASPNETCORE_ENVIRONMENT=Production", byDefault, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_ENVIRONMENT=Development", development, StringComparison.Ordinal);
        // Production generates no API token itself: the script gives the local run one and says which.
        Assert.Matches("Clerks__ApiToken=[A-Za-z0-9_-]{43}", byDefault);
    }

    /// <summary>What ./run.sh would start with, from a clean environment; it starts nothing with this flag.</summary>
    private static async Task<string> PrintSettingsAsync(params string[] flags)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "run.sh"));
        info.ArgumentList.Add("--print-settings");
        foreach (var flag in flags)
        {
            info.ArgumentList.Add(flag);
        }
        info.Environment.Clear();
        info.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH");
        info.Environment["HOME"] = Environment.GetEnvironmentVariable("HOME");
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"run.sh --print-settings failed ({process.ExitCode}): {output}{errors}");
        return output;
    }
}
