using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Ratsworkflow.FunctionApp.Durable;
using Ratsworkflow.FunctionApp.Hosting;

namespace Ratsworkflow.FunctionApp.Functions;

/// <summary>
/// Every HTTP request (any path, any method; host.json routePrefix "") goes to the app's own pipeline: the pages, the
/// JSON API, OParl, calendars, static files. The app authenticates by itself (clerk cookie, API token), so the
/// function is anonymous.
/// </summary>
public sealed class WebFunction(EmbeddedApp app, BoundDurableTaskClient engine)
{
    public const string Name = "Web";

    [Function(Name)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, Route = "{*path}")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        engine.Bind(client);
        await app.ProcessAsync(request.HttpContext);
        // The app wrote the response itself; an empty result tells the worker there is nothing left to write.
        return Results.Empty;
    }
}
