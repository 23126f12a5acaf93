namespace Ratsworkflow.Functions.Workflow;

/// <summary>
/// The durations of docs/design.md §5's configuration table (<c>Workflow__BeiratDeadline</c> …). A test deployment can set
/// them to seconds. They are copied into each motion's input when it starts, so a later change does not alter a
/// running motion's replay.
/// </summary>
public sealed class WorkflowOptions
{
    public const string Section = "Workflow";

    public TimeSpan BeiratDeadline { get; set; } = TimeSpan.FromDays(14);
    public TimeSpan BeiratReminderBefore { get; set; } = TimeSpan.FromDays(3);
    public TimeSpan OverdueGrace { get; set; } = TimeSpan.FromDays(2);
    public TimeSpan ConfirmationExpiry { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The Wiedervorlage interval when a clerk asks for one without naming it.</summary>
    public TimeSpan FollowUpInterval { get; set; } = TimeSpan.FromDays(730);

    /// <summary>How long a faction's status link works.</summary>
    public TimeSpan StatusLinkLifetime { get; set; } = TimeSpan.FromDays(730);

    /// <summary>
    /// How long after a motion ended (decided or withdrawn, its Wiedervorlage over) the personal data of
    /// non-officials is kept: submitter, Beirat members' votes and comments, links, workflow history (DSGVO Art. 5 (1) e).
    /// </summary>
    public TimeSpan PersonalDataRetention { get; set; } = TimeSpan.FromDays(730);

    /// <summary>
    /// How often a failing step (e.g. the mail server is down) is tried, and the pause before the second attempt; the
    /// pauses triple up to an hour: 6 attempts from 10 s span about 20 minutes.
    /// </summary>
    public int StepAttempts { get; set; } = 6;
    public TimeSpan StepFirstRetry { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an API call waits for the workflow's answer before it answers 202.</summary>
    public TimeSpan CommandWait { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How often a waiting API call reads the motion for its answer. An activity in the same process answers at once
    /// (<see cref="CommandAcks"/>); this covers the one that ran in another instance.
    /// </summary>
    public TimeSpan CommandAckPoll { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>What a running motion keeps of the configuration.</summary>
/// <param name="StepAttempts">How often a failing step is tried before the motion shows „Fehler“ and waits for a clerk.</param>
/// <param name="StepFirstRetry">The pause before its second attempt; each further pause is three times longer (at most an hour).</param>
public sealed record WorkflowSettings(
    TimeSpan BeiratDeadline,
    TimeSpan ReminderBefore,
    TimeSpan OverdueGrace,
    decimal QuorumShare,
    string TimeZone,
    int StepAttempts,
    TimeSpan StepFirstRetry);
