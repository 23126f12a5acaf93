using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Email;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Wording;

namespace Ratsworkflow.Functions.Workflow.Steps;

public sealed class BeginConsultation(WorkflowServices services) : MotionStep<BeginConsultationInput, bool>
{
    protected override async Task<bool> RunAsync(StepContext step, BeginConsultationInput input)
    {
        var (motion, catalog) = await services.LoadAsync(step);
        var started = ConsultationText.Project(motion, input.State, catalog, catalog.Body.TimeZone);
        await services.SaveAsync(step, motion, started, services.Entry("consultationStarted",
            WorkflowSentences.ConsultationsBegun(input.State.Consultations.Select(c => catalog.Phrase(c.OrganizationId)))));
        return true;
    }
}

/// <summary>
/// Decides a clerk's schedule or result (or a meeting's move or cancellation) against the Beratungsfolge, keeps the
/// meeting's agenda in step, records it, answers the clerk and mails whoever it concerns. The decision runs here, not
/// in the orchestrator, because it reads the organization catalog and the meeting.
/// </summary>
public sealed class ApplyConsultationCommand(WorkflowServices services, Meetings.AgendaKeeper agenda, Meetings.MeetingStore meetings)
    : MotionStep<ApplyConsultationInput, ConsultationApplied>
{
    protected override async Task<ConsultationApplied> RunAsync(StepContext step, ApplyConsultationInput input)
    {
        var (motion, catalog) = await services.LoadAsync(step);
        WorkflowServices.ThrowIfStale(step, motion);
        var today = catalog.Body.Today(services.Now);
        var agendas = new ConsultationAgenda(agenda, meetings);
        var (decision, meeting) = await agendas.DecideAsync(input.Command, input.State, motion,
            command => ConsultationDecider.Decide(command, input.State, catalog, today));
        if (decision.Error is { } error)
        {
            await services.SaveAsync(step, motion, motion.WithAck(new CommandAck(input.CommandId, error.Outcome, error.Detail, error.Errors)));
            return new ConsultationApplied([], null, services.Now);
        }
        var state = input.State.ApplyAll(decision.Events);
        await agendas.FollowUpAsync(motion.MotionId, input.State, state, decision.Events, services.Now);
        var followUp = state.IsDecided && input.FollowUpAfter is { } interval && interval > TimeSpan.Zero ? interval : (TimeSpan?)null;
        var after = ConsultationText.Project(motion, state, catalog, catalog.Body.TimeZone)
            .WithAck(CommandAck.Ok(input.CommandId, decision.Events.Count == 0 ? "Keine Änderung." : null)) with
        {
            // A rerun of this step keeps the time of its first run.
            DecidedAt = state.IsDecided ? motion.DecidedAt ?? services.Now : null,
            FollowUpInterval = followUp,
        };
        await services.SaveAsync(step, motion, after,
            decision.Events.Select(e => services.Entry("consultation", ConsultationText.Describe(e, catalog), input.Actor)).ToArray());
        await ConsultationMail.SendAsync(services, step, after, catalog, decision.Events, state, meeting);
        return new ConsultationApplied(decision.Events, followUp, after.DecidedAt ?? services.Now);
    }
}

/// <summary>A meeting date passed without a result: the clerks hear of it once a day until it is recorded.</summary>
public sealed class AlertOverdue(WorkflowServices services) : MotionStep<AlertOverdueInput, bool>
{
    protected override async Task<bool> RunAsync(StepContext step, AlertOverdueInput input)
    {
        var (motion, catalog) = await services.LoadAsync(step);
        var overdue = motion with { Overdue = true, Status = WorkflowSentences.OverdueStatus(input.MeetingDate) };
        var timeline = input.Day == 1
            ? [services.Entry("overdue", WorkflowSentences.Overdue(catalog.Phrase(input.OrganizationId), input.MeetingDate))]
            : Array.Empty<TimelineEntry>();
        await services.SaveAsync(step, motion, overdue, timeline);
        await services.SendAsync(step, "clerks", new MotionOverdue
        {
            To = WorkflowServices.Clerks(catalog),
            Link = MailLink.ClerkMotion(step.MotionId),
            Motion = WorkflowServices.Summary(motion, catalog),
            OrganizationName = catalog.NameOf(input.OrganizationId),
            MeetingDate = input.MeetingDate,
        });
        return true;
    }
}
