using System.Net;
using Ratsworkflow.Functions.Security;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Security;

public sealed class SecurityHeadersTests
{
    [Theory]
    [InlineData("/api/health", HttpStatusCode.ServiceUnavailable)] // no storage configured
    [InlineData("/gibt-es-nicht", HttpStatusCode.NotFound)]
    [InlineData(SecurityTestApp.ClerkApi, HttpStatusCode.Unauthorized)]
    public async Task AnyResponse_CarriesTheSecurityHeaders(string path, HttpStatusCode status)
    {
        await using var app = await SecurityTestApp.StartAsync("Production", new Dictionary<string, string?>());

        using var response = await app.Client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public void ContentSecurityPolicy_AllowsNoInlineScriptOrStyle()
    {
        Assert.Contains("script-src 'self';", SecurityHeadersMiddleware.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", SecurityHeadersMiddleware.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", SecurityHeadersMiddleware.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) => string.Join(",", response.Headers.GetValues(name));
}
