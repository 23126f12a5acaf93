namespace Ratsworkflow.Functions.Organizations;

/// <summary>The municipality (OParl Body) whose council the workflow serves.</summary>
/// <param name="ReferencePrefix">First part of every reference, e.g. "A" in "A/2026/0042".</param>
/// <param name="TimeZone">IANA id, for OParl and calendars; always <see cref="Wording.GermanFormat.TimeZone"/>, the one time zone
/// of pages, mails, deadlines and meeting days (<see cref="CatalogCheck"/> refuses another).</param>
public sealed record Body(string Id, string Name, string ReferencePrefix, string TimeZone = "Europe/Berlin")
{
    /// <summary>When storage last wrote its row (the table's own timestamp); null for a catalog not read from the table.</summary>
    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>The body's calendar day at <paramref name="now"/>: a meeting on the 12th is "today" until midnight in the town hall.</summary>
    public DateOnly Today(DateTimeOffset now) => Wording.GermanFormat.LocalDate(now);
}

/// <summary>An address of the Ratsbüro / Sitzungsdienst that gets the clerks' mails.</summary>
public sealed record Clerk(string Name, string Email);
