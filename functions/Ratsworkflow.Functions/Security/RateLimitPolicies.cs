using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Ratsworkflow.Functions.Security;

/// <summary>
/// Named per-client-IP limits for the endpoints anyone can reach: <c>.RequireRateLimiting(RateLimitPolicies.Token)</c>.
/// Each is a fixed window per client (<see cref="ClientWindowLimiter"/>), configurable as <c>RateLimits:{name}:PermitLimit</c>
/// and <c>RateLimits:{name}:Window</c>.
/// </summary>
public static class RateLimitPolicies
{
    /// <summary>Motion form and <c>POST /api/motions</c>.</summary>
    public const string Submission = "submission";

    /// <summary>Requests for a clerk's sign-in link.</summary>
    public const string SignIn = "signin";

    /// <summary>Pages and calls that take a token from a link (confirm, vote, status, withdraw).</summary>
    public const string Token = "token";

    public const string Section = "RateLimits";

    internal static IServiceCollection AddRateLimitPolicies(this IServiceCollection services, IConfiguration configuration)
    {
        // Defaults leave room for a faction office or the city hall behind one address, yet stop scripted floods.
        var policies = new (string Name, int PermitLimit, TimeSpan Window)[]
        {
            (Submission, 20, TimeSpan.FromHours(1)),
            (SignIn, 10, TimeSpan.FromMinutes(15)),
            (Token, 60, TimeSpan.FromMinutes(1)),
        };
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            foreach (var (name, permitLimit, window) in policies)
            {
                var section = configuration.GetSection(Section).GetSection(name);
                var limit = section.GetValue("PermitLimit", permitLimit);
                var length = section.GetValue("Window", window);
                options.AddPolicy(name, context => RateLimitPartition.Get(ClientKey(context),
                    _ => new ClientWindowLimiter(limit, length, context.RequestServices.GetRequiredService<TimeProvider>())));
            }
        });
        return services;
    }

    /// <summary>
    /// The client's address (after forwarded headers from a trusted local proxy). IPv6 counts per /64, since one
    /// household or mobile client can pick any address of its /64.
    /// </summary>
    internal static string ClientKey(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>Where a refusal leaves the waiting time for the error page (<c>/fehler/429</c>).</summary>
    public const string RetryAfterItem = "rw-retry-after";

    /// <summary>
    /// The real time left (<see cref="ClientWindowLimiter"/>) in Retry-After. A browser gets no body here, so the
    /// status code pages show the German error page with the waiting time; an API client gets problem+json.
    /// </summary>
    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (!http.Request.Path.StartsWithSegments("/api") && http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType == "text/html"))
        {
            http.Items[RetryAfterItem] = TimeSpan.FromSeconds(seconds);
            return;
        }
        await SecurityProblems.TooManyRequestsAsync(http, seconds);
    }
}
