using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Tests.Workflow;
using Ratsworkflow.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Ratsworkflow.Functions.Tests.Motions;

/// <summary>
/// What the dashboard index (lists and search trigrams) costs over one whole motion, driven through the API: the
/// figure of docs/benchmarks.md ("Search"). The bound catches a regression.
/// </summary>
public sealed class SearchIndexCostTests(AzuriteFixture azurite, MailDevFixture mail, ITestOutputHelper output) : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>
{
    [Fact]
    public async Task WholeMotion_IndexRequests_BoundedByRowsTimesLineChanges()
    {
        var log = new TableRequestLog();
        await using var app = await WorkflowApp.StartAsync(azurite.ConnectionString, mail.MailDev,
            configure: builder => builder.Services.AddSingleton(log.Client(azurite.ConnectionString)));
        var motion = new Scenario(app);

        await motion.SubmitAsync(beiratReview: true, "ausschuss-soziales");
        await motion.ConfirmFromMailAsync();
        await motion.VoteAndDecideAsync("Gut so.");

        var index = log.To(MotionIndex.TableName).Count;
        var record = await app.Services.GetRequiredService<MotionStore>().GetAsync(motion.MotionId);
        var rows = MotionIndex.Partitions(record!).Count();
        output.WriteLine($"whole motion \"{motion.Title}\": {index} MotionIndex requests (index rows per line: {rows}), {log.All.Count} app table requests in all");
        Assert.InRange(index, rows, 20 * rows);
    }
}
