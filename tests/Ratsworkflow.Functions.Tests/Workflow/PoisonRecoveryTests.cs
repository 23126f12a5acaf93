using System.Net;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Ratsworkflow.Durable;
using Ratsworkflow.Functions.Email;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Workflow;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Workflow;

/// <summary>
/// A message the engine cannot process must not stop the other motions. One that names no instance only ends in the
/// poison queue; one that belongs to a motion makes it show as failed on the dashboard until a clerk retries it. A
/// step that fails all its attempts (a mail server down for half an hour) shows the same way and is retried the same.
/// </summary>
public sealed class PoisonRecoveryTests(AzuriteFixture azurite, MailDevFixture mail) : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>
{
    [Fact]
    public async Task Garbage_OnEngineQueues_GoesToPoisonQueuesAndMotionsGoOn()
    {
        await using var app = await WorkflowApp.StartAsync(azurite.ConnectionString, mail.MailDev);
        var hub = app.Services.GetRequiredService<DurableTaskClient>().Options.HubName.ToLowerInvariant();
        var raw = new QueueServiceClient(azurite.ConnectionString);
        var base64 = new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await raw.GetQueueClient(hub + "-control").SendMessageAsync("kein Base64 und kein JSON {{");
        await base64.GetQueueClient(hub + "-control").SendMessageAsync("{\"unbekannt\": true}");
        await base64.GetQueueClient(hub + "-workitems").SendMessageAsync("kein JSON");

        var motion = new Scenario(app);
        await motion.SubmitAsync(beiratReview: false, "ausschuss-soziales");
        await motion.ConfirmFromMailAsync();
        await motion.WaitForStageAsync(MotionStage.Consultation);
        await motion.MeetAsync("ausschuss-soziales", "approved");
        await motion.MeetAsync("rat", "approved");
        await motion.WaitForStageAsync(MotionStage.Decided);

        await WaitForAsync(async () => await CountAsync(raw, hub + "-control-poison") == 2 && await CountAsync(raw, hub + "-workitems-poison") == 1,
            async () => $"The garbage did not reach the poison queues: control-poison {await CountAsync(raw, hub + "-control-poison")}, " +
                $"workitems-poison {await CountAsync(raw, hub + "-workitems-poison")}, control {await CountAsync(raw, hub + "-control")}.");
        // Nothing stays behind in the working queues (an undecodable message would stay there invisibly for ever).
        await WaitForAsync(async () => await CountAsync(raw, hub + "-control") + await CountAsync(raw, hub + "-workitems") == 0,
            async () => $"Messages stayed in the queues: control {await CountAsync(raw, hub + "-control")}, workitems {await CountAsync(raw, hub + "-workitems")}.");
    }

    [Fact]
    public async Task FailingStep_UntilMaxDequeueCount_ShowsFailedAndRetryCompletesTheMotion()
    {
        var storageDown = new OutageSwitch();
        await using var app = await WorkflowApp.StartAsync(azurite.ConnectionString, mail.MailDev,
            configure: builder => builder.Services.AddTransient(sp =>
                storageDown.IsDown ? throw new InvalidOperationException("Speicher nicht erreichbar (Test)") : ActivatorUtilities.CreateInstance<WorkflowServices>(sp)));
        var failing = new Scenario(app);
        await failing.SubmitAsync(beiratReview: false, "ausschuss-soziales");
        await failing.ConfirmFromMailAsync();
        await failing.WaitForStageAsync(MotionStage.Consultation);
        var other = new Scenario(app);
        await other.SubmitAsync(beiratReview: false, "ausschuss-soziales");
        await other.ConfirmFromMailAsync();
        await other.WaitForStageAsync(MotionStage.Consultation);

        storageDown.IsDown = true;
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        // Far enough ahead that the other motion's meetings (the clock moves 14 days) leave it in the future.
        var meeting = today.AddDays(60);
        await failing.ScheduleAsync("ausschuss-soziales", meeting);
        var failed = await failing.WaitForStageAsync(MotionStage.Failed);
        var dashboard = await app.GetJsonAsync<JsonElement>("/api/motions?stage=Failed");
        storageDown.IsDown = false;

        Assert.Contains("Speicher nicht erreichbar", failed.StatusText + (await app.Clerk.GetStringAsync($"/api/motions/{failing.MotionId}")), StringComparison.Ordinal);
        Assert.Contains(dashboard.GetProperty("items").EnumerateArray(), i => i.GetProperty("motionId").GetString() == failing.MotionId);
        await other.MeetAsync("ausschuss-soziales", "approved");
        await other.MeetAsync("rat", "approved");
        await other.WaitForStageAsync(MotionStage.Decided);

        var retry = await app.Clerk.PostAsync($"/api/motions/{failing.MotionId}/retry", null);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        await failing.WaitForStageAsync(MotionStage.Consultation, m => m.Consultations[0].MeetingDate is not null);
        app.Clock.Advance(meeting.ToDateTime(TimeOnly.MinValue) - app.Clock.GetUtcNow().UtcDateTime.Date);
        Assert.True((await failing.ResultAsync("ausschuss-soziales", "approved")).IsSuccessStatusCode);
        await failing.MeetAsync("rat", "approved");
        await failing.WaitForStageAsync(MotionStage.Decided);
    }

