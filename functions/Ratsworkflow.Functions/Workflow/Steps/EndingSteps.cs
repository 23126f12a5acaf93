using Ratsworkflow.Functions.Email;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Tokens;
using Ratsworkflow.Functions.Wording;

namespace Ratsworkflow.Functions.Workflow.Steps;

/// <summary>The faction withdrew (itself, or through a clerk): links close, everyone involved is told.</summary>
public sealed class WithdrawMotion(WorkflowServices services, Beirat.BallotStore ballots, Meetings.AgendaKeeper agenda,
    Meetings.MeetingStore meetings) : MotionStep<CommandInput, bool>
{
    protected override async Task<bool> RunAsync(StepContext step, CommandInput input)
    {
        // A withdrawn motion takes no more votes: the ballot closes as it stands (no result is announced).
        await ballots.CloseAsync(step.MotionId, 1);
        await services.Tokens.CloseAsync(TokenGroup.VoteRound(step.MotionId, 1));
        var (motion, catalog) = await services.LoadAsync(step);
        WorkflowServices.ThrowIfStale(step, motion);
        await new ConsultationAgenda(agenda, meetings).WithdrawAsync(motion);
        var withdrawnAt = motion.WithdrawnAt ?? services.Now;
        var withdrawn = motion.WithAck(CommandAck.Ok(input.CommandId, "Der Antrag wurde zurückgezogen.")) with
        {
            Stage = MotionStage.Withdrawn,
            WithdrawnAt = withdrawnAt,
            Status = "Zurückgezogen",
            WaitingFor = null,
            DueAt = null,
            Overdue = false,
        };
        await services.SaveAsync(step, motion, withdrawn, services.Entry("withdrawn", "Antrag zurückgezogen.", input.Actor));
        var to = WorkflowServices.Faction(motion, catalog).Concat(WorkflowServices.Clerks(catalog)).ToList();
        // A vote still open when the faction withdrew (read from the outcome, which a rerun of this step still finds).
        if (motion.Beirat is { Outcome: Beirat.BeiratOutcome.Pending })
        {
            to.AddRange(WorkflowServices.Members(catalog.AdvisoryBoard));
        }
        await services.SendAsync(step, "withdrawn", new MotionWithdrawn
        {
            To = to, Link = MailLink.PublicMotion(step.MotionId), Motion = WorkflowServices.Summary(motion, catalog),
            WithdrawnAt = withdrawnAt, WithdrawnBy = input.Actor,
        });
        return true;
    }
}

/// <summary>A Wiedervorlage is due: clerks and faction are reminded what the council asked for.</summary>
public sealed class SendFollowUp(WorkflowServices services) : MotionStep<FollowUpInput, bool>
{
    protected override async Task<bool> RunAsync(StepContext step, FollowUpInput input)
    {
        var (motion, catalog) = await services.LoadAsync(step);
        var today = catalog.Body.Today(services.Now);
        await services.SaveAsync(step, motion, motion with { Status = WorkflowSentences.FollowUpDue(input.Count) },
            services.Entry("followUp", WorkflowSentences.FollowUpDue(input.Count) + "."));
        var mail = new FollowUpDue
        {
            To = WorkflowServices.Clerks(catalog).Concat(WorkflowServices.Faction(motion, catalog)).ToList(),
            Link = MailLink.ClerkMotion(step.MotionId),
            Motion = WorkflowServices.Summary(motion, catalog),
            DueDate = today,
            Instruction = WorkflowSentences.FollowUpInstruction(today.AddDays((int)input.Interval.TotalDays)),
        };
        await services.SendAsync(step, "followup", mail);
        return true;
    }
}

public sealed class EndFollowUp(WorkflowServices services) : MotionStep<CommandInput, bool>
{
    protected override async Task<bool> RunAsync(StepContext step, CommandInput input)
    {
        var (motion, _) = await services.LoadAsync(step);
        var ended = motion.WithAck(CommandAck.Ok(input.CommandId, "Die Wiedervorlage ist beendet."))
            with { Status = "Beschlossen, Wiedervorlage beendet", FollowUpInterval = null };
        await services.SaveAsync(step, motion, ended, services.Entry("followUpEnded", "Wiedervorlage beendet.", input.Actor));
        return true;
    }
}
