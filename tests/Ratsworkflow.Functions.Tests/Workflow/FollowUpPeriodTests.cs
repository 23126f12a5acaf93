using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Workflow;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Workflow;

/// <summary>The Wiedervorlage's limit, checked in one place for the API, the meeting's results and the pages.</summary>
public sealed class FollowUpPeriodTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(730)]
    [InlineData(3660)]
    public void FromDays_WithinTheLimit_IsThatManyDays(int days)
    {
        var period = FollowUpPeriod.FromDays(days);

        Assert.Equal(OutcomeKind.Done, period.Kind);
        Assert.Equal(TimeSpan.FromDays(days), period.Value!.Interval);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(3661)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void FromDays_OutsideTheLimit_IsInvalidWithTheGermanReasonAtTheField(int days)
    {
        var period = FollowUpPeriod.FromDays(days);

        Assert.Equal(OutcomeKind.Invalid, period.Kind);
        Assert.Null(period.Value);
        Assert.Equal("Die Wiedervorlage muss zwischen 1 und 3660 Tagen liegen.", period.Detail);
        Assert.Equal(["Bitte geben Sie 1 bis 3660 Tage an."], Assert.Single(period.Errors!, e => e.Key == "followUpAfterDays").Value);
    }

    [Fact]
    public void FromDays_NoDays_IsNoWiedervorlage()
    {
        var period = FollowUpPeriod.FromDays(null);

        Assert.True(period.Succeeded);
        Assert.Null(period.Value);
    }
}