    [Fact]
    public async Task FailingActivity_AfterAllItsAttempts_ShowsFailedAndRetrySendsTheMailOnce()
    {
        var mailDown = new OutageSwitch();
        await using var app = await WorkflowApp.StartAsync(azurite.ConnectionString, mail.MailDev,
            configure: builder => FailMailsWhile(builder, mailDown));
        var motion = new Scenario(app);
        await motion.SubmitAsync(beiratReview: false, "ausschuss-soziales");
        await motion.ConfirmFromMailAsync();
        await motion.WaitForStageAsync(MotionStage.Consultation);

        mailDown.IsDown = true;
        var meeting = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(30);
        Assert.Equal(HttpStatusCode.OK, (await motion.ScheduleAsync("ausschuss-soziales", meeting)).StatusCode);
        for (var attempt = 1; attempt < Activities.Retry.Retry!.MaxNumberOfAttempts; attempt++)
        {
            // Each attempt's failure sets the timer of the next (10 s up to 810 s on the workflow's clock).
            await motion.WaitForHistoryAsync(h => h.Count(e => e.Type == HistoryEventType.TaskFailed) >= attempt);
            app.Clock.Advance(TimeSpan.FromMinutes(15));
        }
        var failed = await motion.WaitForStageAsync(MotionStage.Failed);
        mailDown.IsDown = false;

        Assert.Contains("SMTP nicht erreichbar (Test)", failed.StatusText + await app.Clerk.GetStringAsync($"/api/motions/{motion.MotionId}"), StringComparison.Ordinal);
        Assert.Equal(0, await motion.CountMailsAsync("gruene-fraktion@example.org", "Beratung terminiert"));

        // A double click: one retry takes effect, the other finds nothing left to retry.
        var retries = await Task.WhenAll(
            app.Clerk.PostAsync($"/api/motions/{motion.MotionId}/retry", null), app.Clerk.PostAsync($"/api/motions/{motion.MotionId}/retry", null));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], retries.Select(r => r.StatusCode).Order());
        await motion.MailAsync("gruene-fraktion@example.org", "Beratung terminiert");
        await motion.WaitForStageAsync(MotionStage.Consultation, m => m.Consultations[0].MeetingDate == meeting);
        app.Clock.Advance(meeting.ToDateTime(TimeOnly.MinValue) - app.Clock.GetUtcNow().UtcDateTime.Date);
        Assert.True((await motion.ResultAsync("ausschuss-soziales", "approved")).IsSuccessStatusCode);
        await motion.MailAsync("gruene-fraktion@example.org", "Ergebnis");
        Assert.Equal(1, await motion.CountMailsAsync("gruene-fraktion@example.org", "Beratung terminiert"));
        await motion.MeetAsync("rat", "approved");
        await motion.WaitForStageAsync(MotionStage.Decided);
        Assert.Equal(HttpStatusCode.Conflict, (await app.Clerk.PostAsync($"/api/motions/{motion.MotionId}/retry", null)).StatusCode);
    }

    /// <summary>Wraps the app's mail transport (ledger and SMTP) so that every send fails while the switch is down.</summary>
    private static void FailMailsWhile(WebApplicationBuilder builder, OutageSwitch down)
    {
        var registered = builder.Services.Last(d => d.ServiceType == typeof(IEmailTransport)).ImplementationFactory!;
        builder.Services.AddSingleton<IEmailTransport>(sp => new SwitchedTransport((IEmailTransport)registered(sp), down));
    }

    private sealed class SwitchedTransport(IEmailTransport inner, OutageSwitch down) : IEmailTransport
    {
        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
            down.IsDown ? throw new EmailDeliveryException("SMTP nicht erreichbar (Test)") : inner.SendAsync(message, cancellationToken);
    }

    private static async Task<int> CountAsync(QueueServiceClient queues, string name)
    {
        var properties = await queues.GetQueueClient(name).GetPropertiesAsync();
        return properties.Value.ApproximateMessagesCount;
    }

    private static async Task WaitForAsync(Func<Task<bool>> done, Func<Task<string>> failure)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!await done())
        {
            if (DateTime.UtcNow > until)
            {
                Assert.Fail(await failure());
            }
            await Task.Delay(50);
        }
    }

    private sealed class OutageSwitch
    {
        public volatile bool IsDown;
    }
}
