using Azure.Data.Tables;
using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Motions;

/// <summary>The dashboard index kept in step by <see cref="MotionStore.SaveAsync"/>, its requests counted per table.</summary>
public sealed class MotionIndexTests : IClassFixture<AzuriteFixture>
{
    private readonly TableServiceClient _tables;
    private readonly TableRequestLog _log = new();
    private readonly MotionStore _store;
    private readonly MotionIndex _index;

    public MotionIndexTests(AzuriteFixture azurite)
    {
        _tables = new TableServiceClient(azurite.ConnectionString);
        // Each test gets fresh tables: the store's table names are fixed, so clear them.
        foreach (var table in new[] { MotionStore.TableName, MotionIndex.TableName, PublicMotionIndex.TableName })
        {
            _tables.DeleteTable(table);
        }
        var counted = _log.Client(azurite.ConnectionString);
        _index = new MotionIndex(counted);
        _store = new MotionStore(counted, _index);
    }

    [Fact]
    public async Task Save_OnlyVotesAcksAndTimeChanged_WritesNoIndexRow()
    {
        var motion = await CreateAsync("Radverkehr im Quartier");
        var voted = motion.WithAck(CommandAck.Ok("c1", "gezählt")) with
        {
            Beirat = new BeiratSummary("integrationsrat", 1, At(20), new VoteCount(1, 0, 0), 7, BeiratOutcome.Pending),
            UpdatedAt = At(2),
        };
        _log.Clear();

        await _store.SaveAsync(motion, voted, []);

        Assert.Empty(_log.To(MotionIndex.TableName));
        Assert.NotEmpty(_log.All);
    }

    [Fact]
    public async Task Save_StatusChanged_RewritesEveryPartitionRow()
    {
        var motion = await CreateAsync("Radverkehr im Quartier");
        var changed = motion with { Status = "Wartet auf den Beirat", UpdatedAt = At(2) };

        await _store.SaveAsync(motion, changed, []);

        foreach (var partition in MotionIndex.Partitions(changed))
        {
            var row = Assert.Single((await _index.PageAsync(partition, null, null, 10, default)).Items);
            Assert.Equal("Wartet auf den Beirat", row.Status);
            Assert.Equal(At(2), row.UpdatedAt);
        }
    }

    [Fact]
    public async Task Save_StageFactionOverdueAndTitleChanged_MovesRowsBetweenPartitions()
    {
        var motion = await CreateAsync("Radverkehr im Quartier");
        var moved = motion with { Stage = MotionStage.Consultation, FactionId = "gruene", Overdue = true, Title = "Fußverkehr im Quartier", UpdatedAt = At(2) };

        await _store.SaveAsync(motion, moved, []);

        foreach (var gone in new[] { MotionIndex.StagePartition(MotionStage.Registered), MotionIndex.FactionPartition("spd"), MotionIndex.WordPartition("radverkehr") })
        {
            Assert.Empty((await _index.PageAsync(gone, null, null, 10, default)).Items);
        }
        foreach (var now in new[] { MotionIndex.StagePartition(MotionStage.Consultation), MotionIndex.FactionPartition("gruene"), MotionIndex.OverduePartition, MotionIndex.WordPartition("fußverkehr"), MotionIndex.WordPartition("quartier") })
        {
            Assert.Equal(moved.Title, Assert.Single((await _index.PageAsync(now, null, null, 10, default)).Items).Title);
        }
    }

    [Fact]
    public async Task Save_IndexWriteFailed_KeepsOldRecordSoTheRerunUpdatesTheIndex()
    {
        var motion = await CreateAsync("Radverkehr im Quartier");
        var moved = motion with { Stage = MotionStage.Consultation, UpdatedAt = At(2) };
        _log.FailTable = MotionIndex.TableName;

        await Assert.ThrowsAnyAsync<Exception>(() => _store.SaveAsync(motion, moved, []));
        _log.FailTable = null;
        // The activity runs again: it reads the record, which must still be the old one.
        var reread = await _store.GetAsync(motion.MotionId);
        await _store.SaveAsync(reread!, moved, []);

        Assert.Equal(MotionStage.Registered, reread!.Stage);
        Assert.Empty((await _index.PageAsync(MotionIndex.StagePartition(MotionStage.Registered), null, null, 10, default)).Items);
        Assert.Single((await _index.PageAsync(MotionIndex.StagePartition(MotionStage.Consultation), null, null, 10, default)).Items);
    }

    private async Task<MotionRecord> CreateAsync(string title)
    {
        var motion = new MotionRecord
        {
            MotionId = Guid.NewGuid().ToString("N"),
            Reference = "A/2026/0001",
            FactionId = "spd",
            SubmitterName = "Erika Privatperson",
            SubmitterEmail = "erika@example.org",
            Title = title,
            ResolutionText = "Text",
            Justification = "Begründung",
            CreatedAt = At(1),
            RegisteredAt = At(1),
            UpdatedAt = At(1),
            Stage = MotionStage.Registered,
        };
        Assert.True(await _store.CreateAsync(motion, new TimelineEntry(At(1), "registered", "registriert")));
        return motion;
    }

    private static DateTimeOffset At(int day) => new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero).AddDays(day);
}
