using Ratsworkflow.Durable;
using Ratsworkflow.Functions.Consultations;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>
/// The Beratungsfolge: each body in turn until the council decides. Clerks schedule and record results (decided by
/// <see cref="ConsultationDecider"/> inside an activity, since it needs the organization catalog); a meeting date
/// that passed without a result alerts the clerks once a day.
/// </summary>
internal sealed class ConsultationPhase(TaskOrchestrationContext context, MotionWorkflowInput input, RegisteredMotion motion, CommandInbox commands)
{
    public FollowUp? FollowUp { get; private set; }

    public async Task<PhaseEnd> RunAsync()
    {
        var state = ConsultationState.Start(motion.Committees, motion.CouncilId, motion.ResolutionText);
        await context.CallActivityAsync(Activities.BeginConsultation, new BeginConsultationInput(motion.MotionId, state), Activities.Retry);
        CancellationTokenSource? overdueTimers = null;
        Task? overdue = null;
        var overdueAt = DateTime.MinValue;
        (int Position, DateOnly Date)? watched = null;
        var day = 0;
        try
        {
            while (!state.IsDecided)
            {
                (int Position, DateOnly Date)? due = state.Current is { MeetingDate: { } date, Outcome: null } ? (state.CurrentPosition!.Value, date) : null;
                if (due != watched)
                {
                    DurableTimers.Cancel(overdueTimers);
                    overdueTimers?.Dispose();
                    (overdueTimers, overdue, watched, day) = (null, null, due, 0);
                    if (due is { } meeting)
                    {
                        overdueTimers = new CancellationTokenSource();
                        overdueAt = DurableTimers.EndOfDay(meeting.Date, input.Settings.TimeZone) + input.Settings.OverdueGrace;
                        overdue = context.CreateTimer(overdueAt, overdueTimers.Token);
                    }
                }
                var first = await Task.WhenAny(overdue is null ? [commands.Next] : [commands.Next, overdue]);
                if (first == overdue)
                {
                    day++;
                    await context.CallActivityAsync(Activities.AlertOverdue, new AlertOverdueInput(motion.MotionId, state.Current!.OrganizationId, watched!.Value.Date, day), Activities.Retry);
                    // Once a day from the first alert on; after an outage the next alert waits a day, not the backlog.
                    overdueAt = overdueAt.AddDays(1) > context.CurrentUtcDateTime ? overdueAt.AddDays(1) : context.CurrentUtcDateTime.AddDays(1);
                    overdue = context.CreateTimer(overdueAt, overdueTimers!.Token);
                    continue;
                }
                var command = commands.Take();
                switch (command)
                {
                    case { Type: MotionCommandType.Withdraw }:
                        await Withdrawal.RunAsync(context, motion.MotionId, command);
                        return PhaseEnd.Withdrawn;
                    case { Type: MotionCommandType.Consultation, Consultation: { } consultation }:
                        var applied = await context.CallActivityAsync<ConsultationApplied>(Activities.ApplyConsultationCommand,
                            new ApplyConsultationInput(motion.MotionId, command.CommandId, command.Actor, consultation, state, command.FollowUpAfter), Activities.Retry);
                        state = state.ApplyAll(applied.Events);
                        FollowUp = state.IsDecided && applied.FollowUpAfter is { } interval ? new FollowUp(interval, 0, applied.RecordedAt.UtcDateTime + interval) : null;
                        break;
                    default:
                        await Withdrawal.RefuseAsync(context, motion.MotionId, command, "Der Antrag ist in der Beratungsfolge; eine Stimmabgabe des Beirats ist nicht mehr möglich.");
                        break;
                }
            }
            return PhaseEnd.Done;
        }
        finally
        {
            DurableTimers.Cancel(overdueTimers);
            overdueTimers?.Dispose();
        }
    }
}
