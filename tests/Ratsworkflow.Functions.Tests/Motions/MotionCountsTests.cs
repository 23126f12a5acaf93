using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Motions;

/// <summary>The dashboard's numbers per list, moved by <see cref="MotionIndex"/> and corrected by the recount.</summary>
public sealed class MotionCountsTests : IClassFixture<AzuriteFixture>
{
    private static readonly string Registered = MotionIndex.StagePartition(MotionStage.Registered);
    private static readonly string Consultation = MotionIndex.StagePartition(MotionStage.Consultation);
    private readonly TableRequestLog _log = new();
    private readonly MotionStore _store;
    private readonly MotionIndex _index;

    public MotionCountsTests(AzuriteFixture azurite)
    {
        var tables = new TableServiceClient(azurite.ConnectionString);
        foreach (var table in new[] { MotionStore.TableName, MotionIndex.TableName, PublicMotionIndex.TableName, MotionCounts.TableName })
        {
            tables.DeleteTable(table);
        }
        var counted = _log.Client(azurite.ConnectionString);
        _index = new MotionIndex(counted);
        _store = new MotionStore(counted, _index);
    }

    [Fact]
    public async Task GivenThreeRegisteredMotions_WhenOneMovesToConsultation_ThenTheCountsFollow()
    {
        var first = await CreateAsync(1);
        await CreateAsync(2);
        await CreateAsync(3);

        await _store.SaveAsync(first, first with { Stage = MotionStage.Consultation, Overdue = true, UpdatedAt = At(5) }, []);

        var counts = await _index.Counts.ReadAsync(default);
        Assert.Equal(2, counts[Registered]);
        Assert.Equal(1, counts[Consultation]);
        Assert.Equal(1, counts[MotionIndex.OverduePartition]);
    }

    [Fact]
    public async Task GivenAStepThatRanTwice_WhenItSavesTheSameChangeAgain_ThenEveryMotionIsCountedOnce()
    {
        var motion = await CreateAsync(1);
        var moved = motion with { Stage = MotionStage.Consultation, UpdatedAt = At(5) };

        await _store.SaveAsync(motion, moved, []);
        await _index.UpdateAsync(motion, moved, default); // the rerun still reads the old record as "before"

        var counts = await _index.Counts.ReadAsync(default);
        Assert.Equal(0, counts[Registered]);
        Assert.Equal(1, counts[Consultation]);
    }

    [Fact]
    public async Task GivenAMotion_WhenItIsDeletedTwice_ThenItIsCountedOutOnce()
    {
        var motion = await CreateAsync(1);
        await CreateAsync(2);

        await _store.DeleteAsync(motion);
        await _index.RemoveAsync(motion, default);

        Assert.Equal(1, (await _index.Counts.ReadAsync(default))[Registered]);
    }

    [Fact]
    public async Task GivenManyMotions_WhenTheDashboardReadsTheCounts_ThenItIsOneRequestAndNoIndexRead()
    {
        for (var i = 1; i <= 12; i++)
        {
            await CreateAsync(i);
        }
        _log.Clear();

        var counts = await _index.Counts.ReadAsync(default);

        Assert.Equal(12, counts[Registered]);
        Assert.Single(_log.To(MotionCounts.TableName));
        Assert.Empty(_log.To(MotionIndex.TableName));
    }

    [Fact]
    public async Task GivenConcurrentSaves_WhenTheyAllMoveTheSameCounter_ThenNoneIsLost()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => _index.Counts.AddAsync(Consultation, 1, default)));

        Assert.Equal(40, (await _index.Counts.ReadAsync(default))[Consultation]);
    }

    [Fact]
    public async Task GivenACounterLeftWrongByACrash_WhenTheRecountRuns_ThenItMatchesTheList()
    {
        await CreateAsync(1);
        await CreateAsync(2);
        await _index.Counts.AddAsync(Registered, 5, default); // a process that died between counter and row

        var corrected = await _index.Counts.RecountAsync(_index, MotionIndex.CountedPartitions, default);

        Assert.Equal(1, corrected);
        Assert.Equal(2, (await _index.Counts.ReadAsync(default))[Registered]);
    }

    [Fact]
    public async Task GivenTheRecountRanThisHour_WhenTheNextTickComes_ThenItWaitsUntilTheHourIsOver()
    {
        var clock = new FakeTimeProvider(At(1));
        var recount = new MotionCountsRecount(_index, clock, NullLogger<MotionCountsRecount>.Instance);
        await CreateAsync(1);
        await recount.RunAsync(default);
        await _index.Counts.AddAsync(Registered, 3, default);

        clock.Advance(TimeSpan.FromMinutes(59));
        await recount.RunAsync(default);
        var early = (await _index.Counts.ReadAsync(default))[Registered];
        clock.Advance(TimeSpan.FromMinutes(1));
        await recount.RunAsync(default);

        Assert.Equal(4, early);
        Assert.Equal(1, (await _index.Counts.ReadAsync(default))[Registered]);
    }

    private async Task<MotionRecord> CreateAsync(int i)
    {
        var motion = new MotionRecord
        {
            MotionId = Guid.NewGuid().ToString("N"),
            Reference = $"A/2026/{i:D4}",
            FactionId = "spd",
            SubmitterName = "Erika Privatperson",
            SubmitterEmail = "erika@example.org",
            Title = "Radverkehr im Quartier " + i,
            ResolutionText = "Text",
            Justification = "Begründung",
            CreatedAt = At(1).AddMinutes(i),
            RegisteredAt = At(1).AddMinutes(i),
            UpdatedAt = At(1).AddMinutes(i),
            Stage = MotionStage.Registered,
        };
        Assert.True(await _store.CreateAsync(motion, new TimelineEntry(At(1), "registered", "registriert")));
        return motion;
    }

    private static DateTimeOffset At(int day) => new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero).AddDays(day);
}
