using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Motions;

/// <summary>The dashboard index kept in step by <see cref="MotionStore.SaveAsync"/>, its requests counted per table.</summary>
public sealed class MotionIndexTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly MotionTables _motions = new(azurite.ConnectionString);

    [Fact]
    public async Task Save_OnlyVotesAcksAndTimeChanged_WritesNoIndexRow()
    {
        var motion = await CreateAsync("Radverkehr im Quartier");
        var voted = motion.WithAck(CommandAck.Ok("c1", "gezählt")) with
        {
            Beirat = new BeiratSummary("integrationsrat", 1, At(20), new VoteCount(1, 0, 0), 7, BeiratOutcome.Pending),
            UpdatedAt = At(2),
        };
        _motions.Log.Clear();

        await _motions.Store.SaveAsync(motion, voted, []);

        Assert.Empty(_motions.Log.To(MotionIndex.TableName));
        Assert.NotEmpty(_motions.Log.All);
    }

    [Fact]
    public async Task Save_StatusChanged_RewritesEveryListRowButNoTrigramRow()
    {
        var motion = await CreateAsync("Radverkehr im Quartier");
        var changed = motion with { Status = "Wartet auf den Beirat", UpdatedAt = At(2) };
        var grams = MotionIndex.Partitions(changed).Where(MotionIndex.IsGramPartition).ToList();
        _motions.Log.Clear();

        await _motions.Store.SaveAsync(motion, changed, []);

        Assert.Equal(MotionIndex.Rows(changed).Count() - grams.Count, _motions.Log.To(MotionIndex.TableName).Count);
        foreach (var partition in MotionIndex.Partitions(changed).Except(grams))
        {
            var row = Assert.Single((await _motions.Index.PageAsync(partition, null, null, 10, default)).Items);
            Assert.Equal("Wartet auf den Beirat", row.Status);
            Assert.Equal(At(2), row.UpdatedAt);
        }
        Assert.NotEmpty(grams);
        foreach (var partition in grams)
        {
            var row = Assert.Single((await _motions.Index.PageAsync(partition, null, null, 10, default)).Items);
            Assert.Equal((motion.MotionId, motion.Title, ""), (row.MotionId, row.Title, row.Status));
        }
    }

    [Fact]
    public async Task Save_StageFactionOverdueAndTitleChanged_MovesRowsBetweenPartitions()
    {
        var motion = await CreateAsync("Radverkehr im Quartier");
        var moved = motion with { Stage = MotionStage.Consultation, FactionId = "gruene", Overdue = true, Title = "Fußverkehr im Quartier", UpdatedAt = At(2) };

        await _motions.Store.SaveAsync(motion, moved, []);

        foreach (var gone in new[] { MotionIndex.StagePartition(MotionStage.Registered), MotionIndex.FactionPartition("spd"), MotionIndex.GramPartition("rad") })
        {
            Assert.Empty((await _motions.Index.PageAsync(gone, null, null, 10, default)).Items);
        }
        foreach (var now in new[] { MotionIndex.StagePartition(MotionStage.Consultation), MotionIndex.FactionPartition("gruene"), MotionIndex.OverduePartition, MotionIndex.GramPartition("fuß"), MotionIndex.GramPartition("qua") })
        {
            Assert.Equal(moved.Title, Assert.Single((await _motions.Index.PageAsync(now, null, null, 10, default)).Items).Title);
        }
    }

    [Fact]
    public async Task Save_IndexWriteFailed_KeepsOldRecordSoTheRerunUpdatesTheIndex()
    {
        var motion = await CreateAsync("Radverkehr im Quartier");
        var moved = motion with { Stage = MotionStage.Consultation, UpdatedAt = At(2) };
        _motions.Log.FailTable = MotionIndex.TableName;

        await Assert.ThrowsAnyAsync<Exception>(() => _motions.Store.SaveAsync(motion, moved, []));
        _motions.Log.FailTable = null;
        // The activity runs again: it reads the record, which must still be the old one.
        var reread = await _motions.Store.GetAsync(motion.MotionId);
        await _motions.Store.SaveAsync(reread!, moved, []);

        Assert.Equal(MotionStage.Registered, reread!.Stage);
        Assert.Empty((await _motions.Index.PageAsync(MotionIndex.StagePartition(MotionStage.Registered), null, null, 10, default)).Items);
        Assert.Single((await _motions.Index.PageAsync(MotionIndex.StagePartition(MotionStage.Consultation), null, null, 10, default)).Items);
    }

    private Task<MotionRecord> CreateAsync(string title) => _motions.CreateAsync(title);

    private static DateTimeOffset At(int day) => MotionTables.At(day);
}
