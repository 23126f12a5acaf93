using System.Globalization;

namespace Ratsworkflow.Functions.Wording;

/// <summary>
/// Numbers with their nouns in correct German, for every generated sentence: "1 Tag", "3 Tage", "innerhalb von
/// 3 Tagen", "in 40 Minuten". Dates and organization names have their own helpers in this folder.
/// </summary>
public static class GermanText
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>"1 Tag", "14 Tage"; in the dative ("innerhalb von …", "nach …") "einem Tag", "14 Tagen".</summary>
    public static string Days(int count, bool dative = false) =>
        count == 1 ? (dative ? "einem Tag" : "1 Tag") : Number(count) + (dative ? " Tagen" : " Tage");

    /// <summary>
    /// A waiting time as a person reads it, rounded up to whole units so nobody comes back too early:
    /// "45 Sekunden", "1 Minute", "40 Minuten", "2 Stunden".
    /// </summary>
    public static string Duration(TimeSpan duration)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(duration.TotalSeconds));
        if (seconds < 90)
        {
            return Counted(seconds, "Sekunde", "Sekunden");
        }
        var minutes = (long)Math.Ceiling(seconds / 60.0);
        return minutes < 90 ? Counted(minutes, "Minute", "Minuten") : Counted((long)Math.Ceiling(minutes / 60.0), "Stunde", "Stunden");
    }

    private static string Counted(long count, string one, string many) => Number(count) + " " + (count == 1 ? one : many);

    private static string Number(long value) => value.ToString("#,0", Culture);
}
