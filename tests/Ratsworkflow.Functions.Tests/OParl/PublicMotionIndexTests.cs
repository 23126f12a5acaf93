using Azure.Data.Tables;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.OParl;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.OParl;

/// <summary>The projection behind the paper lists, and the stamps of catalog objects, on their own Azurite.</summary>
public sealed class PublicMotionIndexTests : IClassFixture<AzuriteFixture>
{
    private readonly TableServiceClient _tables;
    private readonly MotionStore _store;
    private readonly PublicMotionIndex _index;

    public PublicMotionIndexTests(AzuriteFixture azurite)
    {
        _tables = new TableServiceClient(azurite.ConnectionString);
        // Each test gets fresh tables: the store's table names are fixed, so clear them.
        foreach (var table in new[] { MotionStore.TableName, MotionIndex.TableName, PublicMotionIndex.TableName, CatalogStamps.TableName })
        {
            _tables.DeleteTable(table);
        }
        _store = new MotionStore(_tables, new MotionIndex(_tables));
        _index = new PublicMotionIndex(_tables);
    }

    [Fact]
    public async Task Update_ChangedMotion_MovesToTheEndOfTheModifiedListOnce()
    {
        var first = await RegisterAsync("Erster", 1);
        var second = await RegisterAsync("Zweiter", 2);
        var changed = first with { Stage = MotionStage.Withdrawn, WithdrawnAt = At(10), UpdatedAt = At(10) };

        await _store.SaveAsync(first, changed, []);
        // A workflow activity that runs twice saves again from the same stale "before".
        await _store.SaveAsync(first, changed with { UpdatedAt = At(11) }, []);

        var page = await _index.PageAsync(new PublicMotionRange(ModifiedSince: At(0)), null, 10, default);
        Assert.Equal([second.MotionId, first.MotionId], page.Items.Select(m => m.MotionId));
        Assert.Equal(At(11), page.Items[^1].UpdatedAt);
        Assert.Equal(MotionStage.Withdrawn, page.Items[^1].Stage);
        var created = await _index.PageAsync(new PublicMotionRange(), null, 10, default);
        Assert.Equal([first.MotionId, second.MotionId], created.Items.Select(m => m.MotionId));
    }

    [Fact]
    public async Task Update_Unconfirmed_IsNotInTheProjection()
    {
        var motion = Motion("Unbestätigt", 1) with { Reference = null, RegisteredAt = null, Stage = MotionStage.AwaitingConfirmation };

        await _store.CreateAsync(motion, new TimelineEntry(At(1), "submitted", "eingereicht"));

        Assert.Empty((await _index.PageAsync(new PublicMotionRange(), null, 10, default)).Items);
    }

    [Fact]
    public async Task Page_Limit_ContinuesAfterTheLastKeyWithoutGapsOrRepeats()
    {
        var ids = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            ids.Add((await RegisterAsync("Antrag " + i, i)).MotionId);
        }

        var seen = new List<string>();
        string? after = null;
        PublicMotionPage page;
        do
        {
            page = await _index.PageAsync(new PublicMotionRange(), after, 2, default);
            seen.AddRange(page.Items.Select(m => m.MotionId));
            after = page.LastKey;
        }
        while (page.HasMore);

        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task EnsureBuilt_MotionsStoredBeforeTheProjectionExisted_AreFilledInOnce()
    {
        var motion = await RegisterAsync("Alt", 1);
        _tables.DeleteTable(PublicMotionIndex.TableName);

        var fresh = new PublicMotionIndex(_tables);
        var all = await fresh.AllAsync(default);

        Assert.Equal([motion.MotionId], all.Select(m => m.MotionId));
        Assert.Single((await fresh.PageAsync(new PublicMotionRange(ModifiedSince: At(0)), null, 10, default)).Items);
    }

    [Fact]
    public async Task Stamps_ChangedObject_KeepsCreatedAndMovesModified()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(At(0));
        using var stamps = new CatalogStamps(_tables, clock);
        var first = await stamps.GetAsync(new object(), new Dictionary<string, CatalogVersion> { ["a"] = new("1", At(0)), ["b"] = new("1", At(0)) }, default);
        clock.Advance(TimeSpan.FromHours(5));

        // "a" changed in storage at +1 h; the API is first asked at +5 h.
        var second = await stamps.GetAsync(new object(), new Dictionary<string, CatalogVersion> { ["a"] = new("2", At(0).AddHours(1)), ["b"] = new("1", At(0)) }, default);

        Assert.Equal(first["a"].Created, second["a"].Created);
        Assert.Equal(At(0).AddHours(1), second["a"].Modified);
        Assert.Equal(first["b"], second["b"]);
    }

    private async Task<MotionRecord> RegisterAsync(string title, int day)
    {
        var motion = Motion(title, day);
        await _store.CreateAsync(motion, new TimelineEntry(At(day), "registered", "registriert"));
        return motion;
    }

    private static MotionRecord Motion(string title, int day) => Motions.MotionTables.Registered(title, At(day), day);

    private static DateTimeOffset At(int day) => Motions.MotionTables.At(day);
}
