using Ratsworkflow.Functions.Consultations;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>
/// The wire form of a <see cref="MotionCommand"/>: the payload of the "Command" event, as the histories of running
/// motions hold it (<c>{ commandId, type, actor, consultation?, followUpAfter? }</c>, camelCase, the type as a string).
/// Only <see cref="From"/> and <see cref="ToCommand"/> look inside; everything else uses the typed commands. Its shape
/// must stay readable as it is: add fields, never rename or drop one.
/// </summary>
/// <param name="Consultation">With <see cref="MotionCommandType.Consultation"/>: the schedule, result or meeting change.</param>
/// <param name="FollowUpAfter">With a result: the Wiedervorlage's period (<see cref="RecordResult.FollowUp"/>).</param>
public sealed record CommandEnvelope(
    string CommandId,
    MotionCommandType Type,
    string Actor,
    ConsultationCommand? Consultation = null,
    TimeSpan? FollowUpAfter = null)
{
    public const string EventName = "Command";

    public static CommandEnvelope From(MotionCommand command) => command switch
    {
        WithdrawMotion => new(command.CommandId, MotionCommandType.Withdraw, command.Actor),
        EndFollowUp => new(command.CommandId, MotionCommandType.EndFollowUp, command.Actor),
        RetryFailedStep => new(command.CommandId, MotionCommandType.Retry, command.Actor),
        ScheduleMotion schedule => new(command.CommandId, MotionCommandType.Consultation, command.Actor, schedule.Schedule),
        FollowMeetingChange change => new(command.CommandId, MotionCommandType.Consultation, command.Actor, change.Change),
        RecordResult result => new(command.CommandId, MotionCommandType.Consultation, command.Actor, result.Result,
            result.FollowUp?.Interval),
        UnreadableCommand => new(command.CommandId, MotionCommandType.Consultation, command.Actor),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "A command without a wire form."),
    };

    /// <summary>
    /// The typed command. A follow-up period travels only with a result; the old untyped form let it sit beside any
    /// consultation command, where the workflow never used it.
    /// </summary>
    public MotionCommand ToCommand() => (Type, Consultation) switch
    {
        (MotionCommandType.Withdraw, _) => new WithdrawMotion(CommandId, Actor),
        (MotionCommandType.EndFollowUp, _) => new EndFollowUp(CommandId, Actor),
        (MotionCommandType.Retry, _) => new RetryFailedStep(CommandId, Actor),
        (MotionCommandType.Consultation, ScheduleConsultation schedule) => new ScheduleMotion(CommandId, Actor, schedule),
        (MotionCommandType.Consultation, FollowMeeting change) => new FollowMeetingChange(CommandId, Actor, change),
        (MotionCommandType.Consultation, RecordConsultationResult result) => new RecordResult(CommandId, Actor, result,
            FollowUpAfter is { } interval ? FollowUpPeriod.Recorded(interval) : null),
        _ => new UnreadableCommand(CommandId, Actor),
    };
}

/// <summary>The command's kind on the wire (<see cref="CommandEnvelope.Type"/>); stored by name, so never rename one.</summary>
public enum MotionCommandType
{
    Consultation,
    Withdraw,
    EndFollowUp,

    /// <summary>A clerk's "Schritt wiederholen" for a step whose every attempt failed.</summary>
    Retry,
}
