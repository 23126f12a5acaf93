namespace Ratsworkflow.Functions.Durable;

/// <summary>
/// host.json is the one place for host settings: the Functions host reads it in Azure, and the local server reads the
/// same file, so the task hub, its queues and the periodic work are configured alike in both.
/// </summary>
public static class HostJson
{
    /// <summary>Adds host.json as the lowest-precedence source: environment variables and app settings override it.</summary>
    public static IConfigurationBuilder AddHostJson(this IConfigurationBuilder configuration, string contentRoot)
    {
        foreach (var candidate in new[] { Path.Combine(AppContext.BaseDirectory, "host.json"), Path.Combine(contentRoot, "host.json") })
        {
            if (File.Exists(candidate))
            {
                var source = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
                {
                    Path = candidate,
                    Optional = false,
                    ReloadOnChange = false,
                };
                source.ResolveFileProvider();
                configuration.Sources.Insert(0, source);
                return configuration;
            }
        }
        return configuration;
    }
}
