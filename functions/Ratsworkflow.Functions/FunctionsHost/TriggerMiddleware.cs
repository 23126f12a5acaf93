using System.Globalization;
using System.Text.Json;
using Ratsworkflow.Durable;

namespace Ratsworkflow.Functions.FunctionsHost;

/// <summary>
/// Serves <c>POST /OrchestrationQueue</c>, <c>POST /ActivityQueue</c> and <c>POST /TimerTick</c> to the Functions host
/// (and only to it: anyone else gets what any unknown path gets, a 404). It sits first in the pipeline, before
/// forwarded headers, rate limits, authentication and the HTML error pages, none of which apply to the host.
/// </summary>
internal sealed class TriggerMiddleware(
    RequestDelegate next,
    FunctionsHostCaller caller,
    DurableTaskWorker worker,
    PeriodicWorkRunner periodicWork,
    ILogger<TriggerMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || TriggerFunctions.FromPath(context.Request.Path) is not { } function
            || !caller.IsFunctionsHost(context))
        {
            await next(context);
            return;
        }
        var cancellationToken = context.RequestAborted;
        TriggerInvocation invocation;
        try
        {
            using var reader = new StreamReader(context.Request.Body);
            invocation = TriggerInvocation.Parse(await reader.ReadToEndAsync(cancellationToken));
        }
        catch (JsonException ex)
        {
            logger.LogError(ex, "{Function}: the Functions host sent a body this server cannot read.", function);
            await TriggerResult.WithLogs($"{function}: unreadable invocation body: {ex.Message}").WriteAsync(context, StatusCodes.Status400BadRequest);
            return;
        }
        if (TriggerFunctions.QueueOf(function) is { } queue)
        {
            await HandleQueueMessageAsync(context, function, queue, invocation, cancellationToken);
        }
        else
        {
            await HandleTimerTickAsync(context, invocation, cancellationToken);
        }
    }

    private async Task HandleQueueMessageAsync(HttpContext context, string function, QueueKind queue, TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        string message;
        try
        {
            message = invocation.QueueMessage(TriggerFunctions.MessageBinding);
        }
        catch (JsonException ex)
        {
            logger.LogError(ex, "{Function}: no queue message in the invocation.", function);
            await TriggerResult.WithLogs($"{function}: {ex.Message}").WriteAsync(context, StatusCodes.Status400BadRequest);
            return;
        }
        // Without a count the server never treats an attempt as the last one; the host still poisons the message.
        var attempt = invocation.DequeueCount ?? 1;
        var max = worker.Options.MaxDequeueCount;
        var subject = $"{function}: message {invocation.MessageId ?? "?"} (attempt {attempt} of {max})";
        try
        {
            await worker.EnsureStorageAsync(cancellationToken);
            await worker.HandleMessageAsync(queue, message, attempt, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The engine has logged it. A non-2xx answer leaves the message in the queue for another attempt.
            await TriggerResult.WithLogs($"{subject} failed and will be retried: {ex.GetType().Name}: {ex.Message}")
                .WriteAsync(context, StatusCodes.Status500InternalServerError);
            return;
        }
        var done = attempt >= max ? $"{subject} done (last attempt: a failure was moved to the poison queue)" : $"{subject} done";
        await TriggerResult.WithLogs(done).WriteAsync(context, StatusCodes.Status200OK);
    }

    private async Task HandleTimerTickAsync(HttpContext context, TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        var logs = new List<string>();
        var failed = false;
        if (invocation.IsPastDue(TriggerFunctions.TimerBinding))
        {
            logs.Add("TimerTick is past due (a tick was missed); catching up.");
        }
        var steps = new (string Name, Func<CancellationToken, Task<string>> Run)[]
        {
            ("task hub", async ct => { await worker.EnsureStorageAsync(ct); return "ready"; }),
            ("durable timers fired", async ct => Count(await worker.FireDueTimersAsync(ct))),
            ("pending instances started again", async ct => Count(await worker.RepairPendingInstancesAsync(ct))),
        };
        foreach (var (name, run) in steps)
        {
            try
            {
                logs.Add($"{name}: {await run(cancellationToken)}");
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(ex, "TimerTick: {Step} failed.", name);
                logs.Add($"{name}: failed: {ex.GetType().Name}: {ex.Message}");
                failed = true;
            }
        }
        var failures = await periodicWork.RunAllAsync(cancellationToken);
        logs.AddRange(failures.Select(f => "periodic work failed: " + f));
        await TriggerResult.WithLogs(logs).WriteAsync(context, failed || failures.Count > 0
            ? StatusCodes.Status500InternalServerError
            : StatusCodes.Status200OK);
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
