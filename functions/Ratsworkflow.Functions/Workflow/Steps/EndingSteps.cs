using Ratsworkflow.Durable;
using Ratsworkflow.Functions.Email;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Tokens;

namespace Ratsworkflow.Functions.Workflow.Steps;

/// <summary>The faction withdrew (itself, or through a clerk): links close, everyone involved is told.</summary>
public sealed class WithdrawMotion(WorkflowServices services) : TaskActivity<WithdrawMotionInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, WithdrawMotionInput input)
    {
        await services.Tokens.CloseAsync(TokenGroup.VoteRound(input.MotionId, 1), context.CancellationToken);
        var (motion, catalog) = await services.LoadAsync(input.MotionId, context.CancellationToken);
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
        await services.SaveAsync(context, motion, withdrawn, services.Entry("withdrawn", "Antrag zurückgezogen.", input.Actor));
        var to = WorkflowServices.Faction(motion, catalog).Concat(WorkflowServices.Clerks(catalog)).ToList();
        if (motion.Stage == MotionStage.BeiratReview)
        {
            to.AddRange(WorkflowServices.Members(catalog.AdvisoryBoard));
        }
        await services.SendAsync(context, "withdrawn", new MotionWithdrawn
        {
            To = to, Link = MailLink.PublicMotion(input.MotionId), Motion = WorkflowServices.Summary(motion, catalog),
            WithdrawnAt = withdrawnAt, WithdrawnBy = input.Actor,
        });
        return true;
    }
}

/// <summary>A Wiedervorlage is due: clerks and faction are reminded what the council asked for.</summary>
public sealed class SendFollowUp(WorkflowServices services) : TaskActivity<FollowUpInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, FollowUpInput input)
    {
        var (motion, catalog) = await services.LoadAsync(input.MotionId, context.CancellationToken);
        var today = catalog.Body.Today(services.Now);
        await services.SaveAsync(context, motion, motion with { Status = $"Wiedervorlage fällig ({input.Count}.)" }, services.Entry("followUp", $"Wiedervorlage fällig ({input.Count}.)."));
        var mail = new FollowUpDue
        {
            To = WorkflowServices.Clerks(catalog).Concat(WorkflowServices.Faction(motion, catalog)).ToList(),
            Link = MailLink.ClerkMotion(input.MotionId),
            Motion = WorkflowServices.Summary(motion, catalog),
            DueDate = today,
            Instruction = $"Der Beschluss ist zur Wiedervorlage fällig; die nächste folgt am {today.AddDays((int)input.Interval.TotalDays):dd.MM.yyyy}.",
        };
        await services.SendAsync(context, "followup", mail);
        return true;
    }
}

public sealed class EndFollowUp(WorkflowServices services) : TaskActivity<FollowUpInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, FollowUpInput input)
    {
        var (motion, _) = await services.LoadAsync(input.MotionId, context.CancellationToken);
        var ended = motion.WithAck(CommandAck.Ok(input.CommandId!, "Die Wiedervorlage ist beendet.")) with { Status = "Beschlossen, Wiedervorlage beendet" };
        await services.SaveAsync(context, motion, ended, services.Entry("followUpEnded", "Wiedervorlage beendet."));
        return true;
    }
}
