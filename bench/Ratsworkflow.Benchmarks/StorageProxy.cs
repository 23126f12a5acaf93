using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Ratsworkflow.Benchmarks;

/// <summary>
/// A counting TCP proxy in front of Azurite's three ports: the app talks to it, it forwards bytes unchanged and reads
/// each HTTP/1.1 request head on the way, so every storage request of the app (engine and app tables alike) is
/// counted by service, table/queue and operation. Responses are copied through without parsing.
/// </summary>
internal sealed partial class StorageProxy : IAsyncDisposable
{
    private readonly List<TcpListener> _listeners = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];

    private StorageProxy(RequestTally tally) => Tally = tally;

    public RequestTally Tally { get; }
    public string ConnectionString { get; private set; } = "";

    public static StorageProxy Start(Ratsworkflow.Testing.Azurite azurite, RequestTally tally)
    {
        var proxy = new StorageProxy(tally);
        var blob = proxy.Listen("Blob", azurite.BlobPort);
        var queue = proxy.Listen("Queue", azurite.QueuePort);
        var table = proxy.Listen("Table", azurite.TablePort);
        proxy.ConnectionString = azurite.ConnectionString
            .Replace($"127.0.0.1:{azurite.BlobPort}/", $"127.0.0.1:{blob}/", StringComparison.Ordinal)
            .Replace($"127.0.0.1:{azurite.QueuePort}/", $"127.0.0.1:{queue}/", StringComparison.Ordinal)
            .Replace($"127.0.0.1:{azurite.TablePort}/", $"127.0.0.1:{table}/", StringComparison.Ordinal);
        return proxy;
    }

    private int Listen(string service, int upstreamPort)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(512);
        _listeners.Add(listener);
        _loops.Add(Task.Run(() => AcceptAsync(listener, service, upstreamPort)));
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task AcceptAsync(TcpListener listener, string service, int upstreamPort)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client, service, upstreamPort));
        }
    }

    private async Task ServeAsync(TcpClient client, string service, int upstreamPort)
    {
        using var _ = client;
        using var upstream = new TcpClient { NoDelay = true };
        client.NoDelay = true;
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, upstreamPort, _stop.Token);
            var fromClient = client.GetStream();
            var toServer = upstream.GetStream();
            var requests = new RequestPump(fromClient, toServer, (method, path, body) => Tally.Add(Classify(service, method, path, body)));
            var responses = CopyAsync(toServer, fromClient);
            await Task.WhenAny(requests.RunAsync(), responses);
        }
        catch (Exception)
        {
            // A connection closed by either side ends its pumps; nothing to count.
        }
    }

    private static async Task CopyAsync(Stream from, Stream to)
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read));
        }
    }

    /// <summary>"Table Motions PointRead", "Queue ratsworkflow-control Receive", "Table ratsworkflowInstances Batch".</summary>
    internal static RequestKind Classify(string service, string method, string path, string? batchBody)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var bare = query < 0 ? path : path[..query];
        var segments = bare.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = segments.Length > 1 ? segments[1] : "";
        switch (service)
        {
            case "Table":
                if (resource == "$batch")
                {
                    var ops = batchBody is null ? [] : BatchOperation().Matches(batchBody).Select(m => m.Groups[1].Value).ToList();
                    var table = ops.Count > 0 ? ops[0] : "?";
                    return new RequestKind(service, table, "Batch", Math.Max(1, ops.Count));
                }
                if (resource.StartsWith("Tables", StringComparison.Ordinal))
                {
                    return new RequestKind(service, "(tables)", method == "POST" ? "CreateTable" : method + " Tables", 1);
                }
                var paren = resource.IndexOf('(', StringComparison.Ordinal);
                var name = paren < 0 ? resource : resource[..paren];
                var keyed = paren >= 0 && resource.Contains("PartitionKey", StringComparison.Ordinal);
                var operation = method switch
                {
                    "GET" => keyed ? "PointRead" : "Query",
                    "POST" => "Insert",
                    "DELETE" => "Delete",
                    _ => "Upsert/Update",
                };
                return new RequestKind(service, name, operation, 1);
            case "Queue":
                var messages = segments.Length > 2 && segments[2] == "messages";
                var queueOperation = (method, messages) switch
                {
                    ("GET", true) => "Receive",
                    ("POST", true) => "Send",
                    ("DELETE", true) => "Delete",
                    ("PUT", true) => "UpdateVisibility",
                    ("PUT", false) => "CreateQueue",
                    _ => method,
                };
                return new RequestKind(service, resource, queueOperation, 1);
            default:
                var blobOperation = method switch
                {
                    "PUT" when segments.Length == 2 => "CreateContainer",
                    "PUT" => "Upload",
                    "GET" when segments.Length == 2 => "List",
                    "GET" or "HEAD" => "Download",
                    "DELETE" => "Delete",
                    _ => method,
                };
                return new RequestKind(service, resource, blobOperation, 1);
        }
    }

    [GeneratedRegex(@"(?:POST|PUT|MERGE|PATCH|DELETE|GET) https?://[^/\s]+/[^/\s]+/([A-Za-z0-9]+)", RegexOptions.CultureInvariant)]
    private static partial Regex BatchOperation();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var listener in _listeners)
        {
            listener.Stop();
        }
        await Task.WhenAll(_loops);
        _stop.Dispose();
    }

    /// <summary>Forwards HTTP/1.1 requests (Content-Length or chunked bodies) and reports each one's method and path.</summary>
    private sealed class RequestPump(Stream from, Stream to, Action<string, string, string?> onRequest)
    {
        private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();
        private byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        public async Task RunAsync()
        {
            while (true)
            {
                int headEnd;
                while ((headEnd = _buffer.AsSpan(_start, _end - _start).IndexOf(HeadEnd)) < 0)
                {
                    if (!await FillAsync())
                    {
                        return;
                    }
                }
                var headLength = headEnd + HeadEnd.Length;
                var head = Encoding.ASCII.GetString(_buffer, _start, headLength);
                await to.WriteAsync(_buffer.AsMemory(_start, headLength));
                _start += headLength;

                var lines = head.Split("\r\n");
                var requestLine = lines[0].Split(' ');
                var (method, path) = (requestLine[0], requestLine.Length > 1 ? requestLine[1] : "/");
                long contentLength = 0;
                var chunked = false;
                foreach (var line in lines.Skip(1))
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    if (colon <= 0)
                    {
                        continue;
                    }
                    var header = line[..colon].Trim();
                    var value = line[(colon + 1)..].Trim();
                    if (header.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    {
                        contentLength = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                    }
                    else if (header.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && value.Contains("chunked", StringComparison.OrdinalIgnoreCase))
                    {
                        chunked = true;
                    }
                }
                var capture = path.Contains("$batch", StringComparison.Ordinal) ? new MemoryStream() : null;
                if (chunked)
                {
                    await ForwardChunkedAsync(capture);
                }
                else
                {
                    await ForwardAsync(contentLength, capture);
                }
                onRequest(method, path, capture is null ? null : Encoding.UTF8.GetString(capture.GetBuffer(), 0, (int)capture.Length));
            }
        }

        private async Task ForwardAsync(long count, MemoryStream? capture)
        {
            while (count > 0)
            {
                if (_end == _start && !await FillAsync())
                {
                    throw new EndOfStreamException();
                }
                var take = (int)Math.Min(count, _end - _start);
                capture?.Write(_buffer, _start, take);
                await to.WriteAsync(_buffer.AsMemory(_start, take));
                _start += take;
                count -= take;
            }
        }

        private async Task ForwardChunkedAsync(MemoryStream? capture)
        {
            while (true)
            {
                var line = await ReadLineAsync();
                await to.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"));
                var size = Convert.ToInt64(line.Split(';')[0].Trim(), 16);
                await ForwardAsync(size, capture);
                var crlf = await ReadLineAsync();
                await to.WriteAsync(Encoding.ASCII.GetBytes(crlf + "\r\n"));
                if (size == 0)
                {
                    return;
                }
            }
        }

        private async Task<string> ReadLineAsync()
        {
            int index;
            while ((index = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8)) < 0)
            {
                if (!await FillAsync())
                {
                    throw new EndOfStreamException();
                }
            }
            var line = Encoding.ASCII.GetString(_buffer, _start, index);
            _start += index + 2;
            return line;
        }

        private async Task<bool> FillAsync()
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            var read = await from.ReadAsync(_buffer.AsMemory(_end));
            _end += read;
            return read > 0;
        }
    }
}

