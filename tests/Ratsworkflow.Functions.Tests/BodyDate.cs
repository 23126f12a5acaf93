namespace Ratsworkflow.Functions.Tests;

/// <summary>
/// The calendar day of the sample body (Europe/Berlin): the app dates registrations and meetings by it, so a test that
/// took the UTC day would plan a meeting "before the registration" in the hour before midnight UTC.
/// </summary>
internal static class BodyDate
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Berlin).DateTime);
}
