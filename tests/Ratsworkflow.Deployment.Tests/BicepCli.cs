using System.Reflection;
using Ratsworkflow.Testing;

namespace Ratsworkflow.Deployment.Tests;

/// <summary>
/// The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64 (version in Directory.Packages.props).
/// Its path is the package's MSBuild property BicepPath, stamped into this assembly at build time.
/// </summary>
public static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string InfraDirectory => Path.Combine(RepositoryPaths.Root, "infra");

    public static string ExecutablePath { get; } = Locate();

    public static Task<ToolResult> RunAsync(params string[] arguments) =>
        ExternalTool.RunAsync(ExecutablePath, arguments, InfraDirectory, Timeout);

    private static string Locate()
    {
        var stamped = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepPath")?.Value;
        if (string.IsNullOrWhiteSpace(stamped))
        {
            throw new InvalidOperationException("BicepPath is not set: the Azure.Bicep.CommandLine.linux-x64 package was not restored.");
        }
        var path = Path.GetFullPath(stamped.Replace('\\', '/'));
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The Bicep CLI is missing at '{path}'. Run 'dotnet restore' for this project.");
        }
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
            }
        }
        return path;
    }
}
