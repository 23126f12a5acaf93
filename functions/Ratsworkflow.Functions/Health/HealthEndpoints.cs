using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http.HttpResults;
using Ratsworkflow.Functions.Api;
using Ratsworkflow.Functions.Storage;

namespace Ratsworkflow.Functions.Health;

/// <summary>
/// <c>GET /api/health</c>: "ok" once storage answers (docs/design.md §4). One table and one queue listing of at most one
/// item each prove both the endpoint and the credentials; a wrong key fails here rather than on every page.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>A probe must answer quickly; a storage that takes longer counts as out of reach.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/health", CheckAsync);
        return routes;
    }

    private static async Task<Results<Ok<HealthStatus>, ProblemHttpResult>> CheckAsync(
        TableServiceClient tables, QueueServiceClient queues, HttpResponse response, ILoggerFactory loggers, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).AsPages(pageSizeHint: 1))
            {
                break;
            }
            await foreach (var _ in queues.GetQueuesAsync(cancellationToken: timeout.Token).AsPages(pageSizeHint: 1))
            {
                break;
            }
            return TypedResults.Ok(new HealthStatus("ok"));
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The type and status say enough; the SDK's message would carry request headers into the log.
            loggers.CreateLogger(typeof(HealthEndpoints)).LogWarning("Health check: storage did not answer ({Error}, status {Status}).",
                ex.GetType().Name, (ex as Azure.RequestFailedException)?.Status);
            StorageOutage.SetRetryAfter(response);
            return ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable,
                "Der Speicher des Dienstes ist nicht erreichbar oder verweigert den Zugriff; der Dienst kann gerade nichts bearbeiten.");
        }
    }
}

public sealed record HealthStatus(string Status);
