using Ratsworkflow.Functions.Wording;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Wording;

public sealed class GermanTextTests
{
    [Theory]
    [InlineData(1, false, "1 Tag")]
    [InlineData(14, false, "14 Tage")]
    [InlineData(1, true, "einem Tag")]
    [InlineData(3, true, "3 Tagen")]
    public void Days_Count_SingularPluralAndDative(int count, bool dative, string expected) =>
        Assert.Equal(expected, GermanText.Days(count, dative));

    [Theory]
    [InlineData(0.2, "1 Sekunde")]
    [InlineData(45, "45 Sekunden")]
    [InlineData(60, "60 Sekunden")]
    [InlineData(119, "2 Minuten")]
    [InlineData(2400, "40 Minuten")]
    [InlineData(3600, "60 Minuten")]
    [InlineData(5400, "2 Stunden")]
    public void Duration_Seconds_RoundedUpInTheLargestReadableUnit(double seconds, string expected) =>
        Assert.Equal(expected, GermanText.Duration(TimeSpan.FromSeconds(seconds)));
}
