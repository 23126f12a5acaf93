using Ratsworkflow.Durable;
using Ratsworkflow.Functions.Workflow.Steps;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>Every orchestrator and activity of the app, by name and version.</summary>
public static class WorkflowCatalog
{
    public static void Register(DurableTaskRegistry registry) => registry
        .AddOrchestrator<RatsbeschlussOrchestrator>(RatsbeschlussOrchestrator.Name, "1")
        .AddActivity<RegisterMotion>(Activities.RegisterMotion)
        .AddActivity<StartBeiratVote>(Activities.StartBeiratVote)
        .AddActivity<RecordVote>(Activities.RecordVote)
        .AddActivity<SendVoteReminders>(Activities.SendVoteReminders)
        .AddActivity<CloseBeiratVote>(Activities.CloseBeiratVote)
        .AddActivity<BeginConsultation>(Activities.BeginConsultation)
        .AddActivity<ApplyConsultationCommand>(Activities.ApplyConsultationCommand)
        .AddActivity<AlertOverdue>(Activities.AlertOverdue)
        .AddActivity<WithdrawMotion>(Activities.WithdrawMotion)
        .AddActivity<AcknowledgeCommand>(Activities.AcknowledgeCommand)
        .AddActivity<SendFollowUp>(Activities.SendFollowUp)
        .AddActivity<EndFollowUp>(Activities.EndFollowUp);
}
