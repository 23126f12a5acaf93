using System.Text;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Security;
using Ratsworkflow.Functions.Wording;

namespace Ratsworkflow.Functions.Clerks;

/// <summary>
/// <c>GET /ratsbuero/export.csv</c>: the dashboard's list, with its filters, as a file German Excel opens as it is —
/// UTF-8 with byte order mark (umlauts), ';' between fields, CRLF between lines.
/// </summary>
public static class MotionExport
{
    public const string Path = "/ratsbuero/export.csv";

    /// <summary>A generous upper bound: an export is a report, not a way to copy the storage.</summary>
    public const int MaxRows = 100_000;

    private const int PageSize = 200;

    private static readonly string[] Header =
    [
        "Aktenzeichen", "Titel", "Fraktion", "Stand", "Status", "Liegt bei", "Nächste Sitzung", "TOP", "Wartet auf", "Fällig am", "Überfällig",
        "Eingegangen am", "Beschluss am", "Beratungsfolge", "Zuletzt geändert",
    ];

    public static IEndpointRouteBuilder MapMotionExport(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, ExportAsync).RequireAuthorization(ClerkAuthentication.PolicyName);
        return routes;
    }

    private static async Task ExportAsync(HttpContext context, MotionIndex index, OrganizationStore organizations,
        Meetings.AgendaNumbers numbers, TimeProvider clock, MotionStage? stage, string? factionId, bool? overdue, string? q,
        string? organizationId, MotionSort? sort, CancellationToken cancellationToken)
    {
        var catalog = await organizations.GetCatalogAsync(cancellationToken);
        var filter = new MotionFilter(stage, factionId, overdue == true, q, organizationId, sort ?? MotionSort.Newest);
        var response = context.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"antraege-{GermanFormat.LocalDate(clock.GetUtcNow()):yyyy-MM-dd}.csv\"";
        // Names and addresses of people: no copy in any cache on the way.
        response.Headers.CacheControl = "no-store";

        await response.Body.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024);
        await WriteLineAsync(writer, Header);
        var rows = 0;
        string? continuation = null;
        do
        {
            var page = await index.PageAsync(filter.ToQuery(continuation, PageSize), cancellationToken);
            var tops = await numbers.OfAsync(page.Items, cancellationToken);
            foreach (var item in page.Items.Take(MaxRows - rows))
            {
                await WriteLineAsync(writer, Row(item, catalog, tops.TryGetValue(item.MotionId, out var top) ? top : null));
                rows++;
            }
            continuation = page.Continuation;
        }
        while (continuation is not null && rows < MaxRows);
    }

    private static string?[] Row(MotionListItem item, OrganizationCatalog catalog, int? top) =>
    [
        item.Reference,
        item.Title,
        catalog.NameOf(item.FactionId),
        MotionStages.Label(item.Stage),
        item.Status,
        item.CurrentBodyId is { } body ? catalog.NameOf(body) : null,
        item.MeetingDate is { } meeting ? GermanFormat.ShortDate(meeting) : null,
        top?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        item.WaitingFor,
        item.DueAt is { } due ? Wording.GermanDates.ShortDeadline(due) : null,
        item.Overdue ? "ja" : "nein",
        GermanFormat.ShortDateTime(item.CreatedAt),
        item.DecisionDate is { } decided ? GermanFormat.ShortDate(decided) : null,
        Route(item, catalog),
        GermanFormat.ShortDateTime(item.UpdatedAt),
    ];

    /// <summary>"Ausschuss für Soziales 18.12.2026: ungeändert empfohlen → Rat: noch nicht terminiert", in one cell.</summary>
    internal static string Route(MotionListItem item, OrganizationCatalog catalog) => string.Join(" → ", item.Consultations.Select(c =>
        catalog.NameOf(c.OrganizationId)
        + (c.MeetingDate is { } date ? " " + GermanFormat.ShortDate(date) : "")
        + ": "
        + (c.Outcome is { } outcome
            ? Consultations.ConsultationOutcomes.DisplayName(outcome, c.IsCouncil)
            : c.MeetingDate is null ? "noch nicht terminiert" : "offen")));

    private static Task WriteLineAsync(StreamWriter writer, IEnumerable<string?> cells) =>
        writer.WriteAsync(string.Join(';', cells.Select(Cell)) + "\r\n");

    /// <summary>
    /// One field: quoted when it holds a separator, quote or line break; a leading = + - @ (a formula to Excel)
    /// gets an apostrophe first, so a title can never run as a formula on a clerk's machine.
    /// </summary>
    internal static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
