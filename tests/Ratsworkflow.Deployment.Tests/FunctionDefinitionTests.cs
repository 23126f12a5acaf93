using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Deployment.Tests;

/// <summary>
/// The Azure Functions that the Functions host runs in front of the custom handler (infra/functions/NAME/function.json)
/// and the host.json settings they depend on. The server must serve the routes these imply
/// (docs/deployment.md, "What the server implements").
/// </summary>
public sealed partial class FunctionDefinitionTests
{
    public static string FunctionsDirectory => Path.Combine(RepositoryPaths.Root, "infra", "functions");

    public static readonly string[] ExpectedFunctions = ["ActivityQueue", "Http", "OrchestrationQueue", "TimerTick"];

    [Fact]
    public void Exactly_the_four_functions_are_defined()
    {
        var names = Directory.GetDirectories(FunctionsDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(ExpectedFunctions, names);
        foreach (var name in ExpectedFunctions)
        {
            Assert.Matches(ValidFunctionName(), name);
            Assert.True(File.Exists(Path.Combine(FunctionsDirectory, name, "function.json")), $"{name}/function.json is missing");
        }
    }

    [Fact]
    public void Http_forwards_every_route_and_method_anonymously()
    {
        var bindings = Bindings("Http");
        Assert.Equal(2, bindings.Count); // only trigger + http output: the host then forwards the request as it is

        var trigger = bindings.Single(b => (string?)b["type"] == "httpTrigger");
        Assert.Equal("in", (string?)trigger["direction"]);
        Assert.Equal("anonymous", (string?)trigger["authLevel"]); // the app authenticates (clerk cookie, API token)
        Assert.Equal("{*path}", (string?)trigger["route"]);
        Assert.Null(trigger["methods"]); // no list: every method

        var output = bindings.Single(b => (string?)b["type"] == "http");
        Assert.Equal("out", (string?)output["direction"]);

        var host = HostJson.Read();
        Assert.Equal("", (string?)host["extensions"]!["http"]!["routePrefix"]); // /api/health stays /api/health
        Assert.True((bool?)host["customHandler"]!["enableForwardingHttpRequest"]);
    }

    [Theory]
    [InlineData("OrchestrationQueue", "-control")]
    [InlineData("ActivityQueue", "-workitems")]
    public void Queue_functions_listen_on_the_engine_queues_with_the_identity_based_connection(string function, string suffix)
    {
        var binding = Assert.Single(Bindings(function));
        Assert.Equal("queueTrigger", (string?)binding["type"]);
        Assert.Equal("in", (string?)binding["direction"]);
        Assert.Equal("message", (string?)binding["name"]); // the key of the message in the request's "Data"
        Assert.Equal(HostJson.HubName + suffix, (string?)binding["queueName"]);
        // "Storage": the host reads Storage__queueServiceUri + Storage__credential (managed identity), the same
        // section the app uses, so triggers and engine always see the same account.
        Assert.Equal("Storage", (string?)binding["connection"]);
    }

    [Fact]
    public void Timer_ticks_every_minute_and_not_on_startup()
    {
        var binding = Assert.Single(Bindings("TimerTick"));
        Assert.Equal("timerTrigger", (string?)binding["type"]);
        Assert.Equal("in", (string?)binding["direction"]);
        var schedule = (string)binding["schedule"]!;
        // NCRONTAB with seconds: {second} {minute} {hour} {day} {month} {day-of-week}; in UTC (Flex Consumption
        // ignores WEBSITE_TIME_ZONE), second 0 of every minute.
        Assert.Equal(["0", "*", "*", "*", "*", "*"], schedule.Split(' '));
        Assert.False((bool?)binding["runOnStartup"]);
        Assert.True((bool?)binding["useMonitor"]); // a tick missed while scaled to zero runs late, flagged IsPastDue
    }

    [Fact]
    public void Host_json_runs_the_app_as_custom_handler_with_a_bundle_that_flex_consumption_supports()
    {
        var host = HostJson.Read();
        Assert.Equal("2.0", (string?)host["version"]);
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", (string?)host["extensionBundle"]!["id"]);
        Assert.StartsWith("[4.", (string?)host["extensionBundle"]!["version"]); // Flex: bundle 4.x or later
        Assert.Equal("base64", (string?)host["extensions"]!["queues"]!["messageEncoding"]); // engine writes Base64
        Assert.True((int?)host["extensions"]!["queues"]!["maxDequeueCount"] > 0);

        // The executable that host.json starts is the app's assembly name (apphost of the self-contained publish).
        var project = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "functions", "Ratsworkflow.Functions", "Ratsworkflow.Functions.csproj"));
        Assert.Contains($"<AssemblyName>{HostJson.DefaultExecutablePath}</AssemblyName>", project, StringComparison.Ordinal);
    }

    public static List<JsonObject> Bindings(string function)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(FunctionsDirectory, function, "function.json")))!;
        return json["bindings"]!.AsArray().Select(b => b!.AsObject()).ToList();
    }

    // Azure Functions names: a letter, then letters, digits, '_' or '-', at most 128 characters.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,127}$")]
    private static partial Regex ValidFunctionName();
}
