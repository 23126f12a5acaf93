using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Ratsworkflow.Durable;

/// <summary>
/// Counts every storage request the engine sends, by operation (e.g. "Table.Batch", "Queue.Send"), so tests and the
/// benchmark can report what a workflow step costs.
/// </summary>
public sealed class StorageRequestCounter
{
    private readonly ConcurrentDictionary<string, long> _counts = new();

    public long Total => _counts.Values.Sum();

    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(_counts);

    public void Reset() => _counts.Clear();

    /// <summary>A pipeline policy for one service's clients ("Table", "Queue" or "Blob").</summary>
    public HttpPipelinePolicy PolicyFor(string service) => new CountingPolicy(this, service);

    internal static string Operation(string service, string method, string path) => (service, method) switch
    {
        ("Table", "POST") when path.EndsWith("$batch", StringComparison.Ordinal) => "Table.Batch",
        ("Table", "POST") => "Table.Insert",
        ("Table", "GET") => "Table.Query",
        ("Table", "DELETE") => "Table.Delete",
        ("Table", _) => "Table.Update",
        ("Queue", "POST") => "Queue.Send",
        ("Queue", "GET") => "Queue.Receive",
        ("Queue", "DELETE") => "Queue.Delete",
        ("Queue", "PUT") => "Queue.Update",
        ("Blob", "PUT") => "Blob.Upload",
        ("Blob", "GET") => "Blob.Download",
        _ => service + "." + method,
    };

    private void Count(string service, Request request) =>
        _counts.AddOrUpdate(Operation(service, request.Method.Method, request.Uri.Path), 1, (_, n) => n + 1);

    private sealed class CountingPolicy(StorageRequestCounter counter, string service) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            counter.Count(service, message.Request);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            counter.Count(service, message.Request);
            return ProcessNextAsync(message, pipeline);
        }
    }
}
