using Ratsworkflow.Functions.Beirat;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Ratsworkflow.Functions.Attachments;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Security;
using Ratsworkflow.Functions.Submission;
using Ratsworkflow.Functions.Workflow;

namespace Ratsworkflow.Functions.Api;

/// <summary>The stable JSON API of docs/design.md §4 for motions and votes.</summary>
public static class MotionEndpoints
{
    public static IEndpointRouteBuilder MapMotionApi(this IEndpointRouteBuilder routes)
    {
        var motions = routes.MapGroup("/api/motions");
        motions.MapPost("", SubmitAsync).RequireRateLimiting(RateLimitPolicies.Submission);
        motions.MapPost("/{motionId}/confirm", ConfirmAsync).RequireRateLimiting(RateLimitPolicies.Token);
        motions.MapPost("/{motionId}/withdraw", WithdrawAsync).RequireRateLimiting(RateLimitPolicies.Token);
        var clerk = motions.MapGroup("").RequireAuthorization(ClerkAuthentication.PolicyName);
        clerk.MapGet("", ListAsync);
        clerk.MapGet("/{motionId}", GetAsync);
        clerk.MapGet("/{motionId}/attachments/{attachmentId}", AttachmentDownload.GetAsync);
        clerk.MapPost("/{motionId}/schedule", ScheduleAsync);
        clerk.MapPost("/{motionId}/result", ResultAsync);
        clerk.MapPost("/{motionId}/retry", RetryAsync);
        clerk.MapPost("/{motionId}/followup/end", EndFollowUpAsync);
        routes.MapPost("/api/votes/{voteToken}", VoteAsync).RequireRateLimiting(RateLimitPolicies.Token);
        return routes;
    }