/// <param name="Resource">Table, queue or container name.</param>
/// <param name="Entities">Operations inside a batch (1 otherwise).</param>
internal readonly record struct RequestKind(string Service, string Resource, string Operation, int Entities)
{
    /// <summary>The engine's own resources carry the hub name; everything else is the app's (motions, index, tokens, ledger…).</summary>
    public bool IsEngine => Resource.StartsWith("ratsworkflow", StringComparison.OrdinalIgnoreCase);

    public string Key => $"{Service} {Resource} {Operation}";
}

/// <summary>Counts of storage requests by kind; snapshots subtract to give the cost of what happened in between.</summary>
internal sealed class RequestTally
{
    private readonly ConcurrentDictionary<RequestKind, long> _requests = new();
    private readonly ConcurrentDictionary<RequestKind, long> _entities = new();

    public void Add(RequestKind kind)
    {
        var key = kind with { Entities = 0 };
        _requests.AddOrUpdate(key, 1, (_, n) => n + 1);
        _entities.AddOrUpdate(key, kind.Entities, (_, n) => n + kind.Entities);
    }

    public TallySnapshot Snapshot() => new(new Dictionary<RequestKind, long>(_requests), new Dictionary<RequestKind, long>(_entities));
}

internal sealed record TallySnapshot(IReadOnlyDictionary<RequestKind, long> Requests, IReadOnlyDictionary<RequestKind, long> Entities)
{
    public long Total => Requests.Values.Sum();
    public long Engine => Requests.Where(r => r.Key.IsEngine).Sum(r => r.Value);
    public long App => Total - Engine;

    public static TallySnapshot operator -(TallySnapshot after, TallySnapshot before) => new(
        after.Requests.ToDictionary(r => r.Key, r => r.Value - before.Requests.GetValueOrDefault(r.Key)).Where(r => r.Value != 0).ToDictionary(),
        after.Entities.ToDictionary(r => r.Key, r => r.Value - before.Entities.GetValueOrDefault(r.Key)).Where(r => r.Value != 0).ToDictionary());
}
