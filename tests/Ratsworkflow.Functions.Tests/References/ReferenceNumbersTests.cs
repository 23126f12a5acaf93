using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Ratsworkflow.Functions.References;
using Ratsworkflow.Functions.Tests.Tokens;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.References;

public sealed class ReferenceNumbersTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly string _tableName = AzuriteFixture.UniqueName("refs");

    [Fact]
    public async Task AssignAsync_FiftyConcurrentMotions_GetOneToFiftyWithoutGapsOrDuplicates()
    {
        var motions = Enumerable.Range(1, 50).Select(i => $"motion-{i}").ToArray();

        // One store and client each, as concurrent activities in several server processes would have.
        var references = await Task.WhenAll(motions.Select(m => Task.Run(() => Numbers().AssignAsync(m))));

        Assert.Equal(Enumerable.Range(1, 50), references.Select(r => r.Number).Order());
        Assert.All(references, r => Assert.Equal(("A", 2026), (r.Prefix, r.Year)));
        var numbers = Numbers();
        for (var i = 0; i < motions.Length; i++)
        {
            Assert.Equal(motions[i], await numbers.FindMotionAsync(references[i]));
            Assert.Equal(references[i], await numbers.GetAsync(motions[i]));
        }
    }

    [Fact]
    public async Task AssignAsync_SameMotionAgain_ReturnsItsNumberAndConsumesNone()
    {
        var numbers = Numbers();

        var first = await numbers.AssignAsync("motion-a");
        var again = await numbers.AssignAsync("motion-a");
        var next = await numbers.AssignAsync("motion-b");

        Assert.Equal("A/2026/0001", first.ToString());
        Assert.Equal(first, again);
        Assert.Equal("A/2026/0002", next.ToString());
    }

    [Fact]
    public async Task AssignAsync_SameMotionConcurrently_GetsOneNumber()
    {
        var references = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => Numbers().AssignAsync("motion-a"))));

        Assert.Single(references.Distinct());
        Assert.Equal(2, (await Numbers().AssignAsync("motion-b")).Number);
    }

    [Fact]
    public async Task AssignAsync_NewYearAtTheCouncilsSeat_RestartsAtOne()
    {
        // 23:30 in Berlin on New Year's Eve is still 2026; an hour later it is 2027 there, though not yet in UTC.
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 31, 22, 30, 0, TimeSpan.Zero));
        var numbers = Numbers();
        await numbers.AssignAsync("motion-a");
        var lastOf2026 = await numbers.AssignAsync("motion-b");

        _time.Advance(TimeSpan.FromHours(1));
        var firstOf2027 = await numbers.AssignAsync("motion-c");
        var repeatedFrom2026 = await numbers.AssignAsync("motion-b");

        Assert.Equal("A/2026/0002", lastOf2026.ToString());
        Assert.Equal("A/2027/0001", firstOf2027.ToString());
        Assert.Equal(lastOf2026, repeatedFrom2026);
        Assert.Equal("A/2027/0002", (await numbers.AssignAsync("motion-d")).ToString());
    }

    [Fact]
    public async Task AssignAsync_ConfiguredAndExplicitPrefix_AreSeparateSeries()
    {
        var numbers = Numbers(prefix: "DS");

        Assert.Equal("DS/2026/0001", (await numbers.AssignAsync("motion-a")).ToString());
        Assert.Equal("BR/2026/0001", (await numbers.AssignAsync("motion-a", "BR")).ToString());
        Assert.Equal("DS/2026/0002", (await numbers.AssignAsync("motion-b")).ToString());
    }

    [Fact]
    public async Task AssignAsync_MotionIdUnfitForTableKey_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Numbers().AssignAsync("a/b"));
        await Assert.ThrowsAsync<ArgumentException>(() => Numbers().AssignAsync("m-1", "A/B"));
    }

    [Fact]
    public async Task GetAsync_UnregisteredMotion_IsNull()
    {
        Assert.Null(await Numbers().GetAsync("motion-x"));
        Assert.Null(await Numbers().FindMotionAsync(new Reference("A", 2026, 1)));
    }

    [Theory]
    [InlineData("A/2026/0042", "A", 2026, 42)]
    [InlineData("BR/2027/12345", "BR", 2027, 12345)]
    public void TryParse_WrittenReference_RoundTrips(string text, string prefix, int year, int number)
    {
        Assert.True(Reference.TryParse(text, out var reference));
        Assert.Equal(new Reference(prefix, year, number), reference);
        Assert.Equal(text, reference.Value.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("A/2026")]
    [InlineData("A/2026/0000")]
    [InlineData("A/2026/-1")]
    [InlineData("A#/2026/0001")]
    [InlineData("A/2026/0001/1")]
    public void TryParse_NotAReference_IsFalse(string? text) => Assert.False(Reference.TryParse(text, out _));

    private ReferenceNumbers Numbers(string prefix = "A") =>
        new(new TableServiceClient(azurite.ConnectionString), _time,
            Options.Create(new ReferenceOptions { TableName = _tableName, Prefix = prefix }));
}
