namespace Ratsworkflow.Testing;

/// <summary>Finds the checkout's root so tests can reach node_modules, host.json and the shared design files.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string NodeBin(string tool)
    {
        var path = Path.Combine(Root, "node_modules", ".bin", tool);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"'{path}' fehlt. Run ./test.sh (or 'npm ci' in {Root}) to install the local services.");
        }
        return path;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ratsworkflow.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Ratsworkflow.sln not found above the test binaries.");
    }
}
