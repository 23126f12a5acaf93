namespace Ratsworkflow.Functions.Periodic;

/// <summary>Runs every registered <see cref="IPeriodicWork"/> once, one after the other; one failing does not stop the rest.</summary>
public sealed class PeriodicWorkRunner(IServiceScopeFactory scopes, ILogger<PeriodicWorkRunner> logger)
{
    /// <returns>One line per work that failed (empty when all succeeded).</returns>
    public async Task<IReadOnlyList<string>> RunAllAsync(CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        await using var scope = scopes.CreateAsyncScope();
        foreach (var work in scope.ServiceProvider.GetServices<IPeriodicWork>())
        {
            var name = work.GetType().Name;
            try
            {
                await work.RunAsync(cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Periodic work {Work} failed; it runs again on the next tick.", name);
                failures.Add($"{name}: {ex.GetType().Name}: {ex.Message}");
            }
        }
        return failures;
    }
}

public static class PeriodicWorkRegistration
{
    /// <summary>The runner, and in the local server the timer that calls it (<see cref="PeriodicWorkService"/>).</summary>
    public static IServiceCollection AddPeriodicWork(this IServiceCollection services)
    {
        services.AddSingleton<PeriodicWorkRunner>();
        services.AddHostedService<PeriodicWorkService>();
        return services;
    }
}
