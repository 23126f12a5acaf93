using Ratsworkflow.Functions.Wording;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Wording;

public sealed class GermanDatesTests
{
    [Theory]
    [InlineData("2026-03-03T17:00:00Z", "3. März 2026, 18:00 Uhr")]
    [InlineData("2026-03-03T23:00:00Z", "3. März 2026")] // midnight in Göttingen: due by the end of 3 March
    [InlineData("2026-07-14T22:00:00Z", "14. Juli 2026")]
    public void Deadline_Instant_NoMidnightTime(string utc, string expected) =>
        Assert.Equal(expected, GermanDates.Deadline(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-03-03T17:00:00Z", "03.03.2026 18:00")]
    [InlineData("2026-03-03T23:00:00Z", "03.03.2026")]
    public void ShortDeadline_Instant_NoMidnightTime(string utc, string expected) =>
        Assert.Equal(expected, GermanDates.ShortDeadline(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));
}
