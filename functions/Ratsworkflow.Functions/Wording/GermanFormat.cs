using System.Globalization;

namespace Ratsworkflow.Functions.Wording;

/// <summary>
/// Dates and times as a German reader expects them, in the municipality's time zone. Storage keeps UTC; only the
/// page converts, so a meeting at 18:00 in Berlin never shows as 17:00 on a server that runs in UTC.
/// </summary>
public static class GermanFormat
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("de-DE");

    public static TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>"3. März 2026"</summary>
    public static string Date(DateOnly date) => date.ToString("d. MMMM yyyy", Culture);

    /// <summary>"3. März 2026"</summary>
    public static string Date(DateTimeOffset instant) => Local(instant).ToString("d. MMMM yyyy", Culture);

    /// <summary>"03.03.2026" — for tables, where the long form is too wide.</summary>
    public static string ShortDate(DateTimeOffset instant) => Local(instant).ToString("dd.MM.yyyy", Culture);

    /// <summary>"03.03.2026 18:00" — for tables and exports.</summary>
    public static string ShortDateTime(DateTimeOffset instant) => Local(instant).ToString("dd.MM.yyyy HH:mm", Culture);

    /// <summary>"03.03.2026"</summary>
    public static string ShortDate(DateOnly date) => date.ToString("dd.MM.yyyy", Culture);

    /// <summary>"3. März 2026, 18:00 Uhr"</summary>
    public static string DateTime(DateTimeOffset instant) => Local(instant).ToString("d. MMMM yyyy, HH:mm 'Uhr'", Culture);

    /// <summary>The municipality's calendar day at <paramref name="instant"/>, e.g. for a date field's default.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);

    /// <summary>A file size as Germans read it: "850 KB", "2,4 MB".</summary>
    public static string FileSize(long bytes) => bytes < 1024 * 1024
        ? Math.Max(1, (long)Math.Ceiling(bytes / 1024.0)).ToString("N0", Culture) + " KB"
        : (bytes / (1024.0 * 1024.0)).ToString("0.0", Culture) + " MB";

    /// <summary>For <c>&lt;time datetime="…"&gt;</c>: ISO 8601 with the offset.</summary>
    public static string Iso(DateTimeOffset instant) => instant.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    private static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);
}
