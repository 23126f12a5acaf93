using Microsoft.AspNetCore.Http.HttpResults;
using Ratsworkflow.Functions.Api;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Security;

namespace Ratsworkflow.Functions.Meetings;

/// <summary>The clerks' JSON API for meetings (Sitzungen) and their agendas; same authentication as the motions' clerk endpoints.</summary>
public static class MeetingEndpoints
{
    public static IEndpointRouteBuilder MapMeetingApi(this IEndpointRouteBuilder routes)
    {
        var meetings = routes.MapGroup("/api/meetings").RequireAuthorization(ClerkAuthentication.PolicyName);
        meetings.MapGet("", ListAsync);
        meetings.MapPost("", CreateAsync);
        meetings.MapGet("/{meetingId}", GetAsync);
        meetings.MapPatch("/{meetingId}", ChangeAsync);
        meetings.MapPost("/{meetingId}/agenda", ReorderAsync);
        meetings.MapPost("/{meetingId}/results", ResultsAsync);
        return routes;
    }

    /// <summary>One partition read per organization: the one asked for, or each committee and the council.</summary>
    private static async Task<Results<Ok<MeetingListResponse>, ProblemHttpResult>> ListAsync(string? organizationId, string? from, string? to,
        MeetingStore store, OrganizationStore organizations, CancellationToken ct)
    {
        var catalog = await organizations.GetCatalogAsync(ct);
        var errors = new Dictionary<string, string[]>();
        if (organizationId is { Length: > 0 } && catalog.Find(organizationId) is null)
        {
            errors["organizationId"] = ["Unbekanntes Gremium."];
        }
        var fromDate = ParseDate(from, "from", errors);
        var toDate = ParseDate(to, "to", errors);
        if (fromDate > toDate)
        {
            errors["to"] = ["Das Ende des Zeitraums liegt vor seinem Anfang."];
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Problem(400, "Die Filter sind ungültig.", errors);
        }
        var bodies = organizationId is { Length: > 0 } ? [organizationId] : Bodies(catalog);
        var lists = await Task.WhenAll(bodies.Select(b => store.ListAsync(b, fromDate, toDate, ct)));
        return TypedResults.Ok(new MeetingListResponse(
            lists.SelectMany(l => l).OrderBy(m => m.Date).ThenBy(m => m.StartTime).Select(m => MeetingView.From(m)).ToList()));
    }

    private static async Task<Results<Created<MeetingView>, ProblemHttpResult>> CreateAsync(HttpRequest request, MeetingService meetings,
        CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateMeetingRequest>(request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var outcome = await meetings.CreateAsync(body!, ct);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/meetings/{outcome.Value!.Id}", MeetingView.From(outcome.Value, []))
            : ApiProblems.From(outcome);
    }

    private static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> GetAsync(string meetingId, MeetingStore store, CancellationToken ct) =>
        await store.GetAgendaAsync(meetingId, ct) is { } agenda
            ? TypedResults.Ok(MeetingView.From(agenda.Meeting, agenda.Items))
            : ApiProblems.Problem(404, "Diese Sitzung gibt es nicht.");

    private static async Task<Results<Ok<MeetingChangedResponse>, ProblemHttpResult>> ChangeAsync(string meetingId, HttpRequest request,
        MeetingService meetings, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<ChangeMeetingRequest>(request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var outcome = await meetings.ChangeAsync(meetingId, body!, Actor(request), ct);
        return outcome.Succeeded
            ? TypedResults.Ok(new MeetingChangedResponse(MeetingView.From(outcome.Value!.Meeting), MotionAnswerView.From(outcome.Value.Motions),
                outcome.Detail))
            : ApiProblems.From(outcome);
    }

    private static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> ReorderAsync(string meetingId, HttpRequest request,
        MeetingService meetings, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<ReorderRequest>(request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var outcome = await meetings.ReorderAsync(meetingId, body!, ct);
        return outcome.Succeeded ? TypedResults.Ok(MeetingView.From(outcome.Value!.Meeting, outcome.Value.Items)) : ApiProblems.From(outcome);
    }

    private static async Task<Results<Ok<MeetingResultsResponse>, ProblemHttpResult>> ResultsAsync(string meetingId, HttpRequest request,
        MeetingResults results, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<MeetingResultsRequest>(request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var outcome = await results.RecordAsync(meetingId, body!.Results ?? [], Actor(request), ct);
        return outcome.Succeeded
            ? TypedResults.Ok(new MeetingResultsResponse(meetingId, MotionAnswerView.From(outcome.Value!), outcome.Detail))
            : ApiProblems.From(outcome);
    }

    /// <summary>The organizations that hold meetings: committees and the council.</summary>
    public static IReadOnlyList<string> Bodies(OrganizationCatalog catalog) =>
        [.. catalog.Organizations.Where(o => o.Kind is OrganizationKind.Committee or OrganizationKind.Council).Select(o => o.Id)];

    private static DateOnly? ParseDate(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd",
            System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors[field] = ["Bitte ein Datum im Format JJJJ-MM-TT angeben, zum Beispiel 2026-12-18."];
        return null;
    }

    private static string Actor(HttpRequest request) => "Ratsbüro"
        + (request.HttpContext.User.Identity?.Name is { Length: > 0 } name && name.Contains('@', StringComparison.Ordinal)
            ? $" ({name})"
            : "");
}
