using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.DurableTask.Client;
using Ratsworkflow.Functions.Periodic;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Privacy;
using Ratsworkflow.Functions.Tests.Workflow;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Privacy;

/// <summary>
/// DSGVO retention: two years after a motion ended its non-officials' personal data is gone from every table and
/// the workflow history, while the decision record stays readable. Storage is read raw, not through the app.
/// </summary>
public sealed class RetentionTests(AzuriteFixture azurite, MailDevFixture mail) : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>, IAsyncLifetime
{
    private const string Comment = "Bitte die Sprachkurse mitdenken – Kommentar 7f3a";
    private static readonly TimeSpan Retention = TimeSpan.FromDays(730);
    private WorkflowApp _app = null!;

    // The local periodic timer runs the job too whenever the test moves the clock; the test also runs it itself and
    // judges by what is stored, not by which of the two runs did the work.
    public async Task InitializeAsync() => _app = await WorkflowApp.StartAsync(azurite.ConnectionString, mail.MailDev);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private PersonalDataRetention Job => _app.Services.GetRequiredService<PersonalDataRetention>();

    [Fact]
    public async Task EraseDue_AfterRetention_RemovesPersonalDataAndKeepsTheDecision()
    {
        var decided = await DecidedAsync();
        var withdrawn = await WithdrawnAsync();
        _app.Clock.Advance(Retention + TimeSpan.FromDays(1));

        await EraseUntilDoneAsync(decided.MotionId, withdrawn.MotionId);

        foreach (var motion in new[] { decided, withdrawn })
        {
            var rows = await RowsOfAsync(motion.MotionId);
            Assert.NotEmpty(rows);
            Assert.All(rows, row => Assert.DoesNotContain("@", row, StringComparison.Ordinal));
            Assert.All(rows, row => Assert.DoesNotContain("Maria Beispiel", row, StringComparison.Ordinal));
            Assert.All(rows, row => Assert.DoesNotContain(Comment, row, StringComparison.Ordinal));
            Assert.All(rows, row => Assert.DoesNotContain("memberVotes\":{", row, StringComparison.Ordinal));
            Assert.DoesNotContain(rows, row => row.StartsWith("AccessTokens|", StringComparison.Ordinal));
            Assert.Null(await _app.Services.GetRequiredService<DurableTaskClient>().GetInstanceAsync(motion.MotionId));
        }
        var view = await decided.GetAsync();
        Assert.Equal(MotionStage.Decided, view.Stage);
        Assert.StartsWith("A/", view.Reference, StringComparison.Ordinal);
        Assert.Equal(4, view.Beirat!.Yes);
        Assert.Empty(view.Beirat.Comments);
        Assert.All(view.Consultations, c => Assert.NotNull(c.Outcome));
        Assert.Equal(Functions.Consultations.ConsultationOutcome.Approved, view.Decision);
        Assert.Contains(view.History, h => h.Type == "submitted" && h.Actor == "Fraktion");
        Assert.Equal(HttpStatusCode.OK, (await _app.Anonymous.GetAsync($"/antraege/{decided.MotionId}")).StatusCode);
        Assert.Equal(MotionStage.Withdrawn, (await withdrawn.GetAsync()).Stage);
    }

    [Fact]
    public async Task EraseDue_BeforeRetentionEnds_DeletesNothing()
    {
        var decided = await DecidedAsync();
        var before = await RowsOfAsync(decided.MotionId);
        _app.Clock.Advance(Retention - TimeSpan.FromDays(1));

        var erased = await Job.EraseDueAsync(CancellationToken.None);

        Assert.Equal(0, erased);
        Assert.Equal(before, await RowsOfAsync(decided.MotionId));
        Assert.Contains(before, row => row.Contains("maria.beispiel@example.org", StringComparison.Ordinal));
        Assert.Contains(Comment, (await decided.GetAsync()).Beirat!.Comments.Select(c => c.Comment));
    }

    [Fact]
    public async Task EraseDue_RunTwice_SecondRunChangesNothing()
    {
        var decided = await DecidedAsync();
        _app.Clock.Advance(Retention + TimeSpan.FromDays(1));
        await EraseUntilDoneAsync(decided.MotionId);
        var after = await RowsOfAsync(decided.MotionId);

        var again = await Job.EraseDueAsync(CancellationToken.None);

        Assert.Equal(0, again);
        Assert.Equal(after, await RowsOfAsync(decided.MotionId));
    }

    [Fact]
    public void Registration_RetentionJob_RunsOnEveryTick()
    {
        Assert.Contains(_app.Services.GetServices<IPeriodicWork>(), w => w is PersonalDataRetention);
    }

    private async Task EraseUntilDoneAsync(params string[] motionIds)
    {
        var store = _app.Services.GetRequiredService<MotionStore>();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await Job.EraseDueAsync(CancellationToken.None);
            var records = await Task.WhenAll(motionIds.Select(id => store.GetAsync(id)));
            if (records.All(r => r?.PersonalDataDeletedAt is not null))
            {
                return;
            }
            Assert.True(DateTime.UtcNow < until, "The retention job did not erase every motion.");
            await Task.Delay(50);
        }
    }

    private async Task<Scenario> DecidedAsync()
    {
        var motion = new Scenario(_app);
        await motion.SubmitAsync(beiratReview: true, "ausschuss-soziales");
        await motion.ConfirmFromMailAsync();
        await motion.VoteAndDecideAsync(Comment);
        await _app.Services.GetRequiredService<DurableTaskClient>().WaitForInstanceCompletionAsync(motion.MotionId);
        return motion;
    }

    private async Task<Scenario> WithdrawnAsync()
    {
        var motion = new Scenario(_app);
        await motion.SubmitAsync(beiratReview: false, "ausschuss-soziales");
        await motion.ConfirmFromMailAsync();
        await motion.WaitForStageAsync(MotionStage.Consultation);
        var status = WorkflowApp.TokenFrom(await motion.MailAsync("gruene-fraktion@example.org", "Antrag registriert"), "/status/");
        var response = await _app.Anonymous.PostAsJsonAsync($"/api/motions/{motion.MotionId}/withdraw", new { token = status });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        await motion.WaitForStageAsync(MotionStage.Withdrawn);
        await _app.Services.GetRequiredService<DurableTaskClient>().WaitForInstanceCompletionAsync(motion.MotionId);
        return motion;
    }

    /// <summary>Every stored row, in any table, that belongs to the motion (its partition or a property naming it).</summary>
    private async Task<List<string>> RowsOfAsync(string motionId)
    {
        var snapshot = await Reliability.StorageSnapshot.TakeAsync(azurite.ConnectionString);
        return snapshot.Split('\n').Where(line => line.Contains(motionId, StringComparison.Ordinal)).Select(StripEtag).ToList();
    }

    /// <summary>Rows compare by content: an index upsert of the same values changes only the ETag.</summary>
    private static string StripEtag(string line)
    {
        var parts = line.Split('|').ToList();
        return string.Join('|', parts.Where(p => !p.StartsWith("W/\"", StringComparison.Ordinal) && !p.StartsWith("Timestamp=", StringComparison.Ordinal)));
    }
}
