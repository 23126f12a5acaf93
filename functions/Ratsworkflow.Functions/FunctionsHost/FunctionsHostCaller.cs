using System.Net;

namespace Ratsworkflow.Functions.FunctionsHost;

/// <summary>
/// Tells the Functions host's own trigger invocations apart from internet requests that the <c>Http</c> function
/// forwards to the same server. Both arrive over loopback, but the host sends its invocations to
/// <c>http://127.0.0.1:{port}/{FunctionName}</c> (so <c>Host: 127.0.0.1:{port}</c>) with no proxy headers, while a
/// forwarded request keeps the client's <c>Host</c> (the app's domain) and carries the front end's headers
/// (<c>X-ARR-LOG-ID</c>, <c>X-Forwarded-For</c>, …), which a client can add to but not remove.
/// </summary>
internal sealed class FunctionsHostCaller(int port)
{
    // Set by the App Service / Flex Consumption front end or by a reverse proxy; never on the host's own calls.
    private static readonly string[] ProxyHeaders =
    [
        "X-ARR-LOG-ID", "DISGUISED-HOST", "X-Original-URL", "X-Forwarded-For", "X-Forwarded-Host", "X-Original-For", "Forwarded",
    ];

    public int Port => port;

    public bool IsFunctionsHost(HttpContext context)
    {
        var request = context.Request;
        return request.Host.Port == port
            && IsLoopbackName(request.Host.Host)
            && context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
            && !ProxyHeaders.Any(request.Headers.ContainsKey);
    }

    private static bool IsLoopbackName(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
}
