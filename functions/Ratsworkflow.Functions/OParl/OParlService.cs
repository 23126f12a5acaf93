using Ratsworkflow.Functions.Email;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;

namespace Ratsworkflow.Functions.OParl;

/// <summary>Everything one OParl request reads, assembled once per request.</summary>
public sealed record OParlContext(OrganizationCatalog Catalog, OParlUrls Urls, OParlDirectory Directory, PaperModel Papers, MeetingModel Meetings);

/// <summary>Reads what the API publishes: the catalog (with its stamps), the public motions, single motion records and the meetings.</summary>
public sealed class OParlService(
    OrganizationStore organizations,
    CatalogStamps stamps,
    PublicMotionIndex index,
    MotionStore motions,
    Meetings.MeetingStore meetings,
    IConfiguration configuration)
{
    private readonly Uri _publicBaseUrl = Uri.TryCreate(configuration[NotificationRenderer.PublicBaseUrlKey], UriKind.Absolute, out var configured)
        ? configured
        : new Uri(NotificationRenderer.DefaultPublicBaseUrl);

    public PublicMotionIndex Index => index;

    public async Task<OParlContext> ContextAsync(CancellationToken cancellationToken)
    {
        var catalog = await organizations.GetCatalogAsync(cancellationToken);
        var urls = new OParlUrls(_publicBaseUrl, catalog.Body.Id);
        var stamped = await stamps.GetAsync(catalog, OParlDirectory.Fingerprints(catalog), cancellationToken);
        var directory = OParlDirectory.Build(catalog, stamped, urls, "Ratsworkflow – " + catalog.Body.Name);
        return new OParlContext(catalog, urls, directory, new PaperModel(urls, catalog), new MeetingModel(urls, catalog));
    }

    public Meetings.MeetingStore Meetings => meetings;

    /// <summary>Every meeting with its agenda, by date: one read of each committee's and the council's partition.</summary>
    public async Task<IReadOnlyList<Meetings.Agenda>> AgendasAsync(OrganizationCatalog catalog, string? organizationId,
        CancellationToken cancellationToken)
    {
        var bodies = organizationId is null ? Functions.Meetings.MeetingEndpoints.Bodies(catalog) : [organizationId];
        var agendas = await Task.WhenAll(bodies.Select(b => meetings.AgendasAsync(b, cancellationToken)));
        return [.. agendas.SelectMany(a => a).OrderBy(a => a.Meeting.Date).ThenBy(a => a.Meeting.StartTime)
            .ThenBy(a => a.Meeting.OrganizationId, StringComparer.Ordinal)];
    }

    /// <summary>A motion's full record when it is public; null for an unknown or not yet binding one.</summary>
    public async Task<MotionRecord?> PublicRecordAsync(string motionId, CancellationToken cancellationToken) =>
        IsMotionId(motionId) && await motions.GetAsync(motionId, cancellationToken) is { } record && PublicMotion.IsPublic(record) ? record : null;

    /// <summary>Motion ids are 32 hex digits; anything else is not looked up.</summary>
    public static bool IsMotionId(string id) => id.Length is > 0 and <= 64 && id.All(char.IsAsciiLetterOrDigit);
}
