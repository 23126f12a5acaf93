using System.Net;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Ratsworkflow.Functions.Durable;
using Ratsworkflow.Functions.Email;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Workflow;

/// <summary>
/// A step that fails all its attempts (a mail server down for half an hour) shows the motion as „Fehler“ on the dashboard
/// until a clerk retries it; the orchestrator waits for exactly that retry (no rewind of stored history). Messages the
/// engine cannot read must not stop the other motions.
/// </summary>
public sealed class FailureRecoveryTests(AzuriteFixture azurite, MailDevFixture mail) : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>
{
    [Fact]
    public async Task Garbage_OnEngineQueues_MotionsGoOn()
    {
        await using var app = await WorkflowApp.StartAsync(azurite.ConnectionString, mail.MailDev);
        var hub = app.Services.GetRequiredService<EngineOptions>().HubName.ToLowerInvariant();
        var queues = new QueueServiceClient(azurite.ConnectionString);
        var motion = new Scenario(app);
        await motion.SubmitAsync(beiratReview: false, "ausschuss-soziales");
        await motion.ConfirmFromMailAsync();
        await motion.WaitForStageAsync(MotionStage.Consultation);
        // Text that is no JSON at all. Valid JSON of another shape on a control queue is left out: with the blob lease
        // manager it stalled that queue's orchestrations for more than 12 minutes (docs/engine.md, "Known limits").
        await queues.GetQueueClient(hub + "-control-00").SendMessageAsync("kein JSON {{");
        await queues.GetQueueClient(hub + "-workitems").SendMessageAsync("kein JSON");

        // The provider backs off on a queue that holds garbage until it gives the message up as poison (~10 minutes), and
        // on a busy machine that back-off held this motion's steps for minutes (docs/engine.md). The promise tested here
        // is that the motion goes on — commands may be answered 202 meanwhile — not how fast.
        await MeetPatientlyAsync(app, motion, "ausschuss-soziales");
        await MeetPatientlyAsync(app, motion, "rat");

        await motion.WaitForStageAsync(MotionStage.Decided, within: Patience);
    }

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(12);

    private static async Task MeetPatientlyAsync(WorkflowApp app, Scenario motion, string organizationId)
    {
        var meeting = BodyDate.Today(app.Clock).AddDays(7);
        var scheduled = await motion.ScheduleAsync(organizationId, meeting);
        Assert.True(scheduled.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, await scheduled.Content.ReadAsStringAsync());
        await motion.WaitForStageAsync(organizationId == "rat" ? MotionStage.Council : MotionStage.Consultation,
            view => view.Consultations.Any(c => c.OrganizationId == organizationId && c.MeetingDate == meeting), Patience);
        app.Clock.Advance(TimeSpan.FromDays(7));
        var recorded = await motion.ResultAsync(organizationId, "approved");
        Assert.True(recorded.IsSuccessStatusCode, await recorded.Content.ReadAsStringAsync());
        await motion.WaitForStageAsync(organizationId == "rat" ? MotionStage.Decided : MotionStage.Council, within: Patience);
    }

    [Fact]
    public async Task FailingStep_AfterAllItsAttempts_ShowsFailedRefusesCommandsAndRetrySendsTheMailOnce()
    {
        var mailDown = new OutageSwitch();
        await using var app = await WorkflowApp.StartAsync(azurite.ConnectionString, mail.MailDev,
            configure: builder => FailMailsWhile(builder, mailDown));
        var motion = new Scenario(app);
        await motion.SubmitAsync(beiratReview: false, "ausschuss-soziales");
        await motion.ConfirmFromMailAsync();
        await motion.WaitForStageAsync(MotionStage.Consultation);

        mailDown.IsDown = true;
        var meeting = BodyDate.Today(app.Clock).AddDays(30);
        // The step saves, then its mail fails: the clerk is answered, the step is tried again (WorkflowApp: twice).
        Assert.Equal(HttpStatusCode.OK, (await motion.ScheduleAsync("ausschuss-soziales", meeting)).StatusCode);
        var failed = await motion.WaitForStageAsync(MotionStage.Failed);
        var dashboard = await app.GetJsonAsync<JsonElement>("/api/motions?stage=Failed");
        var whileFailed = await motion.ScheduleAsync("ausschuss-soziales", meeting.AddDays(1));
        mailDown.IsDown = false;

        Assert.Contains("SMTP nicht erreichbar (Test)", failed.StatusText + await app.Clerk.GetStringAsync($"/api/motions/{motion.MotionId}"), StringComparison.Ordinal);
        Assert.Contains(dashboard.GetProperty("items").EnumerateArray(), i => i.GetProperty("motionId").GetString() == motion.MotionId);
        Assert.Equal(HttpStatusCode.Conflict, whileFailed.StatusCode);
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
        var decided = await motion.WaitForStageAsync(MotionStage.Decided);
        Assert.Contains(decided.History, h => h.Type == "retry");
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

    private sealed class OutageSwitch
    {
        public volatile bool IsDown;
    }
}
