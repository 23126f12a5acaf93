using System.Collections.Concurrent;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace Ratsworkflow.Functions.Tests;

/// <summary>
/// Every table request a client sends ("GET /devstoreaccount1/MotionIndex(...)"), and a switch that fails the
/// requests to one table. Added per call, before the SDK's retries, so an injected failure is not retried.
/// </summary>
public sealed class TableRequestLog
{
    private readonly ConcurrentQueue<string> _requests = new();

    public string? FailTable { get; set; }

    public IReadOnlyList<string> All => [.. _requests];

    public TableServiceClient Client(string connectionString)
    {
        var options = new TableClientOptions();
        options.AddPolicy(new Policy(this), HttpPipelinePosition.PerCall);
        return new TableServiceClient(connectionString, options);
    }

    /// <summary>Requests addressed to <paramref name="table"/> by name (batches name no table in their path).</summary>
    public IReadOnlyList<string> To(string table) =>
        All.Where(r => r.Contains("/" + table + "(", StringComparison.Ordinal) || r.EndsWith("/" + table, StringComparison.Ordinal)).ToList();

    public void Clear() => _requests.Clear();

    private void Record(HttpMessage message)
    {
        var line = message.Request.Method.Method + " " + message.Request.Uri.Path;
        _requests.Enqueue(line);
        if (FailTable is { } table && line.Contains("/" + table, StringComparison.Ordinal))
        {
            throw new RequestFailedException(503, "Injected failure of " + table);
        }
    }

    private sealed class Policy(TableRequestLog log) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            log.Record(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            log.Record(message);
            return ProcessNextAsync(message, pipeline);
        }
    }
}
