using Microsoft.Extensions.Options;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Ratsworkflow.Functions.Attachments;
using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Email;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Tokens;
using Ratsworkflow.Functions.Workflow;

namespace Ratsworkflow.Functions.Submission;

public sealed record Submitted(string MotionId, MotionStage Status);

/// <summary>
/// A faction's motion from the form or the API to its start: validated (nothing stored on error), held until someone
/// at the faction's registered address confirms it, and only then handed to the workflow.
/// </summary>
public sealed class SubmissionService(
    MotionStore motions,
    SubmissionKeys keys,
    AttachmentStore attachments,
    IOptions<AttachmentOptions> attachmentOptions,
    OrganizationStore organizations,
    IAccessTokenStore tokens,
    NotificationSender mail,
    DurableTaskClient engine,
    IOptions<WorkflowOptions> options,
    IOptions<BeiratRules> beiratRules,
    TimeProvider clock,
    ILogger<SubmissionService> logger)
{
    /// <summary>How long a key's first request may take to store its motion before a repeat takes the key over.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    public async Task<Outcome<Submitted>> SubmitAsync(MotionSubmission submission, CancellationToken cancellationToken) =>
        await SubmitAsync(submission, [], cancellationToken);

    /// <param name="idempotencyKey">
    /// The client's <c>Idempotency-Key</c> (checked by the caller, <see cref="SubmissionKeys.IsValid"/>): the same
    /// submission sent again with it answers with the motion of the first, without a second motion or mail.
    /// </param>
    public async Task<Outcome<Submitted>> SubmitAsync(MotionSubmission submission, IReadOnlyList<AttachmentUpload> uploads,
        CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        var catalog = await organizations.GetCatalogAsync(cancellationToken);
        var input = submission.Normalized();
        var errors = MotionSubmissionValidator.Validate(input, catalog, uploads, attachmentOptions.Value);
        if (errors.Count > 0)
        {
            return Outcomes.Fail<Submitted>(OutcomeKind.Invalid, "Der Antrag ist unvollständig oder enthält ungültige Angaben.", errors);
        }
        var now = clock.GetUtcNow();
        var motionId = Guid.NewGuid().ToString("N");
        if (idempotencyKey is not null)
        {
            var (claim, held, claimedAt) = await keys.ClaimAsync(idempotencyKey, Fingerprint(input, uploads), motionId, now, cancellationToken);
            if (claim == KeyClaim.Repeated && now - claimedAt > AbandonedAfter && await motions.GetAsync(held, cancellationToken) is null)
            {
                // The first request's process died before it stored the motion: this one takes the key over.
                await keys.ReleaseAsync(idempotencyKey);
                return await SubmitAsync(submission, uploads, cancellationToken, idempotencyKey);
            }
            if (claim != KeyClaim.New)
            {
                return await RepeatedAsync(claim, held, catalog, cancellationToken);
            }
        }
        Outcome<Submitted> outcome;
        try
        {
            outcome = await StoreNewAsync(motionId, input, uploads, catalog, now, cancellationToken);
        }
        catch when (idempotencyKey is not null)
        {
            await keys.ReleaseAsync(idempotencyKey);
            throw;
        }
        if (!outcome.Succeeded && idempotencyKey is not null)
        {
            await keys.ReleaseAsync(idempotencyKey);
        }
        return outcome;
    }

    private async Task<Outcome<Submitted>> StoreNewAsync(string motionId, MotionSubmission input, IReadOnlyList<AttachmentUpload> uploads,
        OrganizationCatalog catalog, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await attachments.StoreAsync(motionId, uploads, cancellationToken);
        var motion = new MotionRecord
        {
            MotionId = motionId,
            Attachments = stored,
            FactionId = input.FactionId!,
            SubmitterName = input.SubmitterName!,
            SubmitterEmail = input.SubmitterEmail!,
            Title = input.Title!,
            ResolutionText = input.ResolutionText!,
            Justification = input.Justification!,
            FinancialImpact = input.FinancialImpact,
            BeiratReview = input.BeiratReview,
            RequestedConsultations = input.Consultations!.OfType<string>().ToList(),
            CreatedAt = now,
            UpdatedAt = now,
            WaitingFor = catalog.NameOf(input.FactionId!) + " (Bestätigung)",
            DueAt = now + options.Value.ConfirmationExpiry,
        };
        try
        {
            await motions.CreateAsync(motion,
                new TimelineEntry(now, "submitted", "Antrag eingereicht; Bestätigung durch die Fraktion angefordert.", motion.SubmitterName),
                cancellationToken);
        }
        catch
        {
            await attachments.DeleteAllAsync(motionId, CancellationToken.None);
            throw;
        }
        try
        {
            await SendConfirmationRequestAsync(motion, catalog, cancellationToken);
        }
        catch (EmailDeliveryException ex)
        {
            // Without the mail nobody could confirm: take the submission back, so the faction can simply try again.
            logger.LogError(ex, "Confirmation mail for motion {MotionId} could not be sent.", motion.MotionId);
            await DeleteAsync(motion, cancellationToken);
            return Outcomes.Fail<Submitted>(OutcomeKind.Unavailable,
                "Die Bestätigungs-E-Mail konnte nicht versendet werden. Bitte versuchen Sie es später erneut.");
        }
        return Outcomes.Ok(new Submitted(motion.MotionId, MotionStage.AwaitingConfirmation), OutcomeKind.Accepted);
    }

    /// <summary>
    /// A submission sent again under its key: the motion the key holds. Its confirmation mail is asked for again — the
    /// mail ledger sends it only if the first request died before it went out.
    /// </summary>
    private async Task<Outcome<Submitted>> RepeatedAsync(KeyClaim claim, string motionId, OrganizationCatalog catalog,
        CancellationToken cancellationToken)
    {
        if (claim == KeyClaim.Conflicting)
        {
            return Outcomes.Fail<Submitted>(OutcomeKind.KeyReused,
                "Dieser Idempotency-Key gehört bereits zu einem anderen Antrag. Verwenden Sie für jeden Antrag einen neuen Schlüssel.");
        }
        if (await FirstRequestsMotionAsync(motionId, cancellationToken) is not { } motion)
        {
            // The first request is still storing it (after AbandonedAfter the key is taken over).
            return Outcomes.Fail<Submitted>(OutcomeKind.Conflict,
                "Ein Antrag mit diesem Idempotency-Key wird gerade eingereicht. Bitte versuchen Sie es in einigen Sekunden erneut.");
        }
        if (motion.Stage == MotionStage.AwaitingConfirmation)
        {
            await SendConfirmationRequestAsync(motion, catalog, cancellationToken);
        }
        return Outcomes.Ok(new Submitted(motion.MotionId, motion.Stage), OutcomeKind.Accepted);
    }

    /// <summary>
    /// The motion a key's first request creates, waiting a few seconds when it is not stored yet: a double click sends
    /// both requests within milliseconds, and the second should answer like the first, not with "try again". Real
    /// time, not the app's clock: this waits for another request, not for a deadline.
    /// </summary>
    private async Task<MotionRecord?> FirstRequestsMotionAsync(string motionId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var motion = await motions.GetAsync(motionId, cancellationToken);
            if (motion is not null || attempt == 20)
            {
                return motion;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    /// <summary>What makes two submissions the same: every normalized field and each file's name and content.</summary>
    private static string Fingerprint(MotionSubmission input, IReadOnlyList<AttachmentUpload> uploads)
    {
        var files = uploads.Select(u => u.FileName + ":" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(u.Content)));
        var text = System.Text.Json.JsonSerializer.Serialize(input) + "\n" + string.Join("\n", files);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The faction confirms with the mailed token: the motion becomes binding and its workflow starts.</summary>
    public async Task<Outcome<MotionRecord>> ConfirmAsync(string motionId, string? token, CancellationToken cancellationToken)
    {
        var motion = await motions.GetAsync(motionId, cancellationToken);
        var resolution = await tokens.ResolveAsync(TokenPurpose.Confirmation, token, cancellationToken);
        if (motion is null || resolution.Token?.Subject.MotionId != motionId)
        {
            return Outcomes.Fail<MotionRecord>(OutcomeKind.NotFound, "Dieser Bestätigungslink ist ungültig.");
        }
        if (motion.Stage != MotionStage.AwaitingConfirmation)
        {
            return Outcomes.Ok(motion, OutcomeKind.Done, "Der Antrag ist bereits bestätigt.");
        }
        if (resolution.Status == TokenStatus.Expired)
        {
            return Outcomes.Fail<MotionRecord>(OutcomeKind.Expired,
                "Dieser Bestätigungslink ist abgelaufen. Bitte reichen Sie den Antrag erneut ein.");
        }
        var consumed = await tokens.ConsumeAsync(TokenPurpose.Confirmation, token, cancellationToken);
        if (!consumed.IsValid && consumed.Status != TokenStatus.Used)
        {
            return Outcomes.Fail<MotionRecord>(OutcomeKind.Conflict, "Dieser Bestätigungslink kann nicht mehr verwendet werden.");
        }
        await StartAsync(motionId, cancellationToken);
        return Outcomes.Ok(motion, OutcomeKind.Done, "Der Antrag ist bestätigt und wird registriert.");
    }

    /// <summary>Unconfirmed motions past their expiry never became binding: the faction is told and the data deleted.</summary>
    public async Task<int> ExpireUnconfirmedAsync(MotionIndex index, CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - options.Value.ConfirmationExpiry;
        var expired = 0;
        string? continuation = null;
        var catalog = await organizations.GetCatalogAsync(cancellationToken);
        do
        {
            var page = await index.PageAsync(
                new MotionQuery(Stage: MotionStage.AwaitingConfirmation, Continuation: continuation, PageSize: 100), cancellationToken);
            foreach (var item in page.Items.Where(i => i.CreatedAt <= before))
            {
                if (await motions.GetAsync(item.MotionId, cancellationToken) is not { Stage: MotionStage.AwaitingConfirmation } motion)
                {
                    continue;
                }
                await tokens.CloseAsync(TokenGroup.Motion(TokenPurpose.Confirmation, motion.MotionId), cancellationToken);
                await mail.SendAsync(new ConfirmationExpired
                {
                    To = WorkflowServices.Faction(motion, catalog),
                    Link = MailLink.NewMotion(),
                    Motion = WorkflowServices.Summary(motion, catalog),
                    SubmittedAt = motion.CreatedAt,
                }, "expired:" + motion.MotionId, cancellationToken);
                await DeleteAsync(motion, cancellationToken);
                expired++;
            }
            continuation = page.Continuation;
        }
        while (continuation is not null);
        return expired;
    }

    /// <summary>A motion that never became binding leaves nothing behind: record, timeline, index rows, Anlagen.</summary>
    private async Task DeleteAsync(MotionRecord motion, CancellationToken cancellationToken)
    {
        await motions.DeleteAsync(motion, cancellationToken);
        await attachments.DeleteAllAsync(motion.MotionId, cancellationToken);
    }

    private async Task StartAsync(string motionId, CancellationToken cancellationToken)
    {
        var catalog = await organizations.GetCatalogAsync(cancellationToken);
        var o = options.Value;
        var settings = new WorkflowSettings(o.BeiratDeadline, o.BeiratReminderBefore, o.OverdueGrace, beiratRules.Value.QuorumShare,
            catalog.Body.TimeZone, o.StepAttempts, o.StepFirstRetry);
        var existing = await engine.GetInstanceAsync(motionId, cancellationToken);
        if (existing is null || existing.RuntimeStatus == OrchestrationRuntimeStatus.Pending)
        {
            try
            {
                await engine.ScheduleNewOrchestrationInstanceAsync(RatsbeschlussOrchestrator.Name, new MotionWorkflowInput(motionId, settings),
                    new StartOrchestrationOptions(motionId) { Version = RatsbeschlussOrchestrator.Version }, cancellationToken);
            }
            catch (InvalidOperationException)
            {
                // A concurrent confirmation started it a moment ago: nothing left to do.
            }
        }
    }

    private async Task SendConfirmationRequestAsync(MotionRecord motion, OrganizationCatalog catalog, CancellationToken cancellationToken)
    {
        var expiresAt = motion.CreatedAt + options.Value.ConfirmationExpiry;
        var faction = catalog.Find(motion.FactionId)!;
        var token = await tokens.IssueAsync(TokenPurpose.Confirmation, TokenSubject.Confirmation(motion.MotionId, faction.Email ?? ""),
            expiresAt, cancellationToken);
        await mail.SendAsync(new ConfirmationRequested
        {
            To = WorkflowServices.Faction(motion, catalog),
            Link = MailLink.Confirmation(motion.MotionId, token),
            Motion = WorkflowServices.Summary(motion, catalog),
            SubmitterName = motion.SubmitterName,
            SubmittedAt = motion.CreatedAt,
            ExpiresAt = expiresAt,
        }, "confirm:" + motion.MotionId, cancellationToken);
    }
}
