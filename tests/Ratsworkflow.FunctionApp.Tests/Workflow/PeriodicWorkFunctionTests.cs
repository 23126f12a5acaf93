using System.Net;
using Microsoft.Azure.Functions.Worker;
using Ratsworkflow.Testing;

namespace Ratsworkflow.FunctionApp.Tests.Workflow;

/// <summary>The timer function runs the app's periodic work with the app's services.</summary>
public sealed class PeriodicWorkFunctionTests(AzuriteFixture azurite, MailDevFixture mail) : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>
{
    [Fact]
    public async Task RunAsync_UnconfirmedSubmissionPastItsExpiry_IsDeletedAndTheFactionTold()
    {
        // One second: the confirmation link must still expire in the future when it is issued.
        await using var worker = await WorkerHarness.StartAsync(azurite.ConnectionString, mail.MailDev,
            new Dictionary<string, string?> { ["Workflow:ConfirmationExpiry"] = "00:00:01" });
        var title = "Verkehrskonzept " + Guid.NewGuid().ToString("N")[..8];
        var motionId = await Web.Submission.SubmitAsync(worker, title);
        var before = await worker.Clerk.GetAsync($"/api/motions/{motionId}");

        // Ticks as the timer would, a little faster, until the second has passed (a few at most).
        var after = before.StatusCode;
        for (var tick = 0; tick < 20 && after != HttpStatusCode.NotFound; tick++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            await worker.PeriodicWork.RunAsync(new TimerInfo(), worker.BindingClient, CancellationToken.None);
            after = (await worker.Clerk.GetAsync($"/api/motions/{motionId}")).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after);
        var mails = await worker.Mail.WaitForAsync(all => all.Count(m => m.IsTo(Web.Submission.FactionAddress) && m.Subject.Contains(title, StringComparison.Ordinal)) >= 2);
        Assert.Equal(2, mails.Count(m => m.IsTo(Web.Submission.FactionAddress) && m.Subject.Contains(title, StringComparison.Ordinal)));
    }
}
