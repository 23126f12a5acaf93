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

    private readonly string _hub;

    private StorageProxy(RequestTally tally, string hub)
    {
        Tally = tally;
        _hub = hub;
    }

    public RequestTally Tally { get; }
    public string ConnectionString { get; private set; } = "";

    /// <param name="hub">The task hub: resources named after it are the engine's (<see cref="TaskHub"/>).</param>
    public static StorageProxy Start(Ratsworkflow.Testing.Azurite azurite, RequestTally tally, string hub)
    {
        var proxy = new StorageProxy(tally, hub);
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
            var clock = new ExchangeClock(Tally);
            var requests = new RequestPump(fromClient, toServer, clock.Sent, (method, path, body) =>
            {
                var kind = Classify(service, method, path, body, _hub);
                Tally.Add(kind);
                clock.Classified(kind);
            });
            var responses = CopyAsync(toServer, fromClient, clock.Answered);
            await Task.WhenAny(requests.RunAsync(), responses);
        }
        catch (Exception)
        {
            // A connection closed by either side ends its pumps; nothing to count.
        }
    }

    private static async Task CopyAsync(Stream from, Stream to, Action onRead)
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer)) > 0)
        {
            onRead();
            await to.WriteAsync(buffer.AsMemory(0, read));
        }
    }

    /// <summary>
    /// Times each request of one connection from its head reaching the proxy to the first byte of Azurite's answer:
    /// the storage's own time, without the app's. The storage SDKs send one request at a time per connection (no
    /// pipelining), so the next bytes coming back answer the request sent last. Its kind is known only once its body
    /// is read, which can be after the answer began; whichever comes second records.
    /// </summary>
    private sealed class ExchangeClock(RequestTally tally)
    {
        private readonly Lock _gate = new();
        private long _sent;
        private long _answered;
        private RequestKind? _kind;
        private bool _waiting;

        public void Sent()
        {
            lock (_gate)
            {
                (_sent, _answered, _kind, _waiting) = (System.Diagnostics.Stopwatch.GetTimestamp(), 0, null, true);
            }
        }

        public void Classified(RequestKind kind)
        {
            lock (_gate)
            {
                if (_answered != 0)
                {
                    tally.AddTime(kind, _answered - _sent);
                    _answered = 0;
                }
                else
                {
                    _kind = kind;
                }
            }
        }

        public void Answered()
        {
            lock (_gate)
            {
                if (!_waiting)
                {
                    return;
                }
                _waiting = false;
                var now = System.Diagnostics.Stopwatch.GetTimestamp();
                if (_kind is { } kind)
                {
                    tally.AddTime(kind, now - _sent);
                    _kind = null;
                }
                else
                {
                    _answered = now;
                }
            }
        }
    }

    /// <summary>"Table Motions PointRead", "Queue ratsbeschluss-control-00 Receive", "Table ratsbeschlussHistory Batch".</summary>
    /// <param name="body">The body of a <c>$batch</c> or of a table creation (which names the table); null for others.</param>
    internal static RequestKind Classify(string service, string method, string path, string? body, string hub)
    {
        var kind = ClassifyResource(service, method, path, body);
        return kind with { IsEngine = TaskHub.Owns(hub, kind.Resource) };
    }

    private static RequestKind ClassifyResource(string service, string method, string path, string? batchBody)
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
                    // The engine and the app both create their tables at start; the body says whose it is.
                    var created = batchBody is null ? null : CreatedTable().Match(batchBody) is { Success: true } t ? t.Groups[1].Value : null;
                    return new RequestKind(service, created ?? "(tables)", method == "POST" ? "CreateTable" : method + " Tables", 1);
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

    [GeneratedRegex(@"""TableName""\s*:\s*""([A-Za-z0-9]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex CreatedTable();

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
    private sealed class RequestPump(Stream from, Stream to, Action onHead, Action<string, string, string?> onRequest)
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
                onHead();
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
                var capture = path.Contains("$batch", StringComparison.Ordinal) || (method == "POST" && path.Contains("/Tables", StringComparison.Ordinal))
                    ? new MemoryStream() : null;
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
/// <param name="IsEngine">The engine's own resources carry the task hub's name; everything else is the app's (motions, index, tokens, ledger, ballots…).</param>
internal readonly record struct RequestKind(string Service, string Resource, string Operation, int Entities, bool IsEngine = false)
{
    public string Key => $"{Service} {Resource} {Operation}";

    /// <summary>
    /// Work the engine does whether or not anything happens: queue polls (control queues and the work-item queue, each
    /// backing off to <c>maxQueuePollingInterval</c>) and the partition leases' renewals in the blob containers
    /// <c>{hub}-leases</c> and <c>{hub}-applease</c>.
    /// </summary>
    public bool IsPolling => Operation == "Receive" || (IsEngine && (Resource.Contains("-leases", StringComparison.Ordinal) || Resource.Contains("-applease", StringComparison.Ordinal)));
}

/// <summary>Counts of storage requests by kind; snapshots subtract to give the cost of what happened in between.</summary>
internal sealed class RequestTally
{
    private readonly ConcurrentDictionary<RequestKind, long> _requests = new();
    private readonly ConcurrentDictionary<RequestKind, long> _entities = new();
    private readonly ConcurrentDictionary<RequestKind, long> _ticks = new();

    public void Add(RequestKind kind)
    {
        var key = kind with { Entities = 0 };
        _requests.AddOrUpdate(key, 1, (_, n) => n + 1);
        _entities.AddOrUpdate(key, kind.Entities, (_, n) => n + kind.Entities);
    }

    /// <summary>Azurite's time for one request (Stopwatch ticks, head in → first byte out).</summary>
    public void AddTime(RequestKind kind, long ticks) => _ticks.AddOrUpdate(kind with { Entities = 0 }, ticks, (_, n) => n + ticks);

    public TallySnapshot Snapshot() => new(new Dictionary<RequestKind, long>(_requests), new Dictionary<RequestKind, long>(_entities), new Dictionary<RequestKind, long>(_ticks));
}

/// <param name="Ticks">Azurite's time summed per kind (Stopwatch ticks); requests still unanswered are missing.</param>
internal sealed record TallySnapshot(IReadOnlyDictionary<RequestKind, long> Requests, IReadOnlyDictionary<RequestKind, long> Entities, IReadOnlyDictionary<RequestKind, long> Ticks)
{
    /// <summary>Azurite's mean time for one request of this kind, in ms.</summary>
    public double MeanMs(RequestKind kind) =>
        Requests.GetValueOrDefault(kind) is > 0 and var n ? Ticks.GetValueOrDefault(kind) * 1000.0 / System.Diagnostics.Stopwatch.Frequency / n : double.NaN;

    public long Total => Requests.Values.Sum();
    public long Engine => Requests.Where(r => r.Key.IsEngine).Sum(r => r.Value);
    public long App => Total - Engine;

    /// <summary>One line per resource and operation, engine first; counts divided by <paramref name="per"/> (minutes, votes…).</summary>
    public IEnumerable<string> Lines(double per = 1) => Requests
        .OrderByDescending(r => r.Key.IsEngine).ThenBy(r => r.Key.Service).ThenBy(r => r.Key.Resource, StringComparer.Ordinal).ThenBy(r => r.Key.Operation, StringComparer.Ordinal)
        .Select(r => $"{(r.Key.IsEngine ? "engine" : "app   ")}  {r.Key.Service,-5} {r.Key.Resource,-28} {r.Key.Operation,-14} {Format(r.Value / per),7}" +
            (r.Key.Operation == "Batch" ? $"   ({Format(Entities.GetValueOrDefault(r.Key) / per)} entities)" : ""));

    private static string Format(double value) => value == Math.Floor(value) ? value.ToString("F0", System.Globalization.CultureInfo.InvariantCulture) : value.ToString("F1", System.Globalization.CultureInfo.InvariantCulture);

    public static TallySnapshot operator -(TallySnapshot after, TallySnapshot before) =>
        new(Minus(after.Requests, before.Requests), Minus(after.Entities, before.Entities), Minus(after.Ticks, before.Ticks));

    public static TallySnapshot operator +(TallySnapshot a, TallySnapshot b) =>
        new(Plus(a.Requests, b.Requests), Plus(a.Entities, b.Entities), Plus(a.Ticks, b.Ticks));

    private static Dictionary<RequestKind, long> Plus(IReadOnlyDictionary<RequestKind, long> a, IReadOnlyDictionary<RequestKind, long> b) =>
        a.Keys.Union(b.Keys).ToDictionary(k => k, k => a.GetValueOrDefault(k) + b.GetValueOrDefault(k));

    private static Dictionary<RequestKind, long> Minus(IReadOnlyDictionary<RequestKind, long> after, IReadOnlyDictionary<RequestKind, long> before) =>
        after.Select(r => (r.Key, Value: r.Value - before.GetValueOrDefault(r.Key))).Where(r => r.Value != 0).ToDictionary(r => r.Key, r => r.Value);
}
