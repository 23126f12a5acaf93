using Ratsworkflow.Functions.Consultations;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>
/// The Beratungsfolge: each body in turn until the council decides. Clerks schedule and record results (decided by
/// <see cref="ConsultationDecider"/> inside a step, since it needs the organization catalog); a meeting date that
/// passed without a result alerts the clerks once a day.
/// </summary>
internal sealed class ConsultationPhase(MotionWorkflow workflow, RegisteredMotion motion)
{
    public FollowUp? FollowUp { get; private set; }

    public async Task<PhaseEnd> RunAsync()
    {
        var context = workflow.Context;
        var settings = workflow.Input.Settings;
        var commands = workflow.Commands;
        var state = ConsultationState.Start(motion.Committees, motion.CouncilId, motion.ResolutionText);
        await workflow.RunAsync(WorkflowSteps.BeginConsultation, new BeginConsultationInput(state));
        CancellationTokenSource? overdueTimers = null;
        DurableTimer? overdue = null;
        (int Position, DateOnly Date)? watched = null;
        var day = 0;
        try
        {
            while (!state.IsDecided)
            {
                (int Position, DateOnly Date)? due = state.Current is { MeetingDate: { } date, Outcome: null }
                    ? (state.CurrentPosition!.Value, date)
                    : null;
                if (due != watched)
                {
                    Stop(overdueTimers);
                    (overdueTimers, overdue, watched, day) = (null, null, due, 0);
                    if (due is { } meeting)
                    {
                        overdueTimers = new CancellationTokenSource();
                        overdue = new DurableTimer(context, DurableTimer.EndOfDay(meeting.Date, settings.TimeZone) + settings.OverdueGrace,
                            overdueTimers.Token);
                    }
                }
                var first = await Task.WhenAny(overdue is null ? [commands.Next] : [commands.Next, overdue.Fired]);
                if (first == overdue?.Fired)
                {
                    if (overdue.IsDue())
                    {
                        day++;
                        await workflow.RunAsync(WorkflowSteps.AlertOverdue,
                            new AlertOverdueInput(state.Current!.OrganizationId, watched!.Value.Date, day));
                        // Once a day from the first alert on; after an outage the next alert waits a day, not the backlog.
                        var next = overdue.FireAt.AddDays(1) > context.CurrentUtcDateTime
                            ? overdue.FireAt.AddDays(1)
                            : context.CurrentUtcDateTime.AddDays(1);
                        overdue = new DurableTimer(context, next, overdueTimers!.Token);
                    }
                    continue;
                }
                var command = commands.Take();
                switch (command)
                {
                    case WithdrawMotion:
                        await workflow.RunAsync(WorkflowSteps.WithdrawMotion, new CommandInput(command.CommandId, command.Actor));
                        return PhaseEnd.Withdrawn;
                    case ScheduleMotion schedule:
                        state = await ApplyAsync(command, schedule.Schedule, null, state);
                        break;
                    case FollowMeetingChange change:
                        state = await ApplyAsync(command, change.Change, null, state);
                        break;
                    case RecordResult result:
                        state = await ApplyAsync(command, result.Result, result.FollowUp, state);
                        break;
                    default:
                        await workflow.RefuseAsync(command, "Der Antrag ist in der Beratungsfolge; das ist jetzt nicht möglich.");
                        break;
                }
            }
            return PhaseEnd.Done;
        }
        finally
        {
            Stop(overdueTimers);
        }
    }

    /// <summary>Decides the consultation command in its step; the council's decision may start a Wiedervorlage.</summary>
    private async Task<ConsultationState> ApplyAsync(MotionCommand command, ConsultationCommand consultation, FollowUpPeriod? followUp,
        ConsultationState state)
    {
        var applied = await workflow.RunAsync(WorkflowSteps.ApplyConsultationCommand,
            new ApplyConsultationInput(command.CommandId, command.Actor, consultation, state, followUp?.Interval));
        state = state.ApplyAll(applied.Events);
        FollowUp = state.IsDecided && applied.FollowUpAfter is { } interval
            ? new FollowUp(interval, 0, applied.RecordedAt.UtcDateTime + interval)
            : null;
        return state;
    }

    private static void Stop(CancellationTokenSource? timers)
    {
        if (timers is not null)
        {
            DurableTimer.Cancel(timers);
            timers.Dispose();
        }
    }
}