    /// <summary>Lets a client repeat a submission whose answer it lost without creating a second motion (<see cref="SubmissionKeys"/>).</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private static async Task<Results<Accepted<SubmittedResponse>, ProblemHttpResult>> SubmitAsync(HttpRequest request, SubmissionService submissions,
        IOptions<AttachmentOptions> attachments, CancellationToken ct)
    {
        var key = request.Headers[IdempotencyKeyHeader].ToString();
        if (request.Headers.ContainsKey(IdempotencyKeyHeader) && !SubmissionKeys.IsValid(key))
        {
            return ApiProblems.Problem(400,
                $"Der Header „{IdempotencyKeyHeader}“ muss 1 bis {SubmissionKeys.MaxLength} sichtbare ASCII-Zeichen enthalten " +
                "(z. B. eine UUID).");
        }
        var (body, files, problem) = request.HasFormContentType
            ? await MultipartSubmission.ReadAsync(request, attachments.Value, ct)
            : Json(await JsonBody.ReadAsync<MotionSubmission>(request, ct));
        if (problem is not null)
        {
            return problem;
        }
        var outcome = await submissions.SubmitAsync(body!, files, ct, key.Length > 0 ? key : null);
        return outcome.Succeeded
            ? TypedResults.Accepted($"/api/motions/{outcome.Value!.MotionId}", new SubmittedResponse(outcome.Value.MotionId, outcome.Value.Status))
            : ApiProblems.From(outcome);
    }

    private static (MotionSubmission?, IReadOnlyList<AttachmentUpload>, ProblemHttpResult?) Json(
        (MotionSubmission? Value, ProblemHttpResult? Problem) read) =>
        (read.Value, [], read.Problem);

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> ConfirmAsync(string motionId, HttpRequest request,
        SubmissionService submissions, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<TokenRequest>(request, ct);
        return problem ?? Answer(await submissions.ConfirmAsync(motionId, body!.Token, ct));
    }

    private static async Task<Results<Ok<CommandResponse>, Accepted<CommandResponse>, ProblemHttpResult>> WithdrawAsync(string motionId,
        HttpRequest request, CommandService commands, CancellationToken ct)
    {
        var clerk = request.HttpContext.User.IsInRole(ClerkAuthentication.Role) ? request.HttpContext.User.Identity?.Name ?? "Ratsbüro" : null;
        string? token = null;
        if (clerk is null || request.ContentLength > 0)
        {
            var (body, problem) = await JsonBody.ReadAsync<TokenRequest>(request, ct);
            if (problem is not null)
            {
                return problem;
            }
            token = body!.Token;
        }
        return AnswerCommand(await commands.WithdrawAsync(motionId, token, clerk, ct));
    }

    private static async Task<Results<Ok<MotionListResponse>, ProblemHttpResult>> ListAsync(MotionIndex index, string? stage,
        string? factionId, string? overdue, string? q, string? continuation, string? pageSize, string? organizationId, string? sort,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var order = MotionSort.Newest;
        if (sort is { Length: > 0 } && !(!char.IsDigit(sort[0]) && Enum.TryParse(sort, ignoreCase: true, out order) && Enum.IsDefined(order)))
        {
            errors["sort"] = ["Unbekannte Sortierung; erlaubt sind: newest, oldest, meeting, decision."];
        }
        MotionStage? stageFilter = null;
        if (stage is { Length: > 0 })
        {
            stageFilter = !char.IsDigit(stage[0]) && Enum.TryParse<MotionStage>(stage, ignoreCase: false, out var parsed)
                && Enum.IsDefined(parsed) ? parsed : null;
            if (stageFilter is null)
            {
                errors["stage"] = ["Unbekannter Stand; erlaubt sind: " + string.Join(", ", Enum.GetNames<MotionStage>()) + "."];
            }
        }
        bool? overdueFilter = overdue is { Length: > 0 } ? bool.TryParse(overdue, out var o) ? o : null : null;
        if (overdue is { Length: > 0 } && overdueFilter is null)
        {
            errors["overdue"] = ["Bitte „true“ oder „false“ angeben."];
        }
        var size = 50;
        if (pageSize is { Length: > 0 } && (!int.TryParse(pageSize, out size) || size is < 1 or > 200))
        {
            errors["pageSize"] = ["Bitte eine Seitengröße von 1 bis 200 angeben."];
        }
        if (continuation is { } token && (token.Length > 1000 || token.Any(c => char.IsControl(c))))
        {
            errors["continuation"] = ["Bitte verwenden Sie das Token aus der vorigen Antwort."];
        }
        if (q is { Length: > 200 })
        {
            errors["q"] = ["Der Suchbegriff darf höchstens 200 Zeichen lang sein."];
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Problem(400, "Die Filter sind ungültig.", errors);
        }
        try
        {
            var page = await index.PageAsync(
                new MotionQuery(stageFilter, factionId, overdueFilter, q, continuation, size, order, organizationId), ct);
            return TypedResults.Ok(new MotionListResponse(page.Items, page.Continuation));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or IndexOutOfRangeException
            or Azure.RequestFailedException { Status: 400 })
        {
            return ApiProblems.Problem(400, "Das Fortsetzungstoken ist ungültig.",
                new Dictionary<string, string[]> { ["continuation"] = ["Bitte verwenden Sie das Token aus der vorigen Antwort."] });
        }
    }

    private static async Task<Results<Ok<MotionView>, ProblemHttpResult>> GetAsync(string motionId, MotionStore store, CancellationToken ct) =>
        await store.GetWithTimelineAsync(motionId, ct) is { } found
            ? TypedResults.Ok(MotionView.From(found.Record, found.Timeline))
            : ApiProblems.Problem(404, Outcomes.NotFound);

    private static async Task<Results<Ok<CommandResponse>, Accepted<CommandResponse>, ProblemHttpResult>> ScheduleAsync(string motionId,
        HttpRequest request, CommandService commands, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<ScheduleRequest>(request, ct);
        return problem ?? AnswerCommand(await commands.ScheduleAsync(motionId,
            new ScheduleConsultation(body!.OrganizationId, body.MeetingDate, NullIfBlank(body.MeetingId)), Actor(request), ct));
    }

    private static async Task<Results<Ok<CommandResponse>, Accepted<CommandResponse>, ProblemHttpResult>> ResultAsync(string motionId,
        HttpRequest request, CommandService commands, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<ResultRequest>(request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var followUp = FollowUpPeriod.FromDays(body!.FollowUpAfterDays);
        if (!followUp.Succeeded)
        {
            return ApiProblems.From(followUp);
        }
        var command = new RecordConsultationResult(body.OrganizationId, body.Outcome, body.ResolutionText, body.ReferTo, body.Votes);
        return AnswerCommand(await commands.RecordResultAsync(motionId, command, Actor(request), followUp.Value, ct));
    }

    private static async Task<Results<Ok<CommandResponse>, Accepted<CommandResponse>, ProblemHttpResult>> RetryAsync(string motionId,
        HttpRequest request, CommandService commands, CancellationToken ct) =>
        AnswerCommand(await commands.RetryAsync(motionId, Actor(request), ct));

    private static async Task<Results<Ok<CommandResponse>, Accepted<CommandResponse>, ProblemHttpResult>> EndFollowUpAsync(string motionId,
        HttpRequest request, CommandService commands, CancellationToken ct) =>
        AnswerCommand(await commands.EndFollowUpAsync(motionId, Actor(request), ct));

    private static async Task<Results<Ok<CommandResponse>, ProblemHttpResult>> VoteAsync(string voteToken, HttpRequest request,
        VoteService votes, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<VoteRequest>(request, ct);
        if (problem is not null)
        {
            return problem;
        }
        var outcome = await votes.CastAsync(voteToken, body!.Choice, body.Comment, ct);
        return outcome.Succeeded
            ? TypedResults.Ok(new CommandResponse(outcome.Value!.MotionId, MotionStage.BeiratReview, outcome.Detail))
            : ApiProblems.From(outcome);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Actor(HttpRequest request) => "Ratsbüro"
        + (request.HttpContext.User.Identity?.Name is { Length: > 0 } name && name.Contains('@', StringComparison.Ordinal)
            ? $" ({name})"
            : "");

    private static Results<Ok<CommandResponse>, ProblemHttpResult> Answer(Outcome<MotionRecord> outcome) =>
        outcome.Succeeded
            ? TypedResults.Ok(new CommandResponse(outcome.Value!.MotionId, outcome.Value.Stage, outcome.Detail))
            : ApiProblems.From(outcome);

    private static Results<Ok<CommandResponse>, Accepted<CommandResponse>, ProblemHttpResult> AnswerCommand(Outcome<MotionRecord> outcome) =>
        outcome switch
        {
            { Kind: OutcomeKind.Accepted, Value: { } motion } =>
                TypedResults.Accepted((string?)null, new CommandResponse(motion.MotionId, motion.Stage, outcome.Detail)),
            { Succeeded: true, Value: { } motion } => TypedResults.Ok(new CommandResponse(motion.MotionId, motion.Stage, outcome.Detail)),
            _ => ApiProblems.From(outcome),
        };
}
