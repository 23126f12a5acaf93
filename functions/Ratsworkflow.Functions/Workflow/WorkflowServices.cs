using Microsoft.Extensions.Options;
using Ratsworkflow.Functions.Email;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.References;
using Ratsworkflow.Functions.Tokens;
using Ratsworkflow.Functions.Workflow.Steps;

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

    public async Task<(MotionRecord Motion, OrganizationCatalog Catalog)> LoadAsync(StepContext step)
    {
        var motion = await motions.GetAsync(step.MotionId) ?? throw new InvalidOperationException($"Motion {step.MotionId} does not exist.");
        return (motion, await organizations.GetCatalogAsync());
    }

    /// <summary>
    /// Saves the changed motion; timeline keys derive from the step, so a rerun writes them once. Then an API call in
    /// this process that waits for an acknowledgement in it gets its answer.
    /// Steps run at least once: a work item whose process died after the step completed comes back later, when the
    /// orchestration may have moved on. Its record was projected from the orchestrator's state of back then, so it
    /// must not be written: it fails instead, and the engine drops that failure because the step already completed.
    /// The same step running again (its completion was lost) finds its own earlier write and writes the same again.
    /// </summary>
    public async Task SaveAsync(StepContext step, MotionRecord before, MotionRecord after, params TimelineEntry[] timeline)
    {
        ThrowIfStale(step, before);
        await WriteAsync(step, before, after with { LastStep = step.Step }, timeline);
    }

    /// <summary>
    /// For a step that writes elsewhere before it saves the motion (a meeting's agenda): a late rerun of an earlier
    /// step must not touch the agenda either, or it would put back what a later step changed.
    /// </summary>
    public static void ThrowIfStale(StepContext step, MotionRecord before)
    {
        if (before.LastStep is { } last && last.ExecutionId == step.Step.ExecutionId && last.TaskId > step.Step.TaskId)
        {
            throw new StaleStepException(
                $"Motion {before.MotionId}: step {step.Step.TaskId} ran again after step {last.TaskId} saved the motion; " +
                "not saving its out-of-date state.");
        }
    }

    /// <summary>
    /// Saves a change that belongs to no step's order (a failure shown, a retry taken, a command refused): it keeps
    /// <see cref="MotionRecord.LastStep"/>, so the failed step can still run again after it.
    /// </summary>
    public Task SaveAsideAsync(StepContext step, MotionRecord before, MotionRecord after, params TimelineEntry[] timeline) =>
        WriteAsync(step, before, after, timeline);

    private async Task WriteAsync(StepContext step, MotionRecord before, MotionRecord after, TimelineEntry[] timeline)
    {
        var saved = after with { UpdatedAt = Now };
        await motions.SaveAsync(before, saved, timeline.Select((e, i) => ($"{step.Step.ExecutionId}:{step.Step.TaskId}|{i}", e)).ToList());
        acks.Publish(saved);
    }

    public TimelineEntry Entry(string type, string text, string? actor = null) => new(Now, type, text, actor);

    /// <summary>Sends once per step and kind, however often the step runs.</summary>
    public Task SendAsync(StepContext step, string kind, Notification notification) =>
        notification.To.Count == 0 ? Task.CompletedTask : mail.SendAsync(notification, $"{step.Key}:{kind}", CancellationToken.None);

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
        if (motion.Stage != MotionStage.AwaitingConfirmation && motion.SubmitterEmail.Length > 0
            && !string.Equals(motion.SubmitterEmail, faction?.Email, StringComparison.OrdinalIgnoreCase))
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
    public async Task<MailLink> StatusLinkAsync(MotionRecord motion)
    {
        var token = await tokens.IssueAsync(TokenPurpose.Status, TokenSubject.Status(motion.MotionId), Now + Options.StatusLinkLifetime);
        return MailLink.FactionStatus(motion.MotionId, token);
    }
}
