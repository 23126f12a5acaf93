using System.Net;
using Microsoft.AspNetCore.Http;
using Ratsworkflow.Functions.FunctionsHost;
using Xunit;

namespace Ratsworkflow.Functions.Tests.FunctionsHost;

/// <summary>Which requests count as the Functions host's own trigger invocations (docs/deployment.md, item 5).</summary>
public sealed class FunctionsHostCallerTests
{
    private const int Port = 41234;
    private static readonly FunctionsHostCaller Caller = new(Port);

    [Theory]
    [InlineData("127.0.0.1:41234")]
    [InlineData("[::1]:41234")]
    [InlineData("localhost:41234")]
    public void IsFunctionsHost_LoopbackHostWithTheHandlerPort_True(string host) => Assert.True(Caller.IsFunctionsHost(Request(host)));

    [Theory]
    [InlineData("func-goettingen-test-x7k2.azurewebsites.net")]
    [InlineData("rats.goettingen.example.org:41234")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:80")]
    [InlineData("10.0.0.4:41234")]
    public void IsFunctionsHost_OtherHost_False(string host) => Assert.False(Caller.IsFunctionsHost(Request(host)));

    [Fact]
    public void IsFunctionsHost_RemoteConnection_False() =>
        Assert.False(Caller.IsFunctionsHost(Request("127.0.0.1:41234", remote: IPAddress.Parse("203.0.113.7"))));

    [Theory]
    [InlineData("X-ARR-LOG-ID")]
    [InlineData("DISGUISED-HOST")]
    [InlineData("X-Original-URL")]
    [InlineData("X-Forwarded-For")]
    [InlineData("X-Forwarded-Host")]
    [InlineData("Forwarded")]
    public void IsFunctionsHost_ProxyHeader_False(string header)
    {
        var context = Request("127.0.0.1:41234");
        context.Request.Headers[header] = "x";

        Assert.False(Caller.IsFunctionsHost(context));
    }

    private static DefaultHttpContext Request(string host, IPAddress? remote = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.Host = HostString.FromUriComponent(host);
        context.Request.Path = "/" + TriggerFunctions.OrchestrationQueue;
        context.Connection.RemoteIpAddress = remote ?? IPAddress.Loopback;
        return context;
    }
}
