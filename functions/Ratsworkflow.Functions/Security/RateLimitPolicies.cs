using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Ratsworkflow.Functions.Security;

/// <summary>
/// Named per-client-IP limits for the endpoints anyone can reach: <c>.RequireRateLimiting(RateLimitPolicies.Token)</c>.
/// Each is a fixed window, configurable as <c>RateLimits:{name}:PermitLimit</c> and <c>RateLimits:{name}:Window</c>.
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
                var limiter = new FixedWindowRateLimiterOptions
                {
                    PermitLimit = section.GetValue(nameof(FixedWindowRateLimiterOptions.PermitLimit), permitLimit),
                    Window = section.GetValue(nameof(FixedWindowRateLimiterOptions.Window), window),
                    QueueLimit = 0,
                };
                options.AddPolicy(name, context => RateLimitPartition.GetFixedWindowLimiter(ClientKey(context), _ => limiter));
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

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await SecurityProblems.TooManyRequestsAsync(context.HttpContext, seconds);
    }
}
