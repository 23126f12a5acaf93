using Microsoft.Extensions.Options;
using Ratsworkflow.Durable;
using Ratsworkflow.Functions.Email;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.References;
using Ratsworkflow.Functions.Tokens;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>What every activity needs: the motion and the catalog, writing both back, and mail with the right links.</summary>
public sealed class WorkflowServices(
    MotionStore motions,
    OrganizationStore organizations,
    NotificationSender mail,
    IAccessTokenStore tokens,
    IReferenceNumbers references,
    TimeProvider clock,
    IOptions<WorkflowOptions> options,
    CommandAcks acks)
{
    public IAccessTokenStore Tokens => tokens;
    public IReferenceNumbers References => references;
    public WorkflowOptions Options => options.Value;
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<(MotionRecord Motion, OrganizationCatalog Catalog)> LoadAsync(string motionId, CancellationToken cancellationToken)
    {
        var motion = await motions.GetAsync(motionId, cancellationToken) ?? throw new InvalidOperationException($"Motion {motionId} does not exist.");
        return (motion, await organizations.GetCatalogAsync(cancellationToken));
    }

    /// <summary>
    /// Saves the changed motion; timeline keys derive from the activity call, so a rerun writes them once. Then an
    /// API call in this process that waits for an acknowledgement in it gets its answer.
    /// Activities run at least once: a work item whose process died after the step completed comes back later, when
    /// the orchestration has moved on. Its record was projected from the orchestrator's state of back then, so it
    /// must not be written: it fails instead, and the engine drops the failure because the step already completed.
    /// </summary>
    public async Task SaveAsync(TaskActivityContext activity, MotionRecord before, MotionRecord after, params TimelineEntry[] timeline)
    {
        if (before.LastStep is { } last && last.ExecutionId == activity.ExecutionId && last.TaskId > activity.TaskId)
        {
            throw new StaleStepException(
                $"Motion {before.MotionId}: step {activity.Name} (task {activity.TaskId}) ran again after task {last.TaskId} saved the motion; not saving its out-of-date state.");
        }
        var saved = after with { UpdatedAt = Now, LastStep = new WorkflowStep(activity.ExecutionId, activity.TaskId) };
        await motions.SaveAsync(before, saved, timeline.Select((e, i) => ($"{activity.IdempotencyKey}|{i}", e)).ToList(), activity.CancellationToken);
        acks.Publish(saved);
    }

    public TimelineEntry Entry(string type, string text, string? actor = null) => new(Now, type, text, actor);

    /// <summary>Sends once per activity call and kind, however often the activity runs.</summary>
    public Task SendAsync(TaskActivityContext activity, string kind, Notification notification) =>
        notification.To.Count == 0 ? Task.CompletedTask : mail.SendAsync(notification, $"{activity.IdempotencyKey}:{kind}", activity.CancellationToken);

    public static Email.MotionSummary Summary(MotionRecord motion, OrganizationCatalog catalog) =>
        new(motion.Reference, motion.Title, catalog.NameOf(motion.FactionId));

    /// <summary>The faction's registered address and, once the faction confirmed it, the submitter.</summary>
    public static IReadOnlyList<Mailbox> Faction(MotionRecord motion, OrganizationCatalog catalog)
    {
        var faction = catalog.Find(motion.FactionId);
        var to = new List<Mailbox>();
        if (faction?.Email is { } registered)
        {
            to.Add(new Mailbox(registered, faction.Name));
        }
        if (motion.Stage != MotionStage.AwaitingConfirmation && motion.SubmitterEmail.Length > 0 && !string.Equals(motion.SubmitterEmail, faction?.Email, StringComparison.OrdinalIgnoreCase))
        {
            to.Add(new Mailbox(motion.SubmitterEmail, motion.SubmitterName));
        }
        return to;
    }

    public static IReadOnlyList<Mailbox> Clerks(OrganizationCatalog catalog) =>
        catalog.Clerks.Select(c => new Mailbox(c.Email, c.Name)).ToList();

    public static IReadOnlyList<Mailbox> Members(Organization? board) =>
        board?.Members.Select(m => new Mailbox(m.Email, m.Name)).ToList() ?? [];

    /// <summary>A fresh status link for the faction: tokens are stored only as hashes, so each mail gets its own.</summary>
    public async Task<MailLink> StatusLinkAsync(MotionRecord motion, CancellationToken cancellationToken)
    {
        var token = await tokens.IssueAsync(TokenPurpose.Status, TokenSubject.Status(motion.MotionId), Now + Options.StatusLinkLifetime, cancellationToken);
        return MailLink.FactionStatus(motion.MotionId, token);
    }
}
