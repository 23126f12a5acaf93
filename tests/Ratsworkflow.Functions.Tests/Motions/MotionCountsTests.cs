using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Motions;

/// <summary>The dashboard's numbers per list, moved by <see cref="MotionIndex"/> and corrected by the recount.</summary>
public sealed class MotionCountsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly string Registered = MotionIndex.StagePartition(MotionStage.Registered);
    private static readonly string Consultation = MotionIndex.StagePartition(MotionStage.Consultation);
    private readonly MotionTables _motions = new(azurite.ConnectionString);

    [Fact]
    public async Task GivenThreeRegisteredMotions_WhenOneMovesToConsultation_ThenTheCountsFollow()
    {
        var first = await CreateAsync(1);
        await CreateAsync(2);
        await CreateAsync(3);

        await _motions.Store.SaveAsync(first, first with { Stage = MotionStage.Consultation, Overdue = true, UpdatedAt = At(5) }, []);

        var counts = await _motions.Index.Counts.ReadAsync(default);
        Assert.Equal(2, counts[Registered]);
        Assert.Equal(1, counts[Consultation]);
        Assert.Equal(1, counts[MotionIndex.OverduePartition]);
    }

    [Fact]
    public async Task GivenAStepThatRanTwice_WhenItSavesTheSameChangeAgain_ThenEveryMotionIsCountedOnce()
    {
        var motion = await CreateAsync(1);
        var moved = motion with { Stage = MotionStage.Consultation, UpdatedAt = At(5) };

        await _motions.Store.SaveAsync(motion, moved, []);
        await _motions.Index.UpdateAsync(motion, moved, default); // the rerun still reads the old record as "before"

        var counts = await _motions.Index.Counts.ReadAsync(default);
        Assert.Equal(0, counts[Registered]);
        Assert.Equal(1, counts[Consultation]);
    }

    [Fact]
    public async Task GivenAMotion_WhenItIsDeletedTwice_ThenItIsCountedOutOnce()
    {
        var motion = await CreateAsync(1);
        await CreateAsync(2);

        await _motions.Store.DeleteAsync(motion);
        await _motions.Index.RemoveAsync(motion, default);

        Assert.Equal(1, (await _motions.Index.Counts.ReadAsync(default))[Registered]);
    }

    [Fact]
    public async Task GivenManyMotions_WhenTheDashboardReadsTheCounts_ThenItIsOneRequestAndNoIndexRead()
    {
        for (var i = 1; i <= 12; i++)
        {
            await CreateAsync(i);
        }
        _motions.Log.Clear();

        var counts = await _motions.Index.Counts.ReadAsync(default);

        Assert.Equal(12, counts[Registered]);
        Assert.Single(_motions.Log.To(MotionCounts.TableName));
        Assert.Empty(_motions.Log.To(MotionIndex.TableName));
    }

    [Fact]
    public async Task GivenConcurrentSaves_WhenTheyAllMoveTheSameCounter_ThenNoneIsLost()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => _motions.Index.Counts.AddAsync(Consultation, 1, default)));

        Assert.Equal(40, (await _motions.Index.Counts.ReadAsync(default))[Consultation]);
    }

    [Fact]
    public async Task GivenACounterLeftWrongByACrash_WhenTheRecountRuns_ThenItMatchesTheList()
    {
        await CreateAsync(1);
        await CreateAsync(2);
        await _motions.Index.Counts.AddAsync(Registered, 5, default); // a process that died between counter and row

        var corrected = await _motions.Index.Counts.RecountAsync(_motions.Index, MotionIndex.CountedPartitions, default);

        Assert.Equal(1, corrected);
        Assert.Equal(2, (await _motions.Index.Counts.ReadAsync(default))[Registered]);
    }

    [Fact]
    public async Task GivenTheRecountRanThisHour_WhenTheNextTickComes_ThenItWaitsUntilTheHourIsOver()
    {
        var clock = new FakeTimeProvider(At(1));
        var recount = new MotionCountsRecount(_motions.Index, clock, NullLogger<MotionCountsRecount>.Instance);
        await CreateAsync(1);
        await recount.RunAsync(default);
        await _motions.Index.Counts.AddAsync(Registered, 3, default);

        clock.Advance(TimeSpan.FromMinutes(59));
        await recount.RunAsync(default);
        var early = (await _motions.Index.Counts.ReadAsync(default))[Registered];
        clock.Advance(TimeSpan.FromMinutes(1));
        await recount.RunAsync(default);

        Assert.Equal(4, early);
        Assert.Equal(1, (await _motions.Index.Counts.ReadAsync(default))[Registered]);
    }

    private Task<MotionRecord> CreateAsync(int i) => _motions.CreateAsync("Radverkehr im Quartier " + i, i);

    private static DateTimeOffset At(int day) => MotionTables.At(day);
}
