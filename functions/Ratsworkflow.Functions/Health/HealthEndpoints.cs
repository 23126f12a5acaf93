namespace Ratsworkflow.Functions.Health;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/health", () => TypedResults.Ok(new HealthStatus("ok")));
        return routes;
    }
}

public sealed record HealthStatus(string Status);
